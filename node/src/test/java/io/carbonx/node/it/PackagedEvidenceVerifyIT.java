package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.node.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node ({@code target/carbonx-node.jar} with its {@code target/lib}) verifies an evidence bundle
 * offline with the unsigned BouncyCastle jars the build puts into {@code lib} (so the launcher's AppCDS archive can
 * hold their classes), run as the {@code carbonx} launcher runs it for {@code evidence verify} (C1, serial GC, the
 * no-op slf4j provider): the v3 sample bundle is valid, a tampered copy is not, and nothing is logged.
 */
class PackagedEvidenceVerifyIT {

    private static final long PROCESS_LIMIT_SECONDS = 120;
    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "."), "..", "chain-anchor", "src", "test",
            "resources", "evidence", "schema-v3");

    @TempDir
    Path dir;

    private static Path jar() {
        return Path.of(System.getProperty("basedir", "."), "target", "carbonx-node.jar").toAbsolutePath();
    }

    @Test
    void bouncyCastleJarsInLibCarryNoSignatureFiles() throws IOException {
        List<Path> bc;
        try (var files = Files.list(jar().resolveSibling("lib"))) {
            bc = files.filter(p -> p.getFileName().toString().matches("bc(prov|pkix|util)-jdk18on-.*\\.jar")).toList();
        }
        assertThat(bc).hasSize(3);
        for (Path p : bc) {
            try (ZipFile zip = new ZipFile(p.toFile())) {
                assertThat(zip.stream().map(e -> e.getName().toUpperCase(java.util.Locale.ROOT))
                        .filter(n -> n.startsWith("META-INF/") && n.indexOf('/', 9) < 0)
                        .filter(n -> n.endsWith(".SF") || n.endsWith(".DSA") || n.endsWith(".RSA") || n.endsWith(".EC")))
                        .as(p.toString()).isEmpty();
                assertThat(zip.getEntry("org/bouncycastle/jce/provider/BouncyCastleProvider.class")
                        == null && zip.getEntry("org/bouncycastle/cms/CMSSignedData.class") == null
                        && zip.getEntry("org/bouncycastle/asn1/tsp/TSTInfo.class") == null).as(p.toString()).isFalse();
            }
        }
    }

    @Test
    void packagedJarVerifiesTheSampleBundleAndRejectsATamperedCopy() throws Exception {
        Path bundle = SAMPLES.resolve("trade.zip").toAbsolutePath();
        Path root = SAMPLES.resolve("root.pem").toAbsolutePath();

        assertThat(run("valid", bundle.toString(), "--root", root.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("valid.out"))).contains("VALID: 40 of 40 checks passed");
        assertThat(Files.readString(dir.resolve("valid.err"))).isEmpty();

        byte[] zip = Files.readAllBytes(bundle);
        zip[zip.length / 2] ^= 0x01;
        Path bad = Files.write(dir.resolve("tampered.zip"), zip);
        assertThat(run("bad", bad.toString(), "--root", root.toString(), "-q")).isEqualTo(ExitCodes.INVALID);
        assertThat(Files.readString(dir.resolve("bad.out"))).contains("INVALID: ");
    }

    private int run(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                "-jar", jar().toString(), "evidence", "verify"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().keySet().removeIf(n -> n.startsWith("CARBONX_"));
        Process process = builder.start();
        if (!process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("carbonx evidence verify did not exit within " + PROCESS_LIMIT_SECONDS + " s");
        }
        return process.exitValue();
    }
}
