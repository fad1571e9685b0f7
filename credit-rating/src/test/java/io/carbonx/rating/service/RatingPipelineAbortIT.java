package io.carbonx.rating.service;

import static io.carbonx.rating.testing.JournalEvents.day;
import static io.carbonx.rating.testing.Kafka.await;
import static io.carbonx.rating.testing.Kafka.encoded;
import static io.carbonx.rating.testing.Kafka.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.LoopListener;
import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.journal.JournalFold;
import io.carbonx.rating.journal.JournalRecordAdapter;
import io.carbonx.rating.journal.PartitionStatus;
import io.carbonx.rating.testing.JournalEvents;
import io.carbonx.rating.testing.Kafka;
import io.carbonx.schemas.EventCodec;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A transaction that fails just before its commit is aborted; the loop rewinds to the committed offset and the
 * service rebuilds its state from the journal. The outputs must still be exactly the oracle's: nothing from the
 * aborted attempt is visible, nothing is lost, nothing is published twice.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RatingPipelineAbortIT {

    @Test
    void givenAFailedCommit_whenTheLoopRetries_thenTheRebuiltStatePublishesExactlyTheOraclesRatings(
            KafkaBroker broker) {
        KafkaClients clients = broker.clients();
        String journal = broker.createTopic("journal", 1);
        String ratings = broker.createTopic("abort-ratings", 1);
        String dead = broker.createTopic("abort-dead", 1);
        String group = "rating-abort-" + System.nanoTime();
        JournalEvents e = new JournalEvents("a");
        List<SpecificRecord> events = new ArrayList<>();
        events.add(e.registered("acme", day(0)));
        events.add(e.registered("beta", day(0)));
        for (int i = 0; i < 12; i++) {
            events.add(e.settled("acme", "beta", day(1 + i), 50_000));
            if (i == 6) {
                events.add(e.defaulted("beta", day(8), DefaultKind.DELIVERY, 3_000_000));
            }
        }
        events.add(e.tick(day(100)));
        Kafka.publish(clients, journal, encoded(events));

        AtomicInteger commits = new AtomicInteger();
        LoopListener failSecondCommit = new LoopListener() {
            @Override
            public void beforeCommit(int recordsIn, int recordsOut) {
                if (commits.incrementAndGet() == 2) {
                    throw new IllegalStateException("injected failure before the second commit");
                }
            }
        };
        RatingServiceSettings settings = RatingServiceSettings.from(new JsonObject().put("inputTopic", journal)
                .put("outputTopic", ratings).put("deadLetterTopic", dead).put("groupId", group)
                .put("transactionalId", group + "-tx").put("maxRecordsPerTransaction", 5)
                .put("readModel", false), "n");
        long lastOffset = readAll(clients, journal).get(events.size() - 1).offset();
        try (RatingPipeline pipeline = new RatingPipeline(clients, settings, failSecondCommit).start()) {
            await("all journal records committed", Duration.ofSeconds(60), () -> {
                List<PartitionStatus> status = pipeline.status();
                return !status.isEmpty() && status.get(0).lastProcessedOffset() == lastOffset;
            });
            assertThat(pipeline.loopStats().transactionsAborted()).isEqualTo(1);

            JournalFold oracle = new JournalFold(new JournalFold.Settings(journal, 0, ratings, dead, group,
                    ScorecardConfig.defaults()), new JournalRecordAdapter(), EventCodec.standard());
            List<byte[]> expected = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : readAll(clients, journal)) {
                oracle.apply(r.offset(), r.key(), r.value(), true).forEach(o -> expected.add(o.value()));
            }
            List<byte[]> published = readAll(clients, ratings).stream().map(ConsumerRecord::value).toList();
            assertThat(published).containsExactlyElementsOf(expected);
            assertThat(pipeline.status().get(0).stateHash()).isEqualTo(oracle.stateHash());
            assertThat(pipeline.status().get(0).rebuiltRecords()).isEqualTo(5);
        }
    }
}
