package io.carbonx.chain.evidence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.evidence.EvidenceFixture;
import io.carbonx.chain.evidence.SampleBundles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carbonx evidence verify}: exit 0 valid, 3 invalid, 2 usage; every check printed. */
class EvidenceVerifyCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void bundles() throws Exception {
        SampleBundles.write(EvidenceFixture.create(dir.resolve("fx"), EvidenceFixture.Seller.NORMAL), dir);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EvidenceVerifyCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validBundleExitsZeroAndListsEveryCheck() {
        Run r = run(dir.resolve("trade.zip").toString(), "--root", dir.resolve("root.pem").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(EvidenceVerifyCommand.VALID);
        assertThat(r.out()).contains("PASS container", "PASS inclusion of event 1 in block 1",
                "PASS commit certificate of block 5", "VALID: ");
    }

    @Test
    void tamperedBundleExitsThreeAndNamesTheFailedCheck() throws Exception {
        byte[] zip = Files.readAllBytes(dir.resolve("penalty.zip"));
        zip[zip.length / 2] ^= 0x10;
        Path bad = Files.write(dir.resolve("bad.zip"), zip);
        Run r = run(bad.toString(), "--root", dir.resolve("root.pem").toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(EvidenceVerifyCommand.INVALID);
        assertThat(r.out()).contains("FAIL ").contains("INVALID");
    }

    @Test
    void derRootIsAcceptedToo() throws Exception {
        String pem = Files.readString(dir.resolve("root.pem"));
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        Path rootDer = Files.write(dir.resolve("root.der"), der);
        assertThat(run(dir.resolve("order.zip").toString(), "--root", rootDer.toString()).exit()).isZero();
    }

    @Test
    void missingRootOptionIsAUsageError() {
        Run r = run(dir.resolve("trade.zip").toString());
        assertThat(r.exit()).isEqualTo(EvidenceVerifyCommand.USAGE);
        assertThat(r.err()).contains("--root");
    }

    @Test
    void unreadableBundleOrRootIsAUsageError() throws Exception {
        assertThat(run(dir.resolve("nope.zip").toString(), "--root", dir.resolve("root.pem").toString()).exit())
                .isEqualTo(EvidenceVerifyCommand.USAGE);
        Path notACert = Files.writeString(dir.resolve("not-a-cert.pem"), "hello");
        Run r = run(dir.resolve("trade.zip").toString(), "--root", notACert.toString());
        assertThat(r.exit()).isEqualTo(EvidenceVerifyCommand.USAGE);
        assertThat(r.err()).contains("cannot read root certificate");
    }

    @Test
    void helpExitsZero() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("verify", "--root");
    }
}
