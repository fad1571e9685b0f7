package io.carbonx.exchange.e2e;

import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.ClockTicked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderType;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.exchange.testing.ExchangeKafka;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The people of an end-to-end scenario on a {@link TwoServiceNode}: the bootstrap regulator, participants
 * registered with the registry's CA through the API (a real CSR, approved by the regulator), their signed
 * orders, funds and allowances; and the topics' ClockTicked for books whose time the test drives.
 */
final class Cast {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final String CHAIN = "carbonx-local";

    /** A registered participant: id, signing key, certificate serial, API token; its own sequence numbers. */
    record Member(String id, ParticipantSigner signer, String serial, String token, AtomicLong sequence) {
        long nextSequence() {
            return sequence.incrementAndGet();
        }
    }

    final TwoServiceNode node;
    final String regulatorId;
    final String regulator;
    private final AtomicLong ids = new AtomicLong();

    Cast(TwoServiceNode node) {
        this.node = node;
        this.regulatorId = node.bootstrapId();
        awaitKnown(regulatorId);
        this.regulator = node.api.login(regulatorId, node.bootstrapSigner());
    }

    String unique(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    Member enterprise(String legalName, long cashMinor) throws Exception {
        Member m = register(legalName, Role.ENTERPRISE);
        if (cashMinor > 0) {
            ok(node.api.post("/api/v1/accounts/" + m.id() + "/deposits", new JsonObject()
                    .put("transferId", unique("dep-" + m.id())).put("amountMinor", cashMinor), m.token()));
        }
        return m;
    }

    Member register(String legalName, Role role) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=e2e"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        Api.Response r = node.api.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", role.name()).put("csr", Base64.getEncoder().encodeToString(csr)), null);
        ok(r);
        String id = r.body().getJsonArray("events").getJsonObject(0).getString("participantId");
        ok(node.api.post("/api/v1/registrations/" + id + "/approve", null, regulator));
        awaitKnown(id);
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        String serial = node.registry.components().directory().participant(id).orElseThrow().certificateSerial();
        return new Member(id, signer, serial, node.api.login(id, signer), new AtomicLong());
    }

    void defineInstrument(String id, String kind, int vintage) {
        ok(node.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", id).put("kind", kind)
                .put("vintage", vintage), regulator));
    }

    void allocate(Member to, String instrument, long quantity) {
        ok(node.api.post("/api/v1/allocations", new JsonObject().put("allocationId", unique("alloc"))
                .put("participantId", to.id()).put("instrumentId", instrument).put("quantity", quantity), regulator));
    }

    /** A signed order request of the member, as the body of {@code POST /api/v1/orders}. */
    static JsonObject order(Member who, String clientOrderId, String instrument, Side side, OrderType type,
                            TimeInForce tif, Long priceMinor, long quantity) {
        OrderRequest request = OrderRequest.newBuilder().setChainId(CHAIN).setParticipantId(who.id())
                .setSequence(who.nextSequence()).setClientOrderId(clientOrderId).setInstrumentId(instrument)
                .setSide(side).setOrderType(type).setTimeInForce(tif).setPriceMinor(priceMinor)
                .setQuantity(quantity).setExpiresAtMs(null).build();
        byte[] bytes = EventCodec.standard().encode(request);
        return new JsonObject().put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(who.signer().sign(bytes)))
                .put("certificateSerial", who.serial());
    }

    /** Posts a signed LIMIT GTC order; returns the exchange order id. */
    String limit(Member who, String instrument, Side side, long priceMinor, long quantity) {
        return submitted(node.api.post("/api/v1/orders", order(who, unique("c"), instrument, side, OrderType.LIMIT,
                TimeInForce.GTC, priceMinor, quantity), who.token()));
    }

    static String submitted(Api.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
        return r.body().getString("orderId");
    }

    long cash(Member who) {
        return node.api.get("/api/v1/accounts/" + who.id(), who.token()).body().getLong("cashMinor");
    }

    long cashOf(String accountId) {
        return node.api.get("/api/v1/accounts/" + accountId, regulator).body().getLong("cashMinor");
    }

    long holding(Member who, String instrument) {
        JsonArray items = node.api.get("/api/v1/accounts/" + who.id() + "/holdings", who.token()).body()
                .getJsonArray("items");
        for (int i = 0; items != null && i < items.size(); i++) {
            if (items.getJsonObject(i).getString("instrumentId").equals(instrument)) {
                return items.getJsonObject(i).getLong("available");
            }
        }
        return 0;
    }

    /** Makes time pass for one book: a ClockTicked on its partition of the order topic. */
    void tick(String instrument, long logicalTimeMs) {
        ExchangeKafka.produce(node.registry.components().clients(), node.topics.orders(), instrument,
                ClockTicked.newBuilder().setEnvelope(EventEnvelope.newBuilder()
                                .setEventId("test-tick/" + instrument + "/" + logicalTimeMs).setType("ClockTicked")
                                .setCauseId(null).setLogicalTime(logicalTimeMs).setActor("test-clock").build())
                        .setScope(instrument).setTickSequence(logicalTimeMs).build());
    }

    void awaitKnown(String participantId) {
        await("the directory knows " + participantId, WAIT,
                () -> node.registry.components().directory().participant(participantId).isPresent());
    }

    static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }
}
