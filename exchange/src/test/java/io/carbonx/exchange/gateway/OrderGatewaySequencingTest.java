package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static io.carbonx.exchange.gateway.GatewayHarness.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.gateway.OrderGateway.Kind;
import io.carbonx.exchange.testing.Pki;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per participant: concurrent requests are decided one after the other; the state survives restarts. */
class OrderGatewaySequencingTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member alice;

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        alice = pki.register("Alice Steel", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
    }

    @Test
    void concurrentRequestsOfOneParticipant_publishStrictlyIncreasingSequences_andRefuseTheRest() throws Exception {
        long seed = 20_261_121L;
        List<Long> sequences = new ArrayList<>();
        for (long s = 1; s <= 120; s++) {
            sequences.add(s);
        }
        Collections.shuffle(sequences, new Random(seed));
        List<JsonObject> bodies = new ArrayList<>();
        for (long s : sequences) {
            bodies.add(signed(order(alice.participantId(), s, "c-" + s).build(), alice));
        }
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GatewayHarness h = new GatewayHarness(pki, NOW)) {
            List<CompletableFuture<OrderGateway.Response>> responses = new ArrayList<>();
            for (JsonObject body : bodies) {
                responses.add(CompletableFuture.supplyAsync(() -> body, callers)
                        .thenCompose(b -> h.gateway.submit(Kind.ORDER, alice.participantId(), b)));
            }
            int accepted = 0;
            for (CompletableFuture<OrderGateway.Response> r : responses) {
                accepted += r.get().status() == 202 ? 1 : 0;
            }

            List<Long> published = h.submitted().stream().map(e -> ((OrderSubmitted) e).getSequence()).toList();
            assertThat(published).as("seed %d", seed).hasSize(accepted).isSorted().doesNotHaveDuplicates();
            assertThat(h.rejections()).as("seed %d", seed).hasSize(120 - accepted)
                    .extracting(RequestRejected::getReasonCode).containsOnly(GatewayReason.REPLAYED_SEQUENCE.name());
            for (RequestRejected rejected : h.rejections()) {
                assertThat(rejected.getSequence()).isLessThan(published.get(published.size() - 1));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aGatewayRebuiltFromThePublishedRequests_refusesAReplay_andAnswersARepeatWithTheFirstResult() {
        List<SpecificRecord> log;
        JsonObject first = signed(order(alice.participantId(), 10, "c-10").build(), alice);
        try (GatewayHarness before = new GatewayHarness(pki, NOW)) {
            assertThat(before.submit(Kind.ORDER, alice.participantId(), first).status()).isEqualTo(202);
            log = before.submitted();
        }
        try (GatewayHarness after = new GatewayHarness(pki, NOW)) {
            log.forEach(after.gateway::apply);

            OrderGateway.Response replay = after.submit(Kind.ORDER, alice.participantId(),
                    signed(order(alice.participantId(), 10, "c-11").build(), alice));
            OrderGateway.Response repeat = after.submit(Kind.ORDER, alice.participantId(), first);

            assertThat(replay.body().getString("reasonCode")).isEqualTo(GatewayReason.REPLAYED_SEQUENCE.name());
            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.body().getString("orderId")).isEqualTo(alice.participantId() + "-10");
            assertThat(after.submitted()).isEmpty();
        }
    }
}
