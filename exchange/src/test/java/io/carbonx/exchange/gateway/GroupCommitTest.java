package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.CHAIN;
import static io.carbonx.exchange.gateway.GatewayHarness.CODEC;
import static io.carbonx.exchange.gateway.GatewayHarness.TOPICS;
import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static io.carbonx.exchange.gateway.GatewayHarness.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.gateway.SubmittedState;
import io.carbonx.exchange.gateway.OrderGateway.Kind;
import io.carbonx.exchange.gateway.OrderGateway.Response;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.requests.CancelRequest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit of one lane's batch, with a producer whose acknowledgements the test gives one by one: requests
 * of one participant in a batch see each other; only acknowledged events are folded; a failure stops that
 * participant's batch there (503, nothing folded) and leaves the others alone.
 */
class GroupCommitTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member alice;
    static Pki.Member bob;

    final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    final SubmittedState state = new SubmittedState();
    final GroupCommit commit = new GroupCommit(new OrderEntry(CHAIN, InstrumentConfig.parse(
            InstrumentConfig.defaults())), producer, TOPICS, Clock.fixed(NOW, ZoneOffset.UTC), state, 30_000);

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        alice = pki.register("Alice Steel", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        bob = pki.register("Bob Cement", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
    }

    GroupCommit.Request order(Pki.Member who, long sequence, String clientOrderId) {
        return request(Kind.ORDER, who, signed(GatewayHarness.order(who.participantId(), sequence, clientOrderId)
                .build(), who));
    }

    static GroupCommit.Request request(Kind kind, Pki.Member who, JsonObject body) {
        return new GroupCommit.Request(kind, who.participantId(), body, new CompletableFuture<>());
    }

    /** Runs the batch on another thread; {@code acks[i]} true acknowledges the i-th send, false fails it. */
    List<Response> run(List<GroupCommit.Request> batch, boolean... acks) throws Exception {
        commit.attach(new SignerCheck(pki.directory()));
        int sentBefore = producer.history().size();
        Thread lane = new Thread(() -> commit.run(batch));
        lane.start();
        for (boolean ack : acks) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(ack ? producer.completeNext() : producer.errorNext(new TimeoutException("no ack")))) {
                assertThat(System.nanoTime()).as("a send to acknowledge").isLessThan(deadline);
                Thread.sleep(2);
            }
        }
        lane.join(30_000);
        assertThat(lane.isAlive()).isFalse();
        assertThat(producer.history()).hasSize(sentBefore + acks.length);
        List<Response> out = new ArrayList<>();
        for (GroupCommit.Request r : batch) {
            out.add(r.answer().getNow(null));
        }
        return out;
    }

    List<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::status).toList();
    }

    List<String> sentTopics() {
        return producer.history().stream().map(ProducerRecord::topic).toList();
    }

    @Test
    void twoOrdersOfOneParticipantInABatch_seeEachOthersSequenceAndClientOrderId() throws Exception {
        List<Response> r = run(List.of(order(alice, 1, "a"), order(alice, 1, "b"), order(alice, 2, "a"),
                order(alice, 2, "c")), true, true, true);

        assertThat(statuses(r)).containsExactly(202, 409, 200, 202);
        assertThat(r.get(1).body().getString("reasonCode")).isEqualTo("REPLAYED_SEQUENCE");
        assertThat(r.get(2).body().getString("status")).isEqualTo("DUPLICATE");
        assertThat(r.get(2).body().getString("orderId")).isEqualTo(alice.participantId() + "-1");
        assertThat(sentTopics()).containsExactly(TOPICS.submitted(), TOPICS.rejections(), TOPICS.submitted());
        assertThat(state.lastSequence(alice.participantId())).contains(2L);
        assertThat(state.firstResult(alice.participantId(), "c")).isPresent();
    }

    @Test
    void aFailedSendMidBatch_answers503ForItAndTheParticipantsLaterRequests_andFoldsOnlyWhatCameBefore()
            throws Exception {
        List<Response> r = run(List.of(order(alice, 1, "a1"), order(bob, 1, "b1"), order(alice, 2, "a2"),
                order(bob, 2, "b2"), order(alice, 3, "a3"), order(alice, 2, "a2")),
                true, true, false, true, true);

        assertThat(statuses(r)).containsExactly(202, 202, 503, 202, 503, 503);
        assertThat(r.get(2).body().getString("reasonCode")).isEqualTo("PUBLISH_FAILED");
        assertThat(state.lastSequence(alice.participantId())).contains(1L);
        assertThat(state.firstResult(alice.participantId(), "a2")).isEmpty();
        assertThat(state.firstResult(alice.participantId(), "a3")).isEmpty();
        assertThat(state.lastSequence(bob.participantId())).contains(2L);
    }

    @Test
    void aRetryAfterAFailure_isDecidedAgainAndPublished_andAfterTheFollowerFoldedTheLandedRecord_isADuplicate()
            throws Exception {
        run(List.of(order(alice, 1, "a1")), false);
        assertThat(state.lastSequence(alice.participantId())).isEmpty();

        List<Response> retried = run(List.of(order(alice, 1, "a1")), true);
        assertThat(statuses(retried)).containsExactly(202);

        // the failed record did reach the log after all: the follower folds it (and the retry's copy) once
        OrderSubmitted landed = (OrderSubmitted) CODEC.decode(producer.history().get(0).value());
        state.apply(landed);
        state.apply(CODEC.decode(producer.history().get(1).value()));
        List<Response> again = run(List.of(order(alice, 1, "a1")));
        assertThat(statuses(again)).containsExactly(200);
        assertThat(again.get(0).body().getString("eventId")).isEqualTo(landed.getEnvelope().getEventId());
    }

    @Test
    void aCancelOfAnOrderInTheSameBatch_isPublishedAfterIt_andAFailedOrderFailsTheCancel() throws Exception {
        GroupCommit.Request cancel = request(Kind.CANCEL, alice, signed(CancelRequest.newBuilder().setChainId(CHAIN)
                .setParticipantId(alice.participantId()).setSequence(2).setOrderId(alice.participantId() + "-1")
                .setInstrumentId(GatewayHarness.EUA).build(), alice));
        List<Response> r = run(List.of(order(alice, 1, "a1"), cancel), false, true);

        assertThat(statuses(r)).containsExactly(503, 503);
        assertThat(state.applied()).isZero();
    }

    @Test
    void refusalsBeforeTheStateIsRead_keepTheir4xx_evenAfterAFailureOfTheSameParticipant() throws Exception {
        JsonObject forged = signed(GatewayHarness.order(alice.participantId(), 2, "x").build(), bob);
        List<Response> r = run(List.of(order(alice, 1, "a1"), request(Kind.ORDER, alice, forged)), false,
                true);

        assertThat(r.get(0).status()).isEqualTo(503);
        assertThat(r.get(1).status()).isBetween(400, 499);
    }

    @Test
    void randomBatchesOfInterleavedParticipants_acceptStrictlyIncreasingSequencesPerParticipant_andFoldOnlyThose()
            throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<Pki.Member> who = List.of(alice, bob);
        long[] next = {1, 1};
        List<List<Long>> accepted = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < 6; round++) {
            List<GroupCommit.Request> batch = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int p = random.nextInt(2);
                long seq = random.nextInt(4) == 0 ? Math.max(1, next[p] - 1) : next[p]++;
                batch.add(order(who.get(p), seq, "c" + seq));
                owners.add(p);
            }
            commit.attach(new SignerCheck(pki.directory()));
            Thread lane = new Thread(() -> commit.run(batch));
            lane.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lane.isAlive() && System.nanoTime() < deadline) {
                boolean acted = random.nextInt(5) != 0 ? producer.completeNext()
                        : producer.errorNext(new TimeoutException("no ack"));
                if (!acted) {
                    Thread.sleep(1);
                }
            }
            assertThat(lane.isAlive()).as("seed %d", seed).isFalse();
            for (int i = 0; i < batch.size(); i++) {
                Response r = batch.get(i).answer().getNow(null);
                assertThat(r).as("seed %d", seed).isNotNull();
                if (r.status() == 202) {
                    accepted.get(owners.get(i)).add(r.body().getLong("sequence"));
                }
            }
        }
        for (int p = 0; p < 2; p++) {
            List<Long> seqs = accepted.get(p);
            assertThat(seqs).as("seed %d", seed).isSorted().doesNotHaveDuplicates();
            assertThat(state.lastSequence(who.get(p).participantId())).as("seed %d", seed)
                    .isEqualTo(seqs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(seqs.get(
                            seqs.size() - 1)));
            for (long s : seqs) {
                assertThat(state.firstResult(who.get(p).participantId(), "c" + s)).as("seed %d", seed).isPresent();
            }
        }
    }
}
