package io.carbonx.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarbonxCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CarbonxCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("carbonx ").doesNotContain("unknown").contains("Java ");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: carbonx").contains("run").contains("version");
    }

    @Test
    void runHelpListsItsOptions() {
        assertThat(run("run", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--config=FILE").contains("--data-dir=DIR");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing command").contains("Usage: carbonx");
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertThat(run("fly")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("run", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void givenBadConfig_runExitsWithUsageCode_namesTheKey_andStartsNothing() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "http:\n  port: " + freePort + "\nkafka:\n  defaultPartitions: 0\n");
        Path dataDir = dir.resolve("data");

        int code = run("run", "--config", config.toString(), "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("config error: kafka.defaultPartitions: must be 1..10000, was 0");
        assertThat(dataDir).doesNotExist();
        try (ServerSocket socket = new ServerSocket(freePort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(freePort);
        }
    }

    @Test
    void givenMissingConfigFile_runExitsWithUsageCode() {
        assertThat(run("run", "--config", dir.resolve("missing.yaml").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("config error: --config: no such file:");
    }
}
