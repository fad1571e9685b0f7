package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.carbonx.node.cli.ExitCodes;
import io.carbonx.node.testing.NodeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node as a separate JVM: exit codes, signals, the packaged jar. */
class NodeProcessIT {

    private static final long PROCESS_LIMIT_SECONDS = 120;

    @TempDir
    Path dir;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private Process launch(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CARBONX_"));
        return builder.start();
    }

    private List<String> node(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", testClasspath(), "io.carbonx.node.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static int await(Process process) throws InterruptedException {
        if (!process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit within " + PROCESS_LIMIT_SECONDS + " s");
        }
        return process.exitValue();
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void givenBadConfig_processExitsWith2_andNamesTheKeyOnStderr() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "http:\n  port: 70000\n");

        int code = await(launch(node("run", "--config", config.toString(), "--data-dir", "data")));

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(read("stderr.log"))
                .contains("config error: http.port: must be 0..65535 (0 picks a free port), was 70000");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void givenRunningNode_whenSigterm_thenGracefulShutdownIsLogged_andExitIs143() throws Exception {
        int port = NodeFixture.freePort();
        Path config = dir.resolve("carbonx.yaml");
        Files.writeString(config, "http:\n  port: " + port + "\nkafka:\n  port: 0\n  controllerPort: 0\n");
        Process process = launch(node("run", "--config", config.toString()));

        awaitHealthUp(process, port);
        process.destroy(); // SIGTERM
        int code = await(process);

        String log = read("stdout.log");
        assertThat(code).as("exit code after SIGTERM; stderr: %s", read("stderr.log")).isEqualTo(ExitCodes.SIGTERM);
        assertThat(log).containsSubsequence(
                "msg=Stop requested (signal)",
                "msg=Shutdown started",
                "msg=Shutdown: HTTP server closed (intake stopped)",
                "msg=Shutdown: Vert.x closed (verticles undeployed)",
                "msg=Shutdown: Kafka admin client closed",
                "msg=Shutdown: embedded Kafka broker stopped",
                "msg=Shutdown complete");
        assertThat(dir.resolve("data").resolve("kafka").resolve("kraft-logs").resolve("meta.properties")).exists();
    }

    private void awaitHealthUp(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node exited with " + process.exitValue() + ": " + read("stderr.log")
                        + read("stdout.log"));
            }
            try {
                if (NodeFixture.get(port, "/health").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // keep polling
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("node did not report UP within " + PROCESS_LIMIT_SECONDS + " s: " + read("stdout.log"));
    }

    @Test
    void packagedJarRunsWithItsManifestClasspath() throws Exception {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "carbonx-node.jar").toAbsolutePath();
        assertThat(jar).exists();
        assertThat(jar.resolveSibling("lib")).isDirectoryContaining(p -> p.getFileName().toString()
                .startsWith("vertx-core-"));

        int code = await(launch(List.of(java(), "-jar", jar.toString(), "version")));

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(read("stdout.log")).startsWith("carbonx ").doesNotContain("unknown");
    }
}
