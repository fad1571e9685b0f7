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

    @Test
    void everyClientCommandHasHelpThatNamesItsExitCodes() {
        String[][] commands = {{"register"}, {"approve"}, {"login"}, {"profile", "import"}, {"order", "place"},
            {"order", "cancel"}, {"orders"}, {"holdings"}, {"surrender"}, {"evidence", "get"}, {"chain", "verify"},
            {"replay"}};
        for (String[] c : commands) {
            out.getBuffer().setLength(0);
            String[] args = java.util.Arrays.copyOf(c, c.length + 1);
            args[c.length] = "--help";
            assertThat(run(args)).as(String.join(" ", c)).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).as(String.join(" ", c)).contains("Usage: carbonx " + String.join(" ", c))
                    .contains("Exit codes:");
        }
        out.getBuffer().setLength(0);
        assertThat(run("evidence", "verify", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Exit 0 valid, 3 invalid, 2 usage error.");
    }

    @Test
    void topLevelHelpListsTheClientCommands() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("register").contains("approve").contains("order").contains("holdings")
                .contains("surrender").contains("evidence").contains("chain").contains("replay");
    }

    @Test
    void givenNoProfile_aClientCommandExitsWithTheProfileCodeAndSaysHowToCreateOne() {
        assertThat(run("holdings", "--profiles-dir", dir.toString(), "--profile", "acme"))
                .isEqualTo(ExitCodes.PROFILE);
        assertThat(err.toString()).contains("carbonx holdings: no profile 'acme'").contains("carbonx register");
    }

    @Test
    void givenNoNode_registerExitsUnavailable_keepsTheKey_andASecondTryReusesIt() throws IOException {
        String url = "http://127.0.0.1:" + freePort();

        int code = run("register", "--profiles-dir", dir.toString(), "--url", url, "--name", "Acme", "--role",
                "enterprise");

        assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err.toString()).contains("cannot reach the node at " + url);
        String key = Files.readString(dir.resolve("default").resolve("key.pem"));
        assertThat(run("register", "--profiles-dir", dir.toString(), "--url", url, "--name", "Acme", "--role",
                "ENTERPRISE")).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(out.toString()).contains("Reusing the key of profile 'default'");
        assertThat(Files.readString(dir.resolve("default").resolve("key.pem"))).isEqualTo(key);
    }

    @Test
    void badArgumentsOfClientCommandsAreUsageErrorsBeforeAnythingIsSent() {
        assertThat(run("register", "--name", "A", "--role", "KING")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--role");
        assertThat(run("order", "place", "--profiles-dir", dir.toString(), "--instrument", "EUA-2026", "--side",
                "BUY", "--quantity", "1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("a LIMIT order needs --price-minor");
        assertThat(run("chain", "verify")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--validators");
        assertThat(run("order")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing subcommand (place, cancel)");
        assertThat(run("replay", "--url", "ftp://x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--url ftp://x: ");
    }

    @Test
    void givenNoNode_replayExitsUnavailable() {
        String url = "http://127.0.0.1:" + freePort();
        assertThat(run("replay", "--url", url)).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err.toString()).contains("carbonx replay: cannot reach the node at " + url);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
