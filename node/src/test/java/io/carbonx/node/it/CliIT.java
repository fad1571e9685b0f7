package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.evidence.BundleBuilder;
import io.carbonx.chain.evidence.ConsortiumCertificates;
import io.carbonx.chain.evidence.EvidenceSubject;
import io.carbonx.chain.evidence.InMemoryEvidenceSource;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.service.AnchorSettings;
import io.carbonx.chain.timestamp.LocalTimestampClient;
import io.carbonx.chain.timestamp.TimestampAuthority;
import io.carbonx.chain.timestamp.TsaPolicy;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.PenaltyPolicy;
import io.carbonx.events.ShortfallTreatment;
import io.carbonx.node.cli.CarbonxCommand;
import io.carbonx.node.cli.ExitCodes;
import io.carbonx.node.client.Identity;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.ProfileStore;
import io.carbonx.node.client.Registration;
import io.carbonx.node.client.Session;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code carbonx} client commands against a real node (embedded broker, registry, exchange, rating, four
 * validators), each run in-process through picocli exactly as the launcher runs it, with its stdout, stderr and
 * exit code checked, and its effect checked on the node: a regulator imported from the node's bootstrap identity
 * approves two enterprises registered with fresh keys; signed orders trade and settle and show in holdings; a
 * resting order is cancelled; allowances are surrendered; refusals (unknown registration, a login with the wrong
 * key, a replayed sequence number, another enterprise's holdings) give their exit codes and reason codes; the
 * replay check and the chain verification pass on the live data and fail when they should; an evidence bundle
 * signed by the node's validators verifies, and a tampered one does not.
 *
 * <p>{@code carbonx evidence get} is not exercised: this branch's node serves no {@code /api/v1/evidence}
 * endpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CliIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String EUA = "EUA-2026";

    @TempDir
    static Path work;

    private static CarbonxNode node;
    private static String url;
    private static Path profiles;
    private static Path passphrase;
    private static Path dataDir;
    private static String sellerId;
    private static String buyerId;

    /** One run of the command line. */
    record Run(int code, String out, String err) {
        String both() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void startNodeAndImportTheRegulator() throws Exception {
        Map<String, String> env = Map.of("CARBONX_SERVICES_REGISTRY_PBKDF2_ITERATIONS", "1000");
        node = CarbonxNode.start(NodeFixture.config(work, env, ServiceCatalog.discover()), ServiceCatalog.discover());
        url = "http://127.0.0.1:" + node.httpPort();
        profiles = work.resolve("profiles");
        dataDir = work.resolve("data");
        passphrase = work.resolve("ca-passphrase.txt");
        Files.writeString(passphrase, RegistryConfig.DEV_PASSPHRASE + "\n");
        Path ca = dataDir.resolve("services").resolve("registry").resolve("ca");
        Run imported = cli("profile", "import", "-p", "regulator", "--key", ca.resolve(CaStore.BOOTSTRAP_KEY)
                .toString(), "--cert", ca.resolve(CaStore.BOOTSTRAP_CERT).toString(), "--key-passphrase-file",
                passphrase.toString());
        assertThat(imported.code()).as(imported.both()).isEqualTo(ExitCodes.OK);
        // the registry's directory learns the bootstrap identity from its journal shortly after start
        await("the regulator can log in", () -> cli("login", "-p", "regulator", "--key-passphrase-file",
                passphrase.toString()).code() == ExitCodes.OK);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void registerThenApprove_thenTheEnterprisesLogInAndHoldTheirCertificates() throws Exception {
        Run seller = cli("register", "-p", "seller", "--name", "Borealis Power AG", "--role", "enterprise");
        Run buyer = cli("register", "-p", "buyer", "--name", "Nordic Steel Oy", "--role", "ENTERPRISE");
        Run verifier = cli("register", "-p", "verifier", "--name", "Baltic Emissions Audit", "--role", "VERIFIER");
        assertThat(verifier.code()).as(verifier.both()).isEqualTo(ExitCodes.OK);
        assertThat(seller.code()).as(seller.both()).isEqualTo(ExitCodes.OK);
        assertThat(buyer.code()).as(buyer.both()).isEqualTo(ExitCodes.OK);
        sellerId = participantIdOf("seller");
        buyerId = participantIdOf("buyer");
        assertThat(seller.out()).contains("Registration submitted: participant id " + sellerId)
                .contains("carbonx approve " + sellerId);
        Run early = cli("login", "-p", "seller");
        assertThat(early.code()).as(early.both()).isEqualTo(ExitCodes.DENIED);
        assertThat(early.err()).contains("UNKNOWN_PARTICIPANT").contains("carbonx approve " + sellerId);

        Run pending = regulator("approve", "--list");
        assertThat(pending.code()).as(pending.both()).isEqualTo(ExitCodes.OK);
        assertThat(pending.out()).contains(sellerId).contains(buyerId).contains("Borealis Power AG");
        Run approved = regulator("approve", sellerId, buyerId, participantIdOf("verifier"));
        assertThat(approved.code()).as(approved.both()).isEqualTo(ExitCodes.OK);
        assertThat(approved.out()).contains("Approved " + sellerId).contains("Approved " + buyerId);

        await("the approved seller can log in", () -> cli("login", "-p", "seller").code() == ExitCodes.OK);
        await("the approved buyer can log in", () -> cli("login", "-p", "buyer").code() == ExitCodes.OK);
        await("the approved verifier can log in", () -> cli("login", "-p", "verifier").code() == ExitCodes.OK);
        Run login = cli("login", "-p", "buyer");
        assertThat(login.out()).contains("as " + buyerId + " (ENTERPRISE, 'Nordic Steel Oy') on chain carbonx-local");
        assertThat(profiles.resolve("buyer").resolve(ProfileStore.CERTIFICATE)).exists();
        assertThat(regulator("approve", "--list").out()).doesNotContain(sellerId);
    }

    @Test
    @Order(2)
    void approvingAnUnknownRegistrationIsNotFound() {
        Run r = regulator("approve", "p-0000000000000000dead");

        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).startsWith("carbonx approve: approving the registration of p-0000000000000000dead failed:"
                + " UNKNOWN_REGISTRATION (HTTP 404)");
    }

    @Test
    @Order(3)
    void aLoginSignedWithAnotherKeyIsDeniedAsABadSignature() throws Exception {
        Path impostor = profiles.resolve("impostor");
        Files.createDirectories(impostor);
        Files.copy(profiles.resolve("seller").resolve(ProfileStore.PROPERTIES), impostor.resolve(ProfileStore.PROPERTIES));
        ProfileStore other = new ProfileStore(work.resolve("other-profiles"));
        KeyPair keys = Registration.newKeyPair();
        other.create(new io.carbonx.node.client.Profile("k", other.dir("k"), null, null, null, null, null, false),
                keys.getPrivate(), keys.getPublic(), null);
        Files.copy(other.dir("k").resolve(ProfileStore.KEY), impostor.resolve(ProfileStore.KEY));
        Files.copy(other.dir("k").resolve(ProfileStore.PUBLIC_KEY), impostor.resolve(ProfileStore.PUBLIC_KEY));

        Run r = cli("holdings", "-p", "impostor");

        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.DENIED);
        assertThat(r.err()).contains("logging in as " + sellerId + " failed: BAD_SIGNATURE (HTTP 401)");
    }

    @Test
    @Order(4)
    void signedOrdersTradeAndSettle_andTheHoldingsShowIt() throws Exception {
        Session regulator = session("regulator", passphrase);
        ok(regulator.post("/api/v1/instruments", new JsonObject().put("instrumentId", EUA).put("kind", "ALLOWANCE")
                .put("vintage", 2026)));
        ok(session("seller", null).post("/api/v1/accounts/" + sellerId + "/deposits", new JsonObject()
                .put("transferId", "cli-dep-s").put("amountMinor", 200_000)));
        ok(session("buyer", null).post("/api/v1/accounts/" + buyerId + "/deposits", new JsonObject()
                .put("transferId", "cli-dep-b").put("amountMinor", 1_000_000)));
        ok(regulator.post("/api/v1/allocations", new JsonObject().put("allocationId", "cli-alloc-1")
                .put("participantId", sellerId).put("instrumentId", EUA).put("quantity", 100)));

        Run sell = cli("order", "place", "-p", "seller", "--instrument", EUA, "--side", "SELL", "--quantity", "10",
                "--price-minor", "8000");
        assertThat(sell.code()).as(sell.both()).isEqualTo(ExitCodes.OK);
        String sellId = sellerId + "-1";
        assertThat(sell.out()).contains("order id " + sellId + " (sequence 1, client order id cli-1");
        await("the sell order rests in the book", () -> cli("orders", "-p", "seller").out().contains(sellId));
        Run buy = cli("order", "place", "-p", "buyer", "--instrument", EUA, "--side", "buy", "--quantity", "10",
                "--price-minor", "8000", "--client-order-id", "nordic-1");
        assertThat(buy.code()).as(buy.both()).isEqualTo(ExitCodes.OK);

        await("the buyer holds 10 " + EUA, () -> available(cli("holdings", "-p", "buyer", "--json")) == 10);
        Run holdings = cli("holdings", "-p", "buyer");
        assertThat(holdings.out()).containsPattern(EUA + " +10 +0");
        await("the seller holds 90", () -> available(cli("holdings", "-p", "seller", "--json")) == 90);
        JsonArray trades = session("buyer", null).get("/api/v1/market/" + EUA + "/trades").requireOk("trades").json()
                .getJsonArray("trades");
        assertThat(trades).hasSize(1);
        assertThat(trades.getJsonObject(0).getLong("quantity")).isEqualTo(10L);
        assertThat(profiles.resolve("buyer").resolve(ProfileStore.SEQUENCE)).hasContent("1\n");

        Run again = cli("order", "place", "-p", "buyer", "--instrument", EUA, "--side", "BUY", "--quantity", "10",
                "--price-minor", "8000", "--client-order-id", "nordic-1");
        assertThat(again.code()).as(again.both()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Client order id nordic-1 was used before: nothing new was placed");
    }

    @Test
    @Order(5)
    void aRestingOrderIsCancelledWithASignedRequest() {
        Run place = cli("order", "place", "-p", "seller", "--instrument", EUA, "--side", "SELL", "--quantity", "5",
                "--price-minor", "9000");
        assertThat(place.code()).as(place.both()).isEqualTo(ExitCodes.OK);
        String orderId = sellerId + "-2";
        await("the order rests", () -> cli("orders", "-p", "seller").out().contains("order  " + orderId));

        Run cancel = cli("order", "cancel", orderId, "-p", "seller", "--instrument", EUA);

        assertThat(cancel.code()).as(cancel.both()).isEqualTo(ExitCodes.OK);
        assertThat(cancel.out()).contains("Cancel of order " + orderId + " submitted (sequence 3");
        await("the order is no longer open", () -> {
            Run orders = cli("orders", "-p", "seller");
            return orders.code() == ExitCodes.OK && !orders.out().contains(orderId);
        });
    }

    @Test
    @Order(6)
    void refusedOrdersExitWithTheRefusedCodeAndTheNodesReason() {
        Run replayed = cli("order", "place", "-p", "buyer", "--instrument", EUA, "--side", "BUY", "--quantity", "1",
                "--price-minor", "8000", "--sequence", "1", "--allow-lower-sequence", "--client-order-id", "again");
        assertThat(replayed.code()).as(replayed.both()).isEqualTo(ExitCodes.REFUSED);
        assertThat(replayed.err()).contains("REPLAYED_SEQUENCE (HTTP 409)").contains("Pass --sequence");

        Run outOfBand = cli("order", "place", "-p", "buyer", "--instrument", EUA, "--side", "BUY", "--quantity", "1",
                "--price-minor", "99999");
        assertThat(outOfBand.code()).as(outOfBand.both()).isEqualTo(ExitCodes.REFUSED);
        assertThat(outOfBand.err()).contains("OUT_OF_BAND (HTTP 422)");

        Run regulatorOrders = regulator("order", "place", "--instrument", EUA, "--side", "BUY", "--quantity", "1",
                "--price-minor", "8000");
        assertThat(regulatorOrders.code()).as(regulatorOrders.both()).isEqualTo(ExitCodes.DENIED);
        assertThat(regulatorOrders.err()).contains("ROLE_NOT_PERMITTED");
    }

    @Test
    @Order(7)
    void anEnterpriseSurrendersAllowances_andCannotReadAnotherEnterprisesHoldings() throws Exception {
        Run early = cli("surrender", "-p", "buyer", "--year", "2026", "--instrument", EUA, "--quantity", "4");
        assertThat(early.code()).as(early.both()).isEqualTo(ExitCodes.REFUSED);
        assertThat(early.err()).contains("EMISSIONS_NOT_RECORDED (HTTP 409)");
        ok(session("verifier", null).post("/api/v1/emissions", new JsonObject().put("participantId", buyerId)
                .put("year", 2026).put("emissionsTonnes", 50).put("reportSha256", "ab".repeat(32))));

        Run surrender = cli("surrender", "-p", "buyer", "--year", "2026", "--instrument", EUA, "--quantity", "4");
        assertThat(surrender.code()).as(surrender.both()).isEqualTo(ExitCodes.OK);
        assertThat(surrender.out()).contains("Surrendered 4 " + EUA + " (ALLOWANCE) for 2026");
        await("the buyer holds 6", () -> available(cli("holdings", "-p", "buyer", "--json")) == 6);

        Run tooMany = cli("surrender", "-p", "buyer", "--year", "2026", "--instrument", EUA, "--quantity", "1000");
        assertThat(tooMany.code()).as(tooMany.both()).isEqualTo(ExitCodes.REFUSED);

        Run other = cli("holdings", "-p", "buyer", "--participant", sellerId);
        assertThat(other.code()).as(other.both()).isEqualTo(ExitCodes.DENIED);
        assertThat(other.err()).contains("NOT_OWN_DATA");
        Run oversight = regulator("holdings", "--participant", sellerId);
        assertThat(oversight.code()).as(oversight.both()).isEqualTo(ExitCodes.OK);
        assertThat(oversight.out()).containsPattern(EUA + " +90 ");
        Run unknown = regulator("holdings", "--participant", "p-0000000000000000dead");
        assertThat(unknown.code()).as(unknown.both()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    @Order(8)
    void theReplayCheckRecomputesEveryServicesStateHashFromTheLog() {
        Run r = cli("replay");

        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("registry +ledger .* equal").containsPattern("registry +identities .* equal")
                .containsPattern("exchange +" + EUA + " .* equal").containsPattern("credit-rating +partition 0 .* equal")
                .contains("OK: ").doesNotContain("DIFFERS");
    }

    @Test
    @Order(9)
    void replayingUnderOtherInstrumentRulesGivesOtherStateHashes_andTheCheckFails() throws Exception {
        Path config = work.resolve("other-rules.yaml");
        Files.writeString(config, String.join("\n", "services:", "  exchange:", "    instruments:",
                "      - id: " + EUA, "        kind: ALLOWANCE", "        vintage: 2026",
                "        referencePriceMinor: 20000", "        bandBps: 1000", ""));

        Run r = cli("replay", "--service", "exchange", "--config", config.toString());

        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).containsPattern("exchange +" + EUA + " .* DIFFERS").contains("MISMATCH: ");
    }

    @Test
    @Order(10)
    void theChainVerifiesEndToEnd_andNotWithoutAQuorumOfKnownValidators() throws Exception {
        Path validators = dataDir.resolve("services").resolve("chain-anchor").resolve("validators");
        Path root = work.resolve("root-ca.pem");
        Files.writeString(root, new NodeClient(url, WAIT).get("/api/v1/ca", null).requireOk("ca").json()
                .getString("rootCertificatePem"));

        Run r = cli("chain", "verify", "--validators", validators.toString(), "--root", root.toString());

        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("[ OK ] headers and hash links").contains("[ OK ] commit certificates")
                .contains("[ OK ] anchored events").contains("VALID: chain carbonx-local verified end to end");

        Run two = cli("chain", "verify", "--validators", validators.resolve("0") + "," + validators.resolve("1"),
                "--validator-count", "4", "--root", root.toString(), "--skip-events");
        assertThat(two.code()).as(two.both()).isEqualTo(ExitCodes.INVALID);
        assertThat(two.out()).contains("[FAIL] commit certificate of block 1").contains("certificate not given")
                .contains("INVALID:");
    }

    @Test
    @Order(11)
    void anEvidenceBundleSignedByTheNodesValidatorsVerifies_andATamperedOneDoesNot() throws Exception {
        Path validators = dataDir.resolve("services").resolve("chain-anchor").resolve("validators");
        ValidatorFiles files = new ValidatorFiles(validators);
        char[] keyPass = AnchorSettings.DEV_PASSPHRASE.toCharArray();
        List<InMemoryEvidenceSource.ValidatorKey> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(new InMemoryEvidenceSource.ValidatorKey(i, ValidatorEnrolment.load(files, i, keyPass).signer()));
        }
        Path ca = dataDir.resolve("services").resolve("registry").resolve("ca");
        ConsortiumCertificates certs = new ConsortiumCertificates(ValidatorFiles.readCertificate(files.rootFile()),
                ValidatorFiles.readCertificate(files.issuingFile()), Certificates.crlFromDer(Pem.decodeSingle(
                        Files.readString(ca.resolve(CaStore.CRL)), Set.of(Pem.X509_CRL))),
                files.readValidatorCertificates(4));
        InMemoryEvidenceSource source = new InMemoryEvidenceSource("carbonx-local", certs);
        source.addParticipantCertificate(Certificates.fromDer(Pem.decodeSingle(Files.readString(
                profiles.resolve("buyer").resolve(ProfileStore.CERTIFICATE)), Set.of(Pem.CERTIFICATE))));
        long t = System.currentTimeMillis();
        source.append("carbonx.compliance", 0, PenaltyApplied.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId("ev-pen-1").setType("PenaltyApplied")
                        .setCauseId(null).setLogicalTime(t).setActor("regulator").build())
                .setPenaltyId("pen-1").setParticipantId(buyerId).setYear(2026).setShortfallTonnes(40)
                .setPolicy(PenaltyPolicy.FIXED_PER_TONNE).setRatePerTonneMinor(10_000L).setAveragePriceMinor(null)
                .setMultipleBps(null).setAmountMinor(400_000L).setPaidMinor(400_000L).setDebtMinor(0L)
                .setTreatment(ShortfallTreatment.CARRY_FORWARD).setBasis("fixed").build());
        long height = source.commitBlock(t, 0, keys);
        source.addTimestampToken(height, timestamp(ca, source.blockHash(height)));
        byte[] zip = new BundleBuilder(source).build(EvidenceSubject.penalty("pen-1"));
        Path bundle = work.resolve("penalty.zip");
        Files.write(bundle, zip);
        Path root = work.resolve("root-ca-2.pem");
        Files.copy(files.rootFile(), root);

        Run valid = cli("evidence", "verify", bundle.toString(), "--root", root.toString());
        assertThat(valid.code()).as(valid.both()).isEqualTo(ExitCodes.OK);
        assertThat(valid.out()).contains("VALID: ").doesNotContain("INVALID");

        byte[] tampered = zip.clone();
        tampered[tampered.length / 2] ^= 0x01;
        Path bad = work.resolve("tampered.zip");
        Files.write(bad, tampered);
        Run invalid = cli("evidence", "verify", bad.toString(), "--root", root.toString(), "--quiet");
        assertThat(invalid.code()).as(invalid.both()).isEqualTo(ExitCodes.INVALID);
        assertThat(invalid.out()).contains("INVALID: ");

        Run missing = cli("evidence", "verify", work.resolve("nope.zip").toString(), "--root", root.toString());
        assertThat(missing.code()).as(missing.both()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read bundle");
    }

    // --- helpers

    /** Runs {@code carbonx args... --profiles-dir <dir> --url <node>} (client options added unless evidence). */
    private static Run cli(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!args[0].equals("evidence")) {
            all.addAll(List.of("--profiles-dir", profiles.toString(), "--url", url));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CarbonxCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run regulator(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("-p", "regulator", "--key-passphrase-file", passphrase.toString()));
        return cli(all.toArray(String[]::new));
    }

    /**
     * A time-stamp token over {@code hash} from a TSA whose certificate the node's CA issues now to its bootstrap
     * regulator (a time-stamping role), as the consortium's TSA would hold one.
     */
    private static byte[] timestamp(Path caDir, byte[] hash) throws Exception {
        Instant now = Instant.now();
        IdentityService ca = IdentityService.open(caDir, RegistryConfig.DEV_PASSPHRASE.toCharArray(),
                IdentityConfig.defaults().withPbkdf2Iterations(1000), now);
        String operator = ca.bootstrapRegistration().participantId();
        KeyPair keys = Registration.newKeyPair();
        X509Certificate cert = ca.issueTimestampingCertificate(operator, Registration.csr(keys, "tsa"), operator, now);
        TimestampAuthority tsa = new TimestampAuthority(keys.getPrivate(), cert, TsaPolicy.consortiumDefault(),
                operator, new SecureRandom());
        return new LocalTimestampClient(tsa, Clock.systemUTC(), new SecureRandom()).timestamp(hash)
                .toCompletableFuture().get(30, TimeUnit.SECONDS).tokenDer();
    }

    private static Session session(String profile, Path pass) throws Exception {
        char[] p = pass == null ? null : Files.readString(pass).strip().toCharArray();
        return Identity.open(new ProfileStore(profiles), profile, p).login(new NodeClient(url, WAIT));
    }

    private static String participantIdOf(String profile) {
        return new ProfileStore(profiles).load(profile).participantId();
    }

    private static long available(Run holdingsJson) {
        if (holdingsJson.code() != ExitCodes.OK) {
            return -1;
        }
        JsonArray items = new JsonObject(holdingsJson.out()).getJsonObject("holdings").getJsonArray("items",
                new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            if (EUA.equals(items.getJsonObject(i).getString("instrumentId"))) {
                return items.getJsonObject(i).getLong("available");
            }
        }
        return 0;
    }

    private static void ok(io.carbonx.node.client.ApiResponse r) {
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting until " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
