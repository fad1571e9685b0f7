package io.carbonx.chain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Sha256;
import io.carbonx.chain.evidence.EvidenceVerifier;
import io.carbonx.chain.evidence.StoredZip;
import io.carbonx.chain.evidence.VerificationReport;
import io.carbonx.chain.evidence.cli.EvidenceVerifyCommand;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.Processes;

import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.requests.OrderRequest;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.schemas.EventCodec;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.security.auth.x500.X500Principal;
import org.apache.avro.specific.SpecificRecord;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence API on the real running stack: the registry issues certificates, two enterprises sign orders that
 * trade on the real exchange, four PBFT validators anchor every event in certified blocks that the court validator's
 * TSA time-stamps, and each node indexes the chain. Then a COURT fetches the trade's bundle over HTTP and it verifies
 * offline against the root certificate alone (the project's verifier, its CLI and, with openssl, the documented
 * OpenSSL procedure); a REGULATOR and an ARBITRATOR may fetch bundles too; an ENTERPRISE, a VERIFIER and anonymous
 * callers are refused; an order not yet anchored answers 409 until the chain anchors it.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class EvidenceApiIT {

    private static final long WAIT_MS = 120_000;
    private static final String EUA = "EUA-2026";
    private static final String EVIDENCE = "/api/v1/evidence";

    /** A registered participant: id, signing key, certificate serial, API token. */
    private record Member(String id, ParticipantSigner signer, String serial, String token) {
    }

    @TempDir
    static Path dir;
    static EvidenceStack stack;
    static X509Certificate root;
    static Path rootPem;
    static String regulator;
    static Member buyer;
    static Member seller;
    static Member court;
    static Member arbitrator;
    static Member verifier;
    static String tradeId;
    static String buyOrderId;
    static String sellOrderId;

    @BeforeAll
    static void tradeOnTheRunningStack(KafkaBroker broker) throws Exception {
        stack = new EvidenceStack(broker, dir.resolve("node"));
        String regulatorId = stack.bootstrapId();
        awaitKnown(regulatorId);
        regulator = stack.api.login(regulatorId, stack.bootstrapSigner());
        StackApi.Response ca = stack.api.get("/api/v1/ca", null);
        root = Certificates.fromDer(Pem.decodeSingle(ca.body().getString("rootCertificatePem"), Set.of(Pem.CERTIFICATE)));
        rootPem = Files.writeString(dir.resolve("root.pem"), Certificates.pem(root));
        ok(stack.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", EUA).put("kind", "ALLOWANCE")
                .put("vintage", 2026), regulator));
        buyer = register("Evidence Buyer Steel", Role.ENTERPRISE);
        seller = register("Evidence Seller Power", Role.ENTERPRISE);
        court = register("Evidence District Court", Role.COURT);
        arbitrator = register("Evidence Arbitration Chamber", Role.ARBITRATOR);
        verifier = register("Evidence Emissions Verifier", Role.VERIFIER);
        ok(stack.api.post("/api/v1/accounts/" + buyer.id() + "/deposits", new JsonObject()
                .put("transferId", "dep-b").put("amountMinor", 1_000_000), buyer.token()));
        ok(stack.api.post("/api/v1/accounts/" + seller.id() + "/deposits", new JsonObject()
                .put("transferId", "dep-s").put("amountMinor", 200_000), seller.token()));
        ok(stack.api.post("/api/v1/allocations", new JsonObject().put("allocationId", "alloc-1")
                .put("participantId", seller.id()).put("instrumentId", EUA).put("quantity", 100), regulator));

        sellOrderId = placeOrder(seller, 1, "s-1", Side.SELL, 8_000);
        Await.until("the sell order resting in the book", WAIT_MS, () -> !stack.api.get("/api/v1/market/" + EUA
                + "/book", seller.token()).body().getJsonArray("asks", new JsonArray()).isEmpty(), () -> "");
        buyOrderId = placeOrder(buyer, 1, "b-1", Side.BUY, 8_000);
        Await.until("a trade printed", WAIT_MS, () -> !trades().isEmpty(), () -> "");
        tradeId = trades().getJsonObject(0).getString("tradeId");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aCourtRetrievesTheTradeBundle_whichVerifiesOfflineAgainstTheRootCertificateAlone() throws Exception {
        StackApi.Download d = awaitBundle(EVIDENCE + "/trades/" + tradeId, court.token());

        assertThat(d.contentType()).isEqualTo("application/zip");
        assertThat(d.raw().headers().firstValue("x-carbonx-bundle-sha256")).contains(Sha256.hash(d.body()).hex());
        assertThat(d.raw().headers().firstValue("content-disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("carbonx-evidence-trade-" + tradeId + ".zip"));
        VerificationReport report = new EvidenceVerifier().verify(d.body(), root);
        assertThat(report.valid()).as(report.render()).isTrue();

        SortedMap<String, byte[]> members = StoredZip.read(d.body());
        List<SpecificRecord> events = events(members);
        assertThat(events).filteredOn(TradeExecuted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((TradeExecuted) e).getTradeId()).isEqualTo(tradeId));
        assertThat(events).filteredOn(OrderSubmitted.class::isInstance)
                .extracting(e -> ((OrderSubmitted) e).getOrderId()).containsExactlyInAnyOrder(buyOrderId, sellOrderId);
        assertThat(members.keySet()).as("both orders' participant-signed requests with their signers' certificates")
                .filteredOn(k -> k.matches("events/\\d{4}/request-1\\.(bin|sig|pem)")).hasSize(6);
        assertThat(members.keySet()).anyMatch(k -> k.matches("blocks/\\d+/timestamp-1\\.tsr"))
                .anyMatch(k -> k.matches("blocks/\\d+/commit-\\d\\.sig")).contains("certs/issuing-ca.crl.pem");

        Path bundle = Files.write(dir.resolve("trade.zip"), d.body());
        StringWriter out = new StringWriter();
        int exit = EvidenceVerifyCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                bundle.toString(), "--root", rootPem.toString());
        assertThat(exit).as(out.toString()).isEqualTo(EvidenceVerifyCommand.VALID);
    }

    @Test
    @Order(2)
    void theDocumentedOpenSslProcedureVerifiesTheLiveTradeBundle() throws Exception {
        Assumptions.assumeTrue(Processes.available("openssl", "version"), "openssl not on PATH");
        Assumptions.assumeTrue(Processes.available("bash", "--version"), "bash not on PATH");
        byte[] zip = awaitBundle(EVIDENCE + "/trades/" + tradeId, court.token()).body();
        Path unzipped = unzip(zip, dir.resolve("trade-unzipped"));

        Processes.Result r = Processes.run(dir, 300, "bash", Path.of("docs/verify-bundle.sh").toAbsolutePath()
                .toString(), unzipped.toString(), rootPem.toString());

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("VALID: ").doesNotContain("FAIL");
    }

    @Test
    @Order(3)
    void enterprisesVerifiersAndAnonymousCallersAreRefused() {
        for (String path : List.of("/trades/" + tradeId, "/orders/" + buyOrderId, "/defaults/d-1", "/penalties/x-1",
                "/participants/" + buyer.id())) {
            for (Member refused : List.of(buyer, seller, verifier)) {
                StackApi.Download d = stack.api.download(EVIDENCE + path, refused.token());
                assertThat(d.status()).as(path).isEqualTo(403);
                assertThat(d.contentType()).startsWith("application/problem+json");
                assertThat(d.json().getString("reasonCode")).isEqualTo("ROLE_NOT_PERMITTED");
            }
            StackApi.Download anonymous = stack.api.download(EVIDENCE + path, null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json().getString("reasonCode")).isEqualTo("TOKEN_MISSING");
            StackApi.Download forged = stack.api.download(EVIDENCE + path, court.token() + "x");
            assertThat(forged.status()).isEqualTo(401);
        }
    }

    @Test
    @Order(4)
    void aRegulatorAndAnArbitratorRetrieveVerifiableBundles() throws Exception {
        StackApi.Download order = awaitBundle(EVIDENCE + "/orders/" + sellOrderId, regulator);
        VerificationReport r = new EvidenceVerifier().verify(order.body(), root);
        assertThat(r.valid()).as(r.render()).isTrue();
        assertThat(r.subject()).contains(sellOrderId);

        StackApi.Download participant = awaitBundle(EVIDENCE + "/participants/" + buyer.id() + "?from=0",
                arbitrator.token());
        VerificationReport p = new EvidenceVerifier().verify(participant.body(), root);
        assertThat(p.valid()).as(p.render()).isTrue();
        assertThat(events(StoredZip.read(participant.body()))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.toString()).contains(buyer.id()));
    }

    @Test
    @Order(5)
    void unknownSubjectsAreNotFound_andMalformedRequestsAreRejectedWithTheirReason() {
        StackApi.Download unknown = stack.api.download(EVIDENCE + "/trades/no-such-trade", court.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("reasonCode")).isEqualTo("SUBJECT_NOT_FOUND");

        StackApi.Download emptyPeriod = stack.api.download(EVIDENCE + "/participants/" + buyer.id()
                + "?from=5&to=5", court.token());
        assertThat(emptyPeriod.status()).isEqualTo(400);
        assertThat(emptyPeriod.json().getString("reasonCode")).isEqualTo("INVALID_PERIOD");
        StackApi.Download notANumber = stack.api.download(EVIDENCE + "/participants/" + buyer.id() + "?to=soon",
                court.token());
        assertThat(notANumber.json().getString("reasonCode")).isEqualTo("INVALID_PERIOD");
        StackApi.Download spaced = stack.api.download(EVIDENCE + "/orders/a%20b", court.token());
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.json().getString("reasonCode")).isEqualTo("INVALID_SUBJECT_ID");
    }

    @Test
    @Order(6)
    void theMountedEvidenceRoutesAreExactlyTheOnesTheOpenApiDocumentDescribes() throws Exception {
        String yaml = Files.readString(Path.of("../node/src/main/resources/openapi/carbonx.yaml"));
        Set<String> described = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (/api/v1/evidence/\\S+):\\R    get:").matcher(yaml);
        while (m.find()) {
            described.add("GET " + m.group(1));
        }
        Set<String> mounted = new TreeSet<>();
        for (SecureRouter.Mounted r : stack.chain.routes()) {
            mounted.add(r.method() + " " + r.path().replaceAll(":([A-Za-z]+)", "{$1}"));
            assertThat(r.access().authenticated()).isTrue();
            assertThat(r.access().roles()).containsExactlyInAnyOrder(Role.COURT, Role.ARBITRATOR, Role.REGULATOR);
        }
        assertThat(described).hasSize(5).isEqualTo(mounted);
    }

    @Test
    @Order(7)
    void anOrderNotYetAnchoredIsAConflictUntilTheChainAnchorsIt() throws Exception {
        ChainNode node = stack.chain.node();
        node.stopValidator(0);
        node.stopValidator(1);
        String pending;
        try {
            pending = placeOrder(seller, 2, "s-2", Side.SELL, 9_000);
            Await.until("the unanchored order answered 409", WAIT_MS, () -> {
                StackApi.Download d = stack.api.download(EVIDENCE + "/orders/" + pending, court.token());
                assertThat(d.status()).as("without a quorum nothing is anchored").isIn(404, 409);
                return d.status() == 409;
            }, () -> "");
            StackApi.Download conflict = stack.api.download(EVIDENCE + "/orders/" + pending, court.token());
            assertThat(conflict.json().getString("reasonCode")).isEqualTo("NOT_YET_ANCHORED");
            assertThat(conflict.json().getString("detail")).contains("is about order " + pending)
                    .contains("not yet in a committed");
            assertThat(conflict.raw().headers().firstValue("retry-after")).isPresent();
        } finally {
            node.startValidator(0);
            node.startValidator(1);
        }
        StackApi.Download anchored = awaitBundle(EVIDENCE + "/orders/" + pending, court.token());
        VerificationReport r = new EvidenceVerifier().verify(anchored.body(), root);
        assertThat(r.valid()).as(r.render()).isTrue();
    }

    // ---- helpers ----

    /** GETs {@code path} until it answers 200 (404 and 409 mean "not yet"); any other answer fails the test. */
    private static StackApi.Download awaitBundle(String path, String token) {
        StackApi.Download[] last = new StackApi.Download[1];
        Await.until("the bundle at " + path, WAIT_MS, () -> {
            last[0] = stack.api.download(path, token);
            assertThat(last[0].status()).as(path + " -> " + new String(last[0].body())).isIn(200, 404, 409);
            return last[0].status() == 200;
        }, () -> last[0] == null ? "" : last[0].status() + " " + new String(last[0].body()));
        return last[0];
    }

    private static List<SpecificRecord> events(Map<String, byte[]> members) {
        List<SpecificRecord> out = new ArrayList<>();
        members.forEach((name, bytes) -> {
            if (name.matches("events/\\d{4}/event\\.bin")) {
                out.add(EventCodec.standard().decode(bytes));
            }
        });
        return out;
    }

    private static Path unzip(byte[] zip, Path target) throws Exception {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path file = target.resolve(e.getName()).normalize();
                assertThat(file.startsWith(target)).isTrue();
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return target;
    }

    private static JsonArray trades() {
        return stack.api.get("/api/v1/market/" + EUA + "/trades?limit=5", buyer.token()).body()
                .getJsonArray("trades", new JsonArray());
    }

    private static String placeOrder(Member who, long sequence, String clientOrderId, Side side, long priceMinor) {
        OrderRequest request = OrderRequest.newBuilder().setChainId(stack.chainId).setParticipantId(who.id())
                .setSequence(sequence).setClientOrderId(clientOrderId).setInstrumentId(EUA).setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(priceMinor)
                .setQuantity(10).setExpiresAtMs(null).build();
        byte[] bytes = EventCodec.standard().encode(request);
        StackApi.Response r = stack.api.post("/api/v1/orders", new JsonObject()
                .put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(who.signer().sign(bytes)))
                .put("certificateSerial", who.serial()), who.token());
        assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
        return r.body().getString("orderId");
    }

    private static Member register(String legalName, Role role) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=ev"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        StackApi.Response r = stack.api.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", role.name()).put("csr", Base64.getEncoder().encodeToString(csr)), null);
        ok(r);
        String id = r.body().getJsonArray("events").getJsonObject(0).getString("participantId");
        ok(stack.api.post("/api/v1/registrations/" + id + "/approve", null, regulator));
        awaitKnown(id);
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        String serial = stack.registry.components().directory().participant(id).orElseThrow().certificateSerial();
        return new Member(id, signer, serial, stack.api.login(id, signer));
    }

    private static void awaitKnown(String participantId) {
        Await.until("the directory knows " + participantId, WAIT_MS,
                () -> stack.registry.components().directory().participant(participantId).isPresent(), () -> "");
    }

    private static void ok(StackApi.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }
}
