package io.carbonx.exchange.service;

import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.exchange.core.market.Inputs;
import io.carbonx.exchange.testing.ExchangeKafka;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service on the node seam: trades in grade priority; a restarted service reports the same state hashes. */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExchangeServiceRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EUA = "EUA-2026";
    private static final long T = 1_793_577_600_000L;

    @TempDir
    Path dataDir;

    private static <T> T result(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    }

    private ExchangeService start(Vertx vertx, KafkaBroker broker, ExchangeTopics topics, String group) {
        ExchangeService service = new ExchangeService();
        JsonObject config = service.defaultConfig().mergeIn(new JsonObject().put("topicPrefix", topics.prefix())
                .put("groupId", group).put("clockTickMs", 0L).put("gateway", false).put("marketData", false)
                .put("checkpointEvery", 2));
        result(service.start(vertx, new ServiceContext("restart-it", broker.bootstrapServers(), config, dataDir,
                KafkaClientTracker.NONE)));
        return service;
    }

    private static JsonObject partitionWith(ComponentHealth health, String instrument) {
        var partitions = health.toJson().getJsonArray("partitions");
        for (int i = 0; i < partitions.size(); i++) {
            JsonObject p = partitions.getJsonObject(i);
            if (p.getJsonObject("stateHashes").containsKey(instrument)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void aRestartedServiceRebuildsTheBooks_reportsTheSameStateHash_andPublishesNothingTwice(KafkaBroker broker) {
        KafkaClients clients = broker.clients();
        ExchangeTopics topics = ExchangeKafka.freshTopics(clients, "svc");
        String group = "exchange-svc-" + System.nanoTime();
        ExchangeKafka.produce(clients, topics.orders(), EUA,
                Inputs.accepted("S-B", "ENT-1", EUA, Side.SELL, 8_000, 30, CreditGrade.B, T + 1).build(),
                Inputs.accepted("S-AA", "ENT-2", EUA, Side.SELL, 8_000, 30, CreditGrade.AA, T + 2).build(),
                Inputs.accepted("B-1", "ENT-3", EUA, Side.BUY, 8_000, 40, CreditGrade.A, T + 3).build(),
                Inputs.accepted("B-2", "ENT-4", EUA, Side.BUY, 7_900, 5, CreditGrade.A, T + 4).build());
        Vertx vertx = Vertx.vertx();
        try {
            ExchangeService first = start(vertx, broker, topics, group);
            await("both fills", WAIT, () -> events(clients, topics.trades(), TradeExecuted.class).size() == 2);
            await("status after the last input", WAIT, () -> {
                JsonObject p = partitionWith(result(first.health()), EUA);
                return p != null && p.getLong("nextOffset") == 4;
            });
            ComponentHealth before = result(first.health());
            String hash = partitionWith(before, EUA).getJsonObject("stateHashes").getString(EUA);
            assertThat(before.isUp()).isTrue();
            assertThat(events(clients, topics.trades(), TradeExecuted.class))
                    .extracting(TradeExecuted::getSellOrderId).containsExactly("S-AA", "S-B");
            result(first.stop());

            ExchangeService second = start(vertx, broker, topics, group);
            await("rebuilt", WAIT, () -> partitionWith(result(second.health()), EUA) != null);
            // Readiness: the restarted matcher and market data replay their topics, then leave CATCHING_UP.
            await("caught up", WAIT, () -> !result(second.health()).isCatchingUp());
            ComponentHealth after = result(second.health());
            JsonObject rebuilt = partitionWith(after, EUA);
            assertThat(after.isUp()).as(after.toJson().encode()).isTrue();
            assertThat(rebuilt.getJsonObject("stateHashes").getString(EUA)).isEqualTo(hash);
            assertThat(rebuilt.getLong("replayed")).isEqualTo(4);
            assertThat(rebuilt.getString("verification")).isEqualTo("VERIFIED");
            ExchangeKafka.produce(clients, topics.orders(), EUA,
                    Inputs.accepted("S-3", "ENT-5", EUA, Side.SELL, 7_900, 5, CreditGrade.A, T + 5).build());
            await("the next trade", WAIT, () -> events(clients, topics.trades(), TradeExecuted.class).size() >= 3);
            assertThat(events(clients, topics.trades(), TradeExecuted.class)).extracting(TradeExecuted::getTradeId)
                    .containsExactly("EUA-2026-T1", "EUA-2026-T2", "EUA-2026-T3");
            result(second.stop());
        } finally {
            result(vertx.close());
        }
    }
}
