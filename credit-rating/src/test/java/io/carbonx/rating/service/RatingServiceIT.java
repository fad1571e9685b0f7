package io.carbonx.rating.service;

import static io.carbonx.rating.testing.JournalEvents.day;
import static io.carbonx.rating.testing.Kafka.await;
import static io.carbonx.rating.testing.Kafka.encoded;
import static io.carbonx.rating.testing.Kafka.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.RatingFactor;
import io.carbonx.events.Role;
import io.carbonx.rating.api.Caller;
import io.carbonx.rating.core.Factor;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.journal.JournalFold;
import io.carbonx.rating.journal.JournalRecordAdapter;
import io.carbonx.rating.journal.RatingEvents;
import io.carbonx.rating.readmodel.RatingView;
import io.carbonx.rating.testing.JournalEvents;
import io.carbonx.rating.testing.Kafka;
import io.carbonx.schemas.EventCodec;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating service against a real broker, through the node's seam: a registry journal in, CreditRatingChanged out,
 * exactly once across a restart, and the same bytes from a fresh instance replaying the same journal.
 *
 * <p>The oracle for every expected output is a {@link JournalFold} fed, in this JVM, the journal records as a
 * {@code read_committed} reader sees them: the service must publish exactly what that fold publishes.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RatingServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = EventCodec.standard();
    private static Vertx vertx;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    /** The topics and names of one service instance. */
    private record Instance(String journal, String ratings, String dead, String group) {
        JsonObject config() {
            return new JsonObject().put("inputTopic", journal).put("outputTopic", ratings)
                    .put("deadLetterTopic", dead).put("groupId", group).put("transactionalId", group + "-tx")
                    .put("transactionIntervalMs", 50);
        }
    }

    private static Instance instance(KafkaBroker broker, String journal, String name) {
        return new Instance(journal, broker.createTopic(name + "-ratings", 1), broker.createTopic(name + "-dead", 1),
                name + "-" + System.nanoTime());
    }

    private RatingService start(KafkaBroker broker, Instance instance) throws Exception {
        RatingService service = new RatingService();
        service.start(vertx, new ServiceContext("node-1", broker.bootstrapServers(), instance.config(), dataDir,
                KafkaClientTracker.NONE)).await(30, TimeUnit.SECONDS);
        return service;
    }

    private static JsonObject health(RatingService service) {
        try {
            ComponentHealth h = service.health().await(5, TimeUnit.SECONDS);
            return h.toJson();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the service has committed everything up to the journal's last record. */
    private static void awaitCaughtUp(RatingService service, KafkaClients clients, String journal) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll(clients, journal);
        long last = records.get(records.size() - 1).offset();
        await("service processed up to offset " + last, WAIT, () -> {
            JsonObject h = health(service);
            return "UP".equals(h.getString("status")) && h.getLong("lastProcessedOffset", -1L) == last;
        });
    }

    /** The oracle: what a fold of the committed journal publishes, for a service in {@code group}. */
    private static Expected expected(KafkaClients clients, Instance instance) {
        JournalFold fold = new JournalFold(new JournalFold.Settings(instance.journal(), 0, instance.ratings(),
                instance.dead(), instance.group(), ScorecardConfig.defaults()), new JournalRecordAdapter(), CODEC);
        List<byte[]> ratings = new ArrayList<>();
        List<byte[]> dead = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(clients, instance.journal())) {
            for (JournalFold.Output out : fold.apply(r.offset(), r.key(), r.value(), true)) {
                (out.topic().equals(instance.ratings()) ? ratings : dead).add(out.value());
            }
        }
        return new Expected(ratings, dead, fold.stateHash());
    }

    private record Expected(List<byte[]> ratings, List<byte[]> deadLetters, String stateHash) {
    }

    private static List<byte[]> values(KafkaClients clients, String topic) {
        return readAll(clients, topic).stream().map(ConsumerRecord::value).toList();
    }

    private static List<CreditRatingChanged> decode(List<byte[]> values) {
        return values.stream().map(v -> CODEC.decode(v, CreditRatingChanged.class)).toList();
    }

    private List<byte[]> firstDay(JournalEvents e) {
        List<SpecificRecord> events = new ArrayList<>();
        events.add(e.registered("acme", day(0)));
        events.add(e.registered("beta", day(0)));
        events.add(e.registered("regulator", Role.REGULATOR, day(0)));
        events.add(e.funds("acme", day(0), 1_000_000));
        for (int i = 0; i < 20; i++) {
            events.add(e.settled("acme", "beta", day(1 + i), 50_000));
        }
        events.add(e.tick(day(60)));
        return encoded(events);
    }

    private List<byte[]> theDefault(JournalEvents e) {
        List<byte[]> values = new ArrayList<>(encoded(List.of(
                e.defaulted("acme", day(61), DefaultKind.PAYMENT, 5_000_000),
                e.forfeited("acme", day(61), 5_000_000),
                e.frozen("acme", day(61)),
                e.unfrozen("beta", day(62)))));
        values.add("registry-private-record".getBytes(StandardCharsets.UTF_8));
        byte[] good = JournalEvents.encode(e.penalty("beta", day(62), 10_000, 5));
        values.add(Arrays.copyOf(good, good.length - 2));
        values.addAll(encoded(List.of(e.settled("beta", "acme", day(63), 20_000), e.tick(day(90)))));
        return values;
    }

    @Test
    void givenARegistryJournal_whenTheServiceRuns_thenItPublishesTheScorecardsRatingsExactlyOnce(
            KafkaBroker broker) throws Exception {
        KafkaClients clients = broker.clients();
        Instance a = instance(broker, broker.createTopic("journal", 1), "rating-a");
        JournalEvents e = new JournalEvents("j");
        Kafka.publish(clients, a.journal(), firstDay(e));
        Kafka.publishAborted(clients, a.journal(), a.group() + "-aborter", encoded(List.of(
                new JournalEvents("aborted").defaulted("beta", day(60), DefaultKind.DELIVERY, 900_000_000))));
        Kafka.publish(clients, a.journal(), theDefault(e));

        RatingService service = start(broker, a);
        try {
            awaitCaughtUp(service, clients, a.journal());
            Expected expected = expected(clients, a);
            List<byte[]> published = values(clients, a.ratings());
            assertThat(published).containsExactlyElementsOf(expected.ratings());
            assertThat(values(clients, a.dead())).containsExactlyElementsOf(expected.deadLetters());
            assertThat(health(service).getString("stateHash")).isEqualTo(expected.stateHash());

            List<CreditRatingChanged> ratings = decode(published);
            assertThat(ratings).extracting(CreditRatingChanged::getParticipantId).doesNotContain("regulator");
            assertThat(ratings.stream().filter(r -> r.getParticipantId().equals("beta")))
                    .noneMatch(r -> r.getCauseEventType().equals("DefaultRecorded")); // the aborted default
            CreditRatingChanged byDefault = ratings.stream()
                    .filter(r -> r.getCauseEventType().equals("DefaultRecorded")).findFirst().orElseThrow();
            assertThat(byDefault.getParticipantId()).isEqualTo("acme");
            assertThat(byDefault.getScore()).isLessThan(byDefault.getPreviousScore());
            assertThat(byDefault.getGrade().ordinal()).isGreaterThan(byDefault.getPreviousGrade().ordinal());
            assertThat(byDefault.getEnvelope().getCauseId()).isEqualTo(byDefault.getCauseEventId()).isEqualTo("j-26");
            assertThat(byDefault.getEnvelope().getEventId()).isEqualTo(RatingEvents.ratingEventId("j-26", "acme"));
            assertThat(byDefault.getEnvelope().getActor()).isEqualTo(RatingEvents.ACTOR);
            assertThat(byDefault.getEnvelope().getLogicalTime()).isEqualTo(day(61));
            assertThat(byDefault.getFactors()).extracting(RatingFactor::getFactor).contains(Factor.DEFAULTS.name());
            assertThat(byDefault.getFactors().stream().mapToInt(RatingFactor::getPoints).sum())
                    .isEqualTo(byDefault.getScore());
            CreditRatingChanged frozen = ratings.stream()
                    .filter(r -> r.getCauseEventType().equals("AccountFrozen")).findFirst().orElseThrow();
            assertThat(frozen.getGrade()).isEqualTo(CreditGrade.CCC);

            List<DeadLetter> dead = values(clients, a.dead()).stream()
                    .map(v -> CODEC.decode(v, DeadLetter.class)).toList();
            assertThat(dead).extracting(DeadLetter::getReasonCode)
                    .containsExactly("REJECTED_NOT_FROZEN", "TRUNCATED");

            await("read model caught up", WAIT, () -> service.queries().history("acme").size()
                    == ratings.stream().filter(r -> r.getParticipantId().equals("acme")).count());
            RatingView current = service.queries().current("acme").orElseThrow();
            CreditRatingChanged lastAcme = ratings.stream().filter(r -> r.getParticipantId().equals("acme"))
                    .reduce((x, y) -> y).orElseThrow();
            assertThat(current).isEqualTo(RatingView.of(lastAcme));
            assertThat(service.api().current(new Caller("acme", Role.ENTERPRISE), "acme")
                    .status()).isEqualTo(200);
            service.mountRoutes(Router.router(vertx));
            assertThat(service.routes()).as("no registry on this Vert.x: no API security, so no route (deny by default)")
                    .isEmpty();

            JsonObject h = health(service);
            assertThat(h.getLong("participantsRated")).isEqualTo(2);
            assertThat(h.getBoolean("assigned")).isTrue();
        } finally {
            service.stop().await(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void givenAStoppedService_whenRestarted_thenItRebuildsTheSameStateAndPublishesNothingTwice(
            KafkaBroker broker) throws Exception {
        KafkaClients clients = broker.clients();
        Instance a = instance(broker, broker.createTopic("journal", 1), "rating-restart");
        JournalEvents e = new JournalEvents("r");
        Kafka.publish(clients, a.journal(), firstDay(e));

        RatingService first = start(broker, a);
        String hashBeforeStop;
        try {
            awaitCaughtUp(first, clients, a.journal());
            hashBeforeStop = health(first).getString("stateHash");
        } finally {
            first.stop().await(60, TimeUnit.SECONDS);
        }
        int publishedBeforeStop = values(clients, a.ratings()).size();

        RatingService restarted = start(broker, a);
        try {
            await("rebuilt after restart", WAIT, () -> health(restarted).getBoolean("assigned", false));
            JsonObject rebuilt = health(restarted);
            assertThat(rebuilt.getString("stateHash")).isEqualTo(hashBeforeStop);
            assertThat(rebuilt.getJsonArray("partitions").getJsonObject(0).getLong("rebuiltRecords"))
                    .isEqualTo(readAll(clients, a.journal()).size());

            Kafka.publish(clients, a.journal(), theDefault(e));
            awaitCaughtUp(restarted, clients, a.journal());
            Expected expected = expected(clients, a);
            List<byte[]> published = values(clients, a.ratings());
            assertThat(published).containsExactlyElementsOf(expected.ratings());
            assertThat(published.size()).isGreaterThan(publishedBeforeStop);
            Set<String> ids = new HashSet<>();
            for (CreditRatingChanged c : decode(published)) {
                assertThat(ids.add(c.getEnvelope().getEventId())).as("unique " + c.getEnvelope()).isTrue();
            }
            assertThat(health(restarted).getString("stateHash")).isEqualTo(expected.stateHash());

            Instance fresh = instance(broker, a.journal(), "rating-fresh");
            RatingService second = start(broker, fresh);
            try {
                awaitCaughtUp(second, clients, a.journal());
                assertThat(values(clients, fresh.ratings())).containsExactlyElementsOf(published);
                assertThat(health(second).getString("stateHash")).isEqualTo(expected.stateHash());
            } finally {
                second.stop().await(60, TimeUnit.SECONDS);
            }
        } finally {
            restarted.stop().await(60, TimeUnit.SECONDS);
        }
    }
}
