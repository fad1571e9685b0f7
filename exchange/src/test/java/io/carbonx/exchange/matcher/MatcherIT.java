package io.carbonx.exchange.matcher;

import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.exchange.core.market.Inputs;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.exchange.testing.ExchangeKafka;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The matcher through Kafka: OrderAccepted on carbonx.orders → TradeExecuted on carbonx.trades in grade priority;
 * a restart rebuilds the books from the partition (same state hash, checkpoint verified) and publishes nothing
 * twice.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MatcherIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EUA = "EUA-2026";
    private static final long T = 1_793_577_600_000L;

    private final List<MarketDefinition> instruments = InstrumentConfig.parse(InstrumentConfig.defaults());

    private Matcher start(KafkaClients clients, ExchangeTopics topics, String group) {
        return Matcher.start(clients, "carbonx-test", instruments, topics, group, group + "-tx", Duration.ofMillis(20), 1,
                Duration.ofSeconds(60));
    }

    @Test
    void crossingOrdersTradeInGradePriority_andARestartRebuildsTheSameBooksWithoutDuplicateOutputs(KafkaBroker broker) {
        KafkaClients clients = broker.clients();
        ExchangeTopics topics = ExchangeKafka.freshTopics(clients, "matcher");
        String group = "exchange-" + System.nanoTime();
        ExchangeKafka.produce(clients, topics.orders(), EUA,
                Inputs.accepted("S-BB", "ENT-1", EUA, Side.SELL, 8_000, 50, CreditGrade.BB, T + 1).build(),
                Inputs.accepted("S-AAA", "ENT-2", EUA, Side.SELL, 8_000, 50, CreditGrade.AAA, T + 2).build(),
                Inputs.accepted("B-1", "ENT-3", EUA, Side.BUY, 8_000, 60, CreditGrade.A, T + 3).build());

        SortedMap<String, String> hashesBefore;
        try (Matcher matcher = start(clients, topics, group)) {
            await("two trades", WAIT, () -> events(clients, topics.trades(), TradeExecuted.class).size() == 2);
            List<TradeExecuted> trades = events(clients, topics.trades(), TradeExecuted.class);
            assertThat(trades).extracting(TradeExecuted::getSellOrderId).containsExactly("S-AAA", "S-BB");
            assertThat(trades).extracting(TradeExecuted::getQuantity).containsExactly(50L, 10L);
            assertThat(trades).extracting(TradeExecuted::getTradeId).containsExactly("EUA-2026-T1", "EUA-2026-T2");
            await("status after commit", WAIT, () -> matcher.status().partitions().stream()
                    .anyMatch(p -> p.stateHashes().containsKey(EUA) && p.nextOffset() == 3));
            hashesBefore = matcher.status().stateHashes();
        }

        try (Matcher restarted = start(clients, topics, group)) {
            await("rebuilt partitions", WAIT, () -> restarted.status().stateHashes().containsKey(EUA));
            PartitionStatus rebuilt = restarted.status().partitions().stream()
                    .filter(p -> p.stateHashes().containsKey(EUA)).findFirst().orElseThrow();
            assertThat(rebuilt.replayed()).isEqualTo(3);
            assertThat(rebuilt.verification()).isEqualTo(PartitionStatus.Verification.VERIFIED);
            assertThat(restarted.status().stateHashes()).isEqualTo(hashesBefore);
            assertThat(restarted.state()).isEqualTo(ExactlyOnceProcessor.State.RUNNING);

            ExchangeKafka.produce(clients, topics.orders(), EUA,
                    Inputs.accepted("B-2", "ENT-4", EUA, Side.BUY, 8_000, 40, CreditGrade.B, T + 4).build());
            await("a third trade", WAIT, () -> events(clients, topics.trades(), TradeExecuted.class).size() >= 3);
            List<TradeExecuted> all = events(clients, topics.trades(), TradeExecuted.class);
            assertThat(all).extracting(TradeExecuted::getTradeId)
                    .containsExactly("EUA-2026-T1", "EUA-2026-T2", "EUA-2026-T3");
            assertThat(all.get(2).getSellOrderId()).isEqualTo("S-BB");
            assertThat(all.get(2).getQuantity()).isEqualTo(40);
        }
    }

    @Test
    void anUndecodableRecordBecomesADeadLetter_andTheBookCarriesOn(KafkaBroker broker) {
        KafkaClients clients = broker.clients();
        ExchangeTopics topics = ExchangeKafka.freshTopics(clients, "poison");
        String group = "exchange-" + System.nanoTime();
        ExchangeKafka.produce(clients, topics.orders(), EUA,
                Inputs.accepted("S1", "ENT-1", EUA, Side.SELL, 8_000, 10, CreditGrade.A, T + 1).build());
        ExchangeKafka.produceRaw(clients, topics.orders(), EUA, new byte[] {1, 2, 3});
        ExchangeKafka.produce(clients, topics.orders(), EUA,
                Inputs.accepted("B1", "ENT-2", EUA, Side.BUY, 8_000, 10, CreditGrade.A, T + 2).build());

        try (Matcher matcher = start(clients, topics, group)) {
            await("the trade after the poison record", WAIT,
                    () -> events(clients, topics.trades(), TradeExecuted.class).size() == 1);
            List<DeadLetter> letters = events(clients, topics.deadLetter(), DeadLetter.class);
            assertThat(letters).singleElement().satisfies(d -> {
                assertThat(d.getSourceTopic()).isEqualTo(topics.orders());
                assertThat(d.getSourceOffset()).isEqualTo(1);
                assertThat(d.getReasonCode()).isEqualTo("BAD_MAGIC");
            });
            assertThat(matcher.state()).isEqualTo(ExactlyOnceProcessor.State.RUNNING);
        }
    }
}
