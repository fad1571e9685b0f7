package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.carbonx.node.cli.CarbonxCommand;
import io.carbonx.node.cli.ExitCodes;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.testing.NodeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step that fails during startup stops the node with exit code 1 and leaves nothing running. */
class StartupFailureIT {

    @TempDir
    Path workDir;

    @Test
    void givenHttpPortTaken_startFails_andTheEmbeddedBrokerIsStoppedAgain() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> CarbonxNode.start(NodeFixture.config(workDir,
                    Map.of("CARBONX_HTTP_PORT", Integer.toString(port)), List.of()), List.of()))
                    .isInstanceOf(RuntimeException.class);
        }

        int brokerPort = persistedBrokerPort(workDir.resolve("data").resolve("kafka"));
        try (ServerSocket rebound = new ServerSocket(brokerPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(rebound.getLocalPort()).as("broker port released").isEqualTo(brokerPort);
        }
    }

    @Test
    void givenHttpPortTaken_runExitsWith1_andSaysWhy() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = workDir.resolve("c.yaml");
            Files.writeString(config, "http:\n  port: " + taken.getLocalPort()
                    + "\nkafka:\n  port: 0\n  controllerPort: 0\n");
            StringWriter err = new StringWriter();

            int code = CarbonxCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "run", "--config", config.toString(), "--data-dir", workDir.resolve("data").toString());

            assertThat(code).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString()).startsWith("carbonx: startup failed: ");
        }
    }

    private static int persistedBrokerPort(Path kafkaDir) throws IOException {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(kafkaDir.resolve("carbonx-broker.properties"))) {
            state.load(in);
        }
        return Integer.parseInt(state.getProperty("port"));
    }
}
