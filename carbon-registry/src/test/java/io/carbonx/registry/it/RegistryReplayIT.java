package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.registry.readmodel.ReplayCheck;
import io.carbonx.registry.service.JournalReplay;
import io.carbonx.registry.service.LiveStatus;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay: the registry's state is the fold of its journal. After a busy session (registrations, funds, quotas,
 * orders, a trade, a settled window, a revocation) the service is stopped and started again on the same data and
 * topics: the rebuilt live state has the same state hash; a fresh ledger folded from the journal has it too; the
 * regulator's replay check and the health report say so.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryReplayIT {

    @Test
    void givenABusyJournal_whenTheRegistryRestarts_thenTheRebuiltStateHashEqualsTheOneBefore(KafkaBroker broker,
                                                                                            @TempDir Path dir) {
        try (RegistryHarness h = new RegistryHarness(broker, dir, "replay" + UUID.randomUUID() + ".",
                new JsonObject()); TopicProbe probe = new TopicProbe(broker.clients())) {
            Cast cast = new Cast(h);
            busySession(h, cast, probe);
            cast.awaitReadModel();
            LiveStatus before = h.service.components().processor().status();
            assertThat(before.entries()).isGreaterThan(20);
            JsonObject state = h.api.get("/api/v1/registry/state", cast.regulator).body();
            assertThat(state.getBoolean("consistent")).as(state.encodePrettily()).isTrue();
            assertThat(state.getBoolean("replayConsistent")).as(state.encodePrettily()).isTrue();

            h.restart();

            LiveStatus after = h.service.components().processor().status();
            assertThat(after.entries()).isEqualTo(before.entries());
            assertThat(after.ledgerHash()).isEqualTo(before.ledgerHash());
            assertThat(after.identityHash()).isEqualTo(before.identityHash());
            List<io.carbonx.registry.core.event.LedgerEvent> events = new ArrayList<>();
            JournalReplay.replay(broker.clients(), h.topics.journal(), e -> {
                if (e instanceof JournalCodec.LedgerEntry l) {
                    events.add(l.event());
                }
            });
            assertThat(Ledger.replay(h.service.components().config().ledger(), events).stateHash())
                    .isEqualTo(before.ledgerHash());
            ReplayCheck rebuilt = ReplayCheck.rebuild(broker.clients(), h.topics.journal(),
                    h.service.components().config().ledger());
            assertThat(rebuilt.ledgerHash()).isEqualTo(before.ledgerHash());
            assertThat(rebuilt.identityHash()).isEqualTo(before.identityHash());
            Cast.await(() -> Boolean.TRUE.equals(h.service.health().result().details().getBoolean("consistent")),
                    "health reports the read model consistent with the live state");
            // the restarted registry keeps deciding on top of the rebuilt state
            String token = h.api.login(cast.regulatorId, h.bootstrapSigner());
            ApiClient.Response again = h.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", "RE-1")
                    .put("kind", "OFFSET").put("vintage", 2025), token);
            assertThat(again.status()).as(again.body().encode()).isEqualTo(200);
            ApiClient.Response dup = h.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", "EUA-2027")
                    .put("kind", "ALLOWANCE").put("vintage", 2027), token);
            assertThat(dup.status()).isEqualTo(409);
            assertThat(dup.reason()).isEqualTo("INSTRUMENT_EXISTS");
        }
    }

    private static void busySession(RegistryHarness h, Cast cast, TopicProbe probe) {
        String alw = "EUA-2027";
        ok(h.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", alw).put("kind", "ALLOWANCE")
                .put("vintage", 2027), cast.regulator));
        Cast.Member a = cast.register("Replay Buyer", Role.ENTERPRISE);
        Cast.Member b = cast.register("Replay Seller", Role.ENTERPRISE);
        Cast.Member v = cast.register("Replay Verifier", Role.VERIFIER);
        ok(h.api.post("/api/v1/accounts/" + a.id() + "/deposits", new JsonObject().put("transferId", "r1")
                .put("amountMinor", 500_000), a.token()));
        ok(h.api.post("/api/v1/accounts/" + b.id() + "/deposits", new JsonObject().put("transferId", "r2")
                .put("amountMinor", 500_000), b.token()));
        ok(h.api.post("/api/v1/allocations", new JsonObject().put("allocationId", "ra1").put("participantId", b.id())
                .put("instrumentId", alw).put("quantity", 80), cast.regulator));
        ok(h.api.post("/api/v1/emissions", new JsonObject().put("participantId", a.id()).put("year", 2027)
                .put("emissionsTonnes", 40).put("reportSha256", "00".repeat(32)), v.token()));
        long t = System.currentTimeMillis();
        probe.publish(h.topics.name(Topics.ORDERS_SUBMITTED), a.id(), Inputs.order("rb1", a.id(), alw, Side.BUY, 30_00,
                20, t));
        probe.publish(h.topics.name(Topics.ORDERS_SUBMITTED), b.id(), Inputs.order("rs1", b.id(), alw, Side.SELL,
                30_00, 30, t));
        probe.await(h.topics.name(Topics.ORDERS), io.carbonx.events.OrderAccepted.class,
                o -> o.getOrderId().equals("rs1"));
        probe.publish(h.topics.name(Topics.TRADES), alw, Inputs.trade("rt1", alw, "rb1", "rs1", a.id(), b.id(), 30_00,
                15, t + 1));
        probe.publish(h.topics.commands(), "tick", Inputs.tick(t + 3_000, 1));
        probe.await(h.topics.name(Topics.SETTLEMENT), io.carbonx.events.TradeSettled.class,
                s -> s.getTradeId().equals("rt1"));
        ok(h.api.post("/api/v1/participants/" + v.id() + "/revoke", new JsonObject().put("reason", "SUPERSEDED"),
                cast.regulator));
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }
}
