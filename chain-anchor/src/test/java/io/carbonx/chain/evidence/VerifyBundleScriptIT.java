package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.testing.Processes;
import io.carbonx.chain.testing.Processes.Result;
import io.carbonx.registry.identity.pki.Certificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented OpenSSL procedure ({@code docs/verify-bundle.sh}, run with bash and openssl) accepts the five
 * sample bundles, unzipped with a standard ZIP reader, and rejects tampered ones, a revoked signer and an expired
 * signer; avro-tools decodes the event bodies with the bundled schemas. Skipped without bash or openssl.
 */
class VerifyBundleScriptIT {

    static final Path SCRIPT = Path.of("docs/verify-bundle.sh").toAbsolutePath();

    @TempDir
    static Path work;
    static EvidenceFixture fx;
    static Map<String, byte[]> bundles;

    @BeforeAll
    static void tools() throws Exception {
        Assumptions.assumeTrue(Processes.available("openssl", "version"), "openssl not on PATH");
        Assumptions.assumeTrue(Processes.available("bash", "--version"), "bash not on PATH");
        fx = EvidenceFixture.create(work.resolve("fixture"), EvidenceFixture.Seller.NORMAL);
        bundles = SampleBundles.build(fx);
        Files.writeString(work.resolve("root.pem"), Certificates.pem(fx.pki.root()));
    }

    /** Unzips with the JDK's standard ZIP reader (not our own) into a fresh directory. */
    static Path unzip(byte[] zip, String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                assertThat(target.startsWith(dir)).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return dir;
    }

    static Result script(Path dir, Path root) {
        return Processes.run(work, 300, "bash", SCRIPT.toString(), dir.toString(), root.toString());
    }

    static Result script(Path dir) {
        return script(dir, work.resolve("root.pem"));
    }

    @Test
    void scriptAcceptsAllFiveSampleBundles() throws Exception {
        for (Map.Entry<String, byte[]> b : bundles.entrySet()) {
            Result r = script(unzip(b.getValue(), "ok-" + b.getKey()));
            assertThat(r.exit()).as(b.getKey() + ":\n" + r.output()).isZero();
            assertThat(r.output()).contains("VALID: ").doesNotContain("FAIL");
        }
    }

    @Test
    void scriptRejectsAChangedEventEvenWithRecomputedChecksums() throws Exception {
        Result r = script(tampered("event", "events/0001/event.bin", 20));
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("FAIL inclusion of event 0001");
    }

    @Test
    void scriptRejectsAChangedCommitSignature() throws Exception {
        Result r = script(tampered("commit", "blocks/5/commit-1.sig", 10));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("FAIL commit of validator 1 on block 5");
    }

    @Test
    void scriptRejectsAChangedHeaderThroughTheHashChain() throws Exception {
        Result r = script(tampered("header", "blocks/2/header.bin", 60));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("FAIL hash link 2 -> 3");
    }

    @Test
    void scriptRejectsAChangedTimestamp() throws Exception {
        byte[] tsr = StoredZip.read(bundles.get("trade")).get("blocks/1/timestamp-1.tsr");
        Result r = script(tampered("tsr", "blocks/1/timestamp-1.tsr", tsr.length - 20));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("FAIL time-stamp 1 of block 1");
    }

    @Test
    void scriptRejectsAChangedRequestSignature() throws Exception {
        Result r = script(tampered("request", "events/0003/request-1.sig", 5));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("FAIL signed request 0003/request-1");
    }

    @Test
    void scriptRejectsAChangedFileByItsChecksum() throws Exception {
        Path dir = unzip(bundles.get("trade"), "raw-change");
        Path report = dir.resolve("REPORT.md");
        Files.writeString(report, Files.readString(report).replace("Trade T-1", "Trade T-9"));
        Result r = script(dir);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("REPORT.md: FAILED");
    }

    @Test
    void scriptRejectsAnotherRoot(@TempDir Path other) throws Exception {
        var foreign = io.carbonx.chain.testing.TestPki.create(other, java.time.Duration.ofDays(10));
        Files.writeString(other.resolve("root.pem"), Certificates.pem(foreign.root()));
        Result r = script(unzip(bundles.get("penalty"), "foreign-root"), other.resolve("root.pem"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("FAIL root certificate");
    }

    @Test
    void scriptRejectsSignersRevokedOrExpiredWhenTheirOrderWasAnchored() throws Exception {
        for (EvidenceFixture.Seller kind : new EvidenceFixture.Seller[] {EvidenceFixture.Seller.REVOKED_BEFORE,
                EvidenceFixture.Seller.EXPIRED}) {
            EvidenceFixture bad = EvidenceFixture.create(work.resolve("fx-" + kind), kind);
            Path root = work.resolve("root-" + kind + ".pem");
            Files.writeString(root, Certificates.pem(bad.pki.root()));
            byte[] zip = new BundleBuilder(bad.source).build(EvidenceSubject.order(EvidenceFixture.SELL_ORDER));
            Result r = script(unzip(zip, "signer-" + kind), root);
            assertThat(r.exit()).as(kind + ":\n" + r.output()).isEqualTo(1);
            assertThat(r.output()).contains("signer certificate not valid at block time");
        }
    }

    @Test
    void scriptAcceptsASignerRevokedAfterItsOrderWasAnchored() throws Exception {
        EvidenceFixture later = EvidenceFixture.create(work.resolve("fx-later"), EvidenceFixture.Seller.REVOKED_AFTER);
        Path root = work.resolve("root-later.pem");
        Files.writeString(root, Certificates.pem(later.pki.root()));
        byte[] zip = new BundleBuilder(later.source).build(EvidenceSubject.order(EvidenceFixture.SELL_ORDER));
        Result r = script(unzip(zip, "signer-later"), root);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void scriptWalksEveryAuditPathOfTreesOfOneToTwelveLeavesAndRejectsAWrongIndex() throws Exception {
        byte[] zip = new BundleBuilder(EdgeChain.build(fx, 12)).build(EdgeChain.everything(fx));
        Result ok = script(unzip(zip, "edge-ok"));
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output().lines().filter(l -> l.startsWith("PASS inclusion of event"))).hasSize(78);
        SortedMap<String, byte[]> m = Reseal.members(zip);
        String proof = BundlePaths.proof(BundleInclusionEdgeCasesTest.eventNumber(7, 6));
        m.put(proof, new String(m.get(proof), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("leaf-index: 6", "leaf-index: 5").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        m.put(BundlePaths.SUMS, Checksums.render(m));
        Result bad = script(unzip(StoredZip.write(m), "edge-bad"));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.output()).contains("FAIL inclusion of event 0028 in block 7");
    }

    @Test
    void avroToolsDecodesEveryEventBodyWithTheBundledSchema() throws Exception {
        String jar = System.getProperty("avro.tools.jar", "");
        Assumptions.assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "avro-tools.jar not provided");
        Path dir = unzip(bundles.get("trade"), "avro-tools");
        try (Stream<Path> events = Files.list(dir.resolve("events"))) {
            for (Path e : events.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(e.resolve("event.bin"));
                Path body = Files.write(e.resolve("body.bin"), Arrays.copyOfRange(bytes, 10, bytes.length));
                String fingerprint = java.util.HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 2, 10));
                Path schema;
                try (Stream<Path> schemas = Files.list(dir.resolve("schemas"))) {
                    schema = schemas.filter(p -> p.getFileName().toString().endsWith(fingerprint + ".avsc")).findFirst()
                            .orElseThrow();
                }
                Result r = Processes.run(work, 120, "java", "-jar", jar, "fragtojson", "--schema-file",
                        schema.toString(), body.toString());
                assertThat(r.exit()).as(r.output()).isZero();
                assertThat(r.output()).contains("\"envelope\"").contains("\"eventId\"");
            }
        }
    }

    /** The trade bundle unzipped, byte {@code index} of {@code member} flipped, SHA256SUMS recomputed. */
    private static Path tampered(String name, String member, int index) throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(bundles.get("trade"));
        byte[] changed = m.get(member).clone();
        changed[index] ^= 0x21;
        m.put(member, changed);
        m.put(BundlePaths.SUMS, Checksums.render(m));
        return unzip(StoredZip.write(m), "tampered-" + name);
    }
}
