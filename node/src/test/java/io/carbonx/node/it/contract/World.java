package io.carbonx.node.it.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import io.carbonx.node.client.SignedRequests;
import io.carbonx.node.testing.Bootstrap;
import io.carbonx.node.testing.NodeApi;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The participants and objects the role matrix acts on, set up over the API of one node: the regulator (the CA's
 * bootstrap identity), enterprises A and B (funded; A allocated allowances), a verifier, a court and an arbitrator,
 * two spare enterprises the regulator-only account operations may act on (C) and revoke (D), a pending registration,
 * an open order of A and of B, and a trade between them.
 */
final class World {

    static final String EUA = "EUA-2026";
    static final Duration WAIT = Duration.ofSeconds(150);

    /** The seven callers of the matrix, in order. */
    static final String[] ROLES = {"enterpriseA", "enterpriseB", "regulator", "verifier", "court", "arbitrator",
        "anonymous"};

    final NodeApi api;
    final Map<String, NodeApi.Member> members = new LinkedHashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> serials = new HashMap<>();
    private final Map<String, AtomicLong> sequences = new HashMap<>();
    String chainId;
    String spareC;
    String spareD;
    String pendingRegistration;
    String orderA;
    String orderB;
    String tradeId;
    byte[] csr;

    World(NodeApi api) {
        this.api = api;
    }

    void setUp(Path workDir) throws Exception {
        NodeApi.Member regulator = Bootstrap.regulator(workDir);
        add("regulator", regulator);
        String reg = tokens.get("regulator");
        api.post("/api/v1/instruments", new JsonObject().put("instrumentId", EUA).put("kind", "ALLOWANCE")
                .put("vintage", 2026), reg).expect(200, "defining " + EUA);
        add("enterpriseA", api.register("Matrix A Power", "ENTERPRISE", reg));
        add("enterpriseB", api.register("Matrix B Steel", "ENTERPRISE", reg));
        add("verifier", api.register("Matrix Verifier", "VERIFIER", reg));
        add("court", api.register("Matrix Court", "COURT", reg));
        add("arbitrator", api.register("Matrix Arbitrator", "ARBITRATOR", reg));
        spareC = api.register("Matrix C Cement", "ENTERPRISE", reg).id();
        spareD = api.register("Matrix D Paper", "ENTERPRISE", reg).id();
        csr = newCsr();
        pendingRegistration = api.post("/api/v1/registrations", new JsonObject().put("legalName", "Matrix Pending")
                .put("role", "ENTERPRISE").put("csr", Base64.getEncoder().encodeToString(csr)), null)
                .expect(200, "a pending registration").body().getJsonArray("events").getJsonObject(0)
                .getString("participantId");
        for (String e : new String[] {"enterpriseA", "enterpriseB"}) {
            api.post("/api/v1/accounts/" + id(e) + "/deposits", new JsonObject().put("transferId", "fund-" + e)
                    .put("amountMinor", 10_000_000), tokens.get(e)).expect(200, "funding " + e);
        }
        api.post("/api/v1/allocations", new JsonObject().put("allocationId", "matrix-alloc")
                .put("participantId", id("enterpriseA")).put("instrumentId", EUA).put("quantity", 1_000), reg)
                .expect(200, "allocating to A");
        orderA = order("enterpriseA", Side.SELL, 9_000, 5);
        orderB = order("enterpriseB", Side.BUY, 7_000, 5);
        order("enterpriseA", Side.SELL, 8_000, 1);
        order("enterpriseB", Side.BUY, 8_000, 1);
        NodeApi.await("a trade between A and B", WAIT, () -> {
            JsonArray trades = api.get("/api/v1/market/" + EUA + "/trades", reg).body().getJsonArray("trades");
            tradeId = trades == null || trades.isEmpty() ? null : trades.getJsonObject(0).getString("tradeId");
            return tradeId != null;
        });
        NodeApi.await("A's and B's orders rest", WAIT, () -> openOrders(id("enterpriseA")).contains(orderA)
                && openOrders(id("enterpriseB")).contains(orderB));
        // The trade settles when its window closes; wait for it, so that the accounts stay still while the tests
        // compare them before and after refused calls.
        NodeApi.await("the trade between A and B settled", WAIT, () -> pendingTrades(id("enterpriseA")).isEmpty()
                && pendingTrades(id("enterpriseB")).isEmpty());
    }

    private void add(String name, NodeApi.Member m) {
        members.put(name, m);
        tokens.put(name, api.login(m.id(), m.signer(), WAIT));
        if (chainId == null) {
            String signed = api.post("/api/v1/auth/challenge", new JsonObject().put("participantId", m.id()), null)
                    .expect(200, "a challenge").body().getString("signedText");
            chainId = signed.split("\n")[1];
        }
        if (name.startsWith("enterprise")) {
            serials.put(name, api.get("/api/v1/participants/" + m.id(), tokens.get(name))
                    .expect(200, "participant " + name).body().getString("certificateSerial"));
        }
        sequences.put(name, new AtomicLong());
    }

    String id(String name) {
        return members.get(name).id();
    }

    /** A signed limit GTC order of {@code name}; returns its order id. */
    String order(String name, Side side, long priceMinor, long quantity) {
        NodeApi.Response r = api.post("/api/v1/orders", orderBody(name, side, priceMinor, quantity), tokens.get(name))
                .expect(202, "order of " + name);
        return r.body().getString("orderId");
    }

    JsonObject orderBody(String name, Side side, long priceMinor, long quantity) {
        long seq = sequences.get(name).incrementAndGet();
        OrderRequest o = OrderRequest.newBuilder().setChainId(chainId).setParticipantId(id(name)).setSequence(seq)
                .setClientOrderId(name + "-" + seq).setInstrumentId(EUA).setSide(side).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(priceMinor).setQuantity(quantity).setExpiresAtMs(null)
                .build();
        return SignedRequests.body(o, members.get(name).signer(), serials.get(name));
    }

    /** A cancel of {@code orderId}, signed by {@code name} for itself. */
    JsonObject cancelBody(String name, String orderId) {
        CancelRequest c = CancelRequest.newBuilder().setChainId(chainId).setParticipantId(id(name))
                .setSequence(sequences.get(name).incrementAndGet()).setOrderId(orderId).setInstrumentId(EUA).build();
        return SignedRequests.body(c, members.get(name).signer(), serials.get(name));
    }

    /** The open order ids of a participant, as the regulator reads them. */
    JsonArray openOrders(String participantId) {
        return api.get("/api/v1/accounts/" + participantId, tokens.get("regulator")).expect(200, "account")
                .body().getJsonArray("openOrderIds", new JsonArray());
    }

    private JsonArray pendingTrades(String participantId) {
        return api.get("/api/v1/accounts/" + participantId, tokens.get("regulator")).expect(200, "account")
                .body().getJsonArray("pendingTradeIds", new JsonArray());
    }

    private static byte[] newCsr() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=matrix"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
