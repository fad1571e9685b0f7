package io.carbonx.registry.service;

import static io.carbonx.registry.service.RegistryInputs.T0;
import static io.carbonx.registry.service.RegistryInputs.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Side;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.schemas.EventCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's status is computed when asked, not per commit: it always reports the hash of exactly the
 * committed fold at the entry count it reports, equal to a replay of the journal up to that count, and never a
 * state with an open transaction's effects.
 */
class RegistryProcessorStatusTest {

    private static final String EUA = "EUA-2026";
    private static final RegistryTopics TOPICS = new RegistryTopics("");

    @TempDir
    Path caDir;

    @Test
    void theStatusAskedAfterEachCommit_equalsTheReplayOfTheJournalAtTheSameEntryCount_andNeverShowsAnOpenTransaction()
            throws Exception {
        RegistryInputs r = new RegistryInputs(caDir);
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.enterprise("BUYER", 1_000_000);
        r.enterprise("SELLER", 1_000_000);
        r.ok(new LedgerCommand.AllocateAllowances("alloc-1", RegistryInputs.REG, "SELLER", EUA, 100, T0));
        RegistryProcessor processor = new RegistryProcessor(() -> r.state, TOPICS, "carbonx-local");
        ExecutorService asker = Executors.newSingleThreadExecutor();
        try {
            processor.onPartitionsAssigned(List.of(new TopicPartition("carbonx.orders", 0)));
            LiveStatus start = processor.status();
            assertThat(start.entries()).isZero();
            assertThat(start.ledgerHash()).isEqualTo(r.replayedLedgerHash());

            long offset = 0;
            for (int i = 1; i <= 4; i++) {
                LiveStatus before = processor.status();
                processor.onPolled(1);
                Side side = i % 2 == 0 ? Side.SELL : Side.BUY;
                String participant = side == Side.BUY ? "BUYER" : "SELLER";
                byte[] input = EventCodec.standard().encode(submitted(participant + "-" + i, participant, EUA, side,
                        5, T0 + i).setSequence(i).setPriceMinor(8_000L).build());
                List<ProducerRecord<byte[], byte[]>> out = processor.process(new ConsumerRecord<>("carbonx.orders",
                        0, offset++, participant.getBytes(), input));
                // asked from another thread while the transaction is open: the last committed status
                LiveStatus during = CompletableFuture.supplyAsync(processor::status, asker).get();
                assertThat(during).isEqualTo(before);

                for (ProducerRecord<byte[], byte[]> o : out) {
                    if (o.topic().equals(TOPICS.journal())) {
                        r.journalled(o.value());
                    }
                }
                processor.afterCommit(1, out.size());
                LiveStatus after = CompletableFuture.supplyAsync(processor::status, asker).get();
                assertThat(after.entries()).isEqualTo(r.state.entries()).isGreaterThan(before.entries());
                assertThat(after.ledgerHash()).isEqualTo(r.replayedLedgerHash());
                assertThat(after.identityHash()).isEqualTo(r.state.identity().registry().stateHash());
            }
        } finally {
            asker.shutdownNow();
        }
    }

    @Test
    void anAbortedTransaction_leavesTheLastCommittedStatus() throws Exception {
        RegistryInputs r = new RegistryInputs(caDir);
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.enterprise("BUYER", 1_000_000);
        RegistryProcessor processor = new RegistryProcessor(() -> r.state, TOPICS, "carbonx-local");
        ExecutorService asker = Executors.newSingleThreadExecutor();
        try {
            processor.onPartitionsAssigned(List.of(new TopicPartition("carbonx.orders", 0)));
            LiveStatus committed = processor.status();
            processor.onPolled(1);
            processor.process(new ConsumerRecord<>("carbonx.orders", 0, 0, "BUYER".getBytes(),
                    EventCodec.standard().encode(submitted("BUYER-1", "BUYER", EUA, Side.BUY, 5, T0 + 1)
                            .setPriceMinor(8_000L).build())));
            assertThat(r.state.entries()).isGreaterThan(committed.entries());
            processor.afterAbort(new IllegalStateException("injected"));

            assertThat(CompletableFuture.supplyAsync(processor::status, asker).get()).isEqualTo(committed);
        } finally {
            asker.shutdownNow();
        }
    }
}
