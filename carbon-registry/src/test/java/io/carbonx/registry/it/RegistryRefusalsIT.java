package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.events.SurrenderKind;
import io.carbonx.registry.service.LiveStatus;
import io.carbonx.requests.SurrenderRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal through the API is a 4xx {@code application/problem+json} with the precise reason code of the
 * layer that refused (request validation, the ledger, the CA, the adapter) and changes nothing: the live state
 * hash, the journal length and the read model are the same before and after. Also the compliance path that
 * succeeds: emissions, a signed surrender, the annual settlement and its penalty in the compliance table.
 */
@ExtendWith(io.carbonx.testkit.KafkaBrokerExtension.class)
class RegistryRefusalsIT {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static RegistryHarness h;
    private static Cast cast;
    private static Cast.Member a;
    private static Cast.Member b;
    private static Cast.Member v;

    @BeforeAll
    static void start(io.carbonx.testkit.KafkaBroker broker, @TempDir Path dir) {
        h = new RegistryHarness(broker, dir, "refuse" + UUID.randomUUID() + ".", new JsonObject());
        cast = new Cast(h);
        a = cast.register("Refusal A", Role.ENTERPRISE);
        b = cast.register("Refusal B", Role.ENTERPRISE);
        v = cast.register("Refusal Verifier", Role.VERIFIER);
        ok(post("/api/v1/instruments", new JsonObject().put("instrumentId", "EUA-R").put("kind", "ALLOWANCE")
                .put("vintage", 2026), cast.regulator));
        ok(post("/api/v1/instruments", new JsonObject().put("instrumentId", "OFS-R").put("kind", "OFFSET")
                .put("vintage", 2025), cast.regulator));
        ok(post("/api/v1/accounts/" + a.id() + "/deposits", new JsonObject().put("transferId", "ref-1")
                .put("amountMinor", 100_000), a.token()));
        ok(post("/api/v1/offsets", new JsonObject().put("issuanceId", "iss-1").put("participantId", a.id())
                .put("instrumentId", "OFS-R").put("projectId", "p").put("serialFrom", 1).put("serialTo", 10),
                cast.regulator));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void ledgerAndCaRefusalsAreProblemsWithTheirReasonCodeAndChangeNothing() {
        String acc = "/api/v1/accounts/" + a.id();
        refused(a.token(), acc + "/withdrawals", new JsonObject().put("transferId", "w-big")
                .put("amountMinor", 1_000_000_000L), 409, "INSUFFICIENT_AVAILABLE_CASH");
        refused(a.token(), acc + "/deposits", new JsonObject().put("transferId", "d-neg").put("amountMinor", -5),
                400, "NON_POSITIVE_AMOUNT");
        refused(a.token(), acc + "/deposits", new JsonObject().put("transferId", "ref-1").put("amountMinor", 5), 409,
                "DUPLICATE_REFERENCE");
        refused(cast.regulator, "/api/v1/allocations", alloc(a.id(), "NOPE"), 404, "UNKNOWN_INSTRUMENT");
        refused(cast.regulator, "/api/v1/allocations", alloc(v.id(), "EUA-R"), 403, "NOT_AN_ENTERPRISE");
        refused(cast.regulator, "/api/v1/allocations", alloc(a.id(), "OFS-R"), 409, "INSTRUMENT_KIND_MISMATCH");
        refused(cast.regulator, "/api/v1/offsets", offsets(10, 5), 400, "INVALID_SERIAL_RANGE");
        refused(cast.regulator, "/api/v1/offsets", offsets(5, 15), 409, "SERIAL_ALREADY_ISSUED");
        refused(cast.regulator, "/api/v1/instruments", new JsonObject().put("instrumentId", "PWR").put("kind", "ENERGY")
                .put("vintage", 0), 400, "INVALID_YEAR");
        refused(cast.regulator, "/api/v1/instruments", new JsonObject().put("instrumentId", "EUA-R")
                .put("kind", "ALLOWANCE").put("vintage", 2026), 409, "INSTRUMENT_EXISTS");
        refused(cast.regulator, "/api/v1/accounts/p-nobody/freeze", new JsonObject(), 404, "UNKNOWN_ACCOUNT");
        refused(cast.regulator, acc + "/unfreeze", new JsonObject(), 409, "ACCOUNT_NOT_FROZEN");
        refused(cast.regulator, "/api/v1/participants/p-nobody/revoke", new JsonObject(), 404, "UNKNOWN_PARTICIPANT");
        refused(cast.regulator, "/api/v1/participants/" + a.id() + "/revoke", new JsonObject().put("reason", "BOGUS"),
                400, "INVALID_REVOCATION_REASON");
        refused(cast.regulator, "/api/v1/registrations/p-nobody/approve", new JsonObject(), 404,
                "UNKNOWN_REGISTRATION");
        refused(cast.regulator, "/api/v1/compliance/1/settlement", new JsonObject(), 400, "INVALID_YEAR");
        refused(v.token(), "/api/v1/emissions", emissions(a.id(), 12), 400, "INVALID_YEAR");
        refused(v.token(), "/api/v1/emissions", emissions(v.id(), 2026), 403, "NOT_AN_ENTERPRISE");
    }

    @Test
    void malformedRequestsAreRefusedBeforeAnythingIsPublished() {
        String acc = "/api/v1/accounts/" + a.id();
        refusedRaw(a.token(), acc + "/deposits", "{not json", 400, "MALFORMED_JSON");
        refused(a.token(), acc + "/withdrawals", new JsonObject(), 400, "MISSING_FIELD");
        refused(a.token(), acc + "/deposits", new JsonObject().put("transferId", "x").put("amountMinor", "12"), 400,
                "INVALID_FIELD");
        refused(v.token(), "/api/v1/emissions", emissions(a.id(), 2026).put("reportSha256", "zz"), 400,
                "INVALID_FIELD");
        refused(cast.regulator, "/api/v1/instruments", new JsonObject().put("instrumentId", "X").put("kind", "GOLD")
                .put("vintage", 2026), 400, "INVALID_FIELD");
        refused(a.token(), "/api/v1/surrenders", new JsonObject().put("request", "AAAA").put("signature", "AAAA"),
                400, "MALFORMED_REQUEST");
        SurrenderRequest wrongChain = surrender(a.id(), "other-chain", "EUA-R", 1);
        refused(a.token(), "/api/v1/surrenders", signed(wrongChain, a), 400, "WRONG_CHAIN");
        SurrenderRequest forB = surrender(b.id(), "carbonx-local", "EUA-R", 1);
        refused(a.token(), "/api/v1/surrenders", signed(forB, a), 400, "NOT_REQUEST_SIGNER");
        SurrenderRequest mine = surrender(a.id(), "carbonx-local", "EUA-R", 1);
        JsonObject badSig = signed(mine, b).put("request", signed(mine, a).getString("request"));
        refused(a.token(), "/api/v1/surrenders", badSig, 400, "BAD_REQUEST_SIGNATURE");
        refused(a.token(), "/api/v1/surrenders", signed(mine, a), 409, "EMISSIONS_NOT_RECORDED");
    }

    @Test
    void theCompliancePathRecordsEmissionsTakesASignedSurrenderAndPenalisesTheShortfall() {
        Cast.Member e = cast.register("Compliance E", Role.ENTERPRISE);
        ok(post("/api/v1/accounts/" + e.id() + "/deposits", new JsonObject().put("transferId", "ce-1")
                .put("amountMinor", 1_000_000), e.token()));
        ok(post("/api/v1/allocations", alloc(e.id(), "EUA-R").put("quantity", 50), cast.regulator));
        ok(post("/api/v1/emissions", emissions(e.id(), 2026), v.token()));
        ApiClient.Response s = post("/api/v1/surrenders", signed(surrender(e.id(), "carbonx-local", "EUA-R", 30), e),
                e.token());
        ok(s);
        assertThat(s.body().getJsonArray("events").getJsonObject(0).getString("type"))
                .isEqualTo("AllowancesSurrendered");
        ApiClient.Response settle = post("/api/v1/compliance/2026/settlement", new JsonObject(), cast.regulator);
        ok(settle);
        cast.awaitReadModel();
        JsonObject table = h.api.get("/api/v1/compliance/2026", cast.regulator).body();
        assertThat(table.getBoolean("settled")).isTrue();
        JsonObject row = find(table.getJsonArray("items"), e.id());
        assertThat(row.getLong("emissionsTonnes")).isEqualTo(40L);
        assertThat(row.getLong("surrenderedAllowances")).isEqualTo(30L);
        assertThat(row.getLong("shortfallTonnes")).isEqualTo(10L);
        assertThat(row.getJsonObject("penalty").getLong("amountMinor")).isEqualTo(10 * 10_000L); // fixed per tonne
        JsonObject own = h.api.get("/api/v1/compliance/2026", e.token()).body();
        assertThat(own.getJsonArray("items")).hasSize(1);
        refused(cast.regulator, "/api/v1/compliance/2026/settlement", new JsonObject(), 409, "YEAR_ALREADY_SETTLED");
    }

    private static JsonObject find(JsonArray items, String participantId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.getJsonObject(i).getString("participantId").equals(participantId)) {
                return items.getJsonObject(i);
            }
        }
        throw new AssertionError(participantId + " not in " + items.encode());
    }

    private static void refused(String token, String path, JsonObject body, int status, String reason) {
        check(() -> post(path, body, token), path, status, reason);
    }

    private static void refusedRaw(String token, String path, String body, int status, String reason) {
        check(() -> h.api.postRaw(path, body, token), path, status, reason);
    }

    private static void check(java.util.function.Supplier<ApiClient.Response> request, String path, int status,
                              String reason) {
        cast.awaitReadModel();
        LiveStatus before = h.service.components().processor().status();
        String modelBefore = modelHash();
        ApiClient.Response r = request.get();
        String where = path + " -> " + r.status() + " " + r.body().encode();
        assertThat(r.status()).as(where).isEqualTo(status);
        assertThat(r.contentType()).as(where).startsWith("application/problem+json");
        assertThat(r.reason()).as(where).isEqualTo(reason);
        assertThat(r.body().getString("type")).isEqualTo("urn:carbonx:problem:" + reason);
        assertThat(r.body().getInteger("status")).isEqualTo(status);
        cast.awaitReadModel();
        LiveStatus after = h.service.components().processor().status();
        assertThat(after.entries()).as("journal unchanged by " + where).isEqualTo(before.entries());
        assertThat(after.ledgerHash()).as("state unchanged by " + where).isEqualTo(before.ledgerHash());
        assertThat(after.identityHash()).as(where).isEqualTo(before.identityHash());
        assertThat(modelHash()).isEqualTo(modelBefore);
    }

    private static String modelHash() {
        return h.service.components().reads().read(x -> x.ledgerHash());
    }

    private static JsonObject alloc(String participantId, String instrument) {
        return new JsonObject().put("allocationId", "al-" + UUID.randomUUID()).put("participantId", participantId)
                .put("instrumentId", instrument).put("quantity", 5);
    }

    private static JsonObject offsets(long from, long to) {
        return new JsonObject().put("issuanceId", "iss-" + UUID.randomUUID()).put("participantId", a.id())
                .put("instrumentId", "OFS-R").put("serialFrom", from).put("serialTo", to);
    }

    private static JsonObject emissions(String participantId, int year) {
        return new JsonObject().put("participantId", participantId).put("year", year).put("emissionsTonnes", 40)
                .put("reportSha256", "ab".repeat(32));
    }

    private static SurrenderRequest surrender(String participantId, String chain, String instrument, long qty) {
        return SurrenderRequest.newBuilder().setChainId(chain).setParticipantId(participantId)
                .setSequence(SEQUENCE.incrementAndGet()).setSurrenderId("sur-" + UUID.randomUUID()).setYear(2026)
                .setInstrumentId(instrument).setQuantity(qty).setKind(SurrenderKind.ALLOWANCE).build();
    }

    private static JsonObject signed(SurrenderRequest request, Cast.Member signer) {
        byte[] bytes = EventCodec.standard().encode(request);
        return new JsonObject().put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(signer.signer().sign(bytes)));
    }

    private static ApiClient.Response post(String path, JsonObject body, String token) {
        return h.api.post(path, body, token);
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }
}
