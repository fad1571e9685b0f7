package io.carbonx.node.it.multi;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Registration;
import io.carbonx.node.client.Session;
import io.carbonx.registry.identity.ParticipantSigner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The market's participants, set up through the API of the registry process: the regulator (the CA's bootstrap
 * identity) defines the instruments; enterprises register with fresh keys and CSRs, are approved, deposit cash and
 * receive allowances. Every enterprise logs in at the <em>registry</em>; its token is then used at the gateway (a
 * token issued by one node, accepted by another).
 */
final class Market {

    static final List<String> INSTRUMENTS = List.of("EUA-2026", "EUA-2027");
    static final long CASH_MINOR = 2_000_000_000L;
    static final long ALLOWANCES = 1_000_000L;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    /** One enterprise: its identity and its signed-request sequence. */
    static final class Trader {
        final String id;
        final ParticipantSigner signer;
        final String certificateSerial;
        final AtomicLong sequence = new AtomicLong();
        volatile Session session;

        Trader(String id, ParticipantSigner signer, String certificateSerial, Session session) {
            this.id = id;
            this.signer = signer;
            this.certificateSerial = certificateSerial;
            this.session = session;
        }
    }

    private final NodeClient registry;
    private final Session regulator;
    private final List<Trader> traders = new ArrayList<>();
    private long depositedMinor;
    private long allocated;

    private Market(NodeClient registry, Session regulator) {
        this.registry = registry;
        this.regulator = regulator;
    }

    /** Logs the regulator in at the registry (retrying while the registry journals its bootstrap identity). */
    static Market open(String registryUrl, String regulatorId, ParticipantSigner regulatorSigner) {
        NodeClient client = new NodeClient(registryUrl, HTTP_TIMEOUT);
        Session[] s = new Session[1];
        Waits.until("the bootstrap regulator can log in at the registry", Duration.ofSeconds(120), 500, () -> {
            try {
                s[0] = Session.login(client, regulatorId, regulatorSigner);
                return true;
            } catch (ClientException e) {
                return false;
            }
        }, () -> "login refused");
        return new Market(client, s[0]);
    }

    Session regulator() {
        return regulator;
    }

    List<Trader> traders() {
        return traders;
    }

    long depositedMinor() {
        return depositedMinor;
    }

    long allocatedPerInstrument() {
        return allocated;
    }

    void defineInstruments() {
        int vintage = 2026;
        for (String instrument : INSTRUMENTS) {
            ok(regulator.post("/api/v1/instruments", new JsonObject().put("instrumentId", instrument)
                    .put("kind", "ALLOWANCE").put("vintage", vintage++)), "define " + instrument);
        }
    }

    /** Registers, approves, funds and allocates {@code count} enterprises. */
    void enterprises(int count) {
        List<String> ids = new ArrayList<>();
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            KeyPair k = Registration.newKeyPair();
            JsonObject r = ok(registry.post("/api/v1/registrations", new JsonObject().put("legalName",
                    "Fault Test Enterprise " + i).put("role", "ENTERPRISE").put("csr", Base64.getEncoder()
                    .encodeToString(Registration.csr(k, "Fault Test Enterprise " + i))), null), "register " + i);
            ids.add(participantId(r));
            keys.add(k);
        }
        for (String id : ids) {
            ok(regulator.post("/api/v1/registrations/" + id + "/approve", null), "approve " + id);
        }
        for (int i = 0; i < count; i++) {
            traders.add(admit(ids.get(i), ParticipantSigner.forKey(keys.get(i).getPrivate(), keys.get(i).getPublic())));
        }
    }

    private Trader admit(String id, ParticipantSigner signer) {
        Session[] s = new Session[1];
        Waits.until(id + " can log in at the registry", Duration.ofSeconds(60), 250, () -> {
            try {
                s[0] = Session.login(registry, id, signer);
                return true;
            } catch (ClientException e) {
                return false;
            }
        }, () -> "login refused");
        String serial = ok(s[0].get("/api/v1/participants/" + id), "participant " + id).getString("certificateSerial");
        Trader t = new Trader(id, signer, serial, s[0]);
        ok(s[0].post("/api/v1/accounts/" + id + "/deposits", new JsonObject().put("transferId", "dep-" + id)
                .put("amountMinor", CASH_MINOR)), "deposit " + id);
        depositedMinor += CASH_MINOR;
        for (String instrument : INSTRUMENTS) {
            ok(regulator.post("/api/v1/allocations", new JsonObject().put("allocationId", "alloc-" + id + "-"
                    + instrument).put("participantId", id).put("instrumentId", instrument)
                    .put("quantity", ALLOWANCES)), "allocate " + instrument + " to " + id);
        }
        allocated = ALLOWANCES;
        return t;
    }

    /** Every account as the registry's read model shows it to the regulator. */
    List<JsonObject> accounts() {
        JsonObject body = ok(regulator.get("/api/v1/accounts"), "accounts");
        List<JsonObject> out = new ArrayList<>();
        body.getJsonArray("items").forEach(o -> out.add((JsonObject) o));
        return out;
    }

    /** An account's holdings (available and locked per instrument). */
    JsonObject holdings(String participantId) {
        return ok(regulator.get("/api/v1/accounts/" + participantId + "/holdings"), "holdings of " + participantId);
    }

    /** Logs in again at the registry if the token is older than half its life. */
    void refresh(Trader t) {
        if (t.session.expiresAtMs() - System.currentTimeMillis() < 300_000) {
            t.session = Session.login(registry, t.id, t.signer);
        }
    }

    private static String participantId(JsonObject registered) {
        for (Object e : registered.getJsonArray("events", new JsonArray())) {
            String id = ((JsonObject) e).getString("participantId");
            if (id != null) {
                return id;
            }
        }
        throw new AssertionError("registration named no participant id: " + registered.encode());
    }

    static JsonObject ok(ApiResponse r, String what) {
        if (r.status() != 200 && r.status() != 202) {
            throw new AssertionError(what + ": HTTP " + r.status() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length == 0 ? new JsonObject() : r.json();
    }
}
