package io.carbonx.eventlog.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) running inside this JVM, with its data on disk.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #start()} formats the data directory on first use (a fresh cluster id, stored in
 *       {@code carbonx-broker.properties} together with the chosen ports) and otherwise reuses it, so a restart on the
 *       same directory keeps every topic and record.</li>
 *   <li>A port of {@code 0} means "pick a free loopback port"; the choice is persisted, so a restart listens on the
 *       same address its clients and its own metadata already know.</li>
 *   <li>Configured for one node: replication factors and min ISR of 1 for the offsets and transaction logs, so
 *       consumer groups and transactions work.</li>
 *   <li>{@link #close()} shuts the broker down cleanly and waits for it; calling it twice is harmless.</li>
 * </ul>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String STATE_FILE = "carbonx-broker.properties";

    private final BrokerSettings settings;
    private KafkaRaftServer server;
    private String bootstrapServers;

    /** Settings of an embedded broker; {@code port}/{@code controllerPort} 0 means a free port chosen once. */
    public record BrokerSettings(Path dataDir, String host, int port, int controllerPort, int defaultPartitions) {
        public BrokerSettings {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("controllerPort out of range: " + controllerPort);
            }
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("defaultPartitions must be >= 1: " + defaultPartitions);
            }
        }

        /** A broker on free loopback ports with its data under {@code dataDir}. */
        public static BrokerSettings ephemeralPorts(Path dataDir) {
            return new BrokerSettings(dataDir, "127.0.0.1", 0, 0, 1);
        }
    }

    public EmbeddedKafkaBroker(BrokerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Formats (first time only) and starts the broker; returns once it accepts clients. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        try {
            Path dataDir = settings.dataDir().toAbsolutePath();
            Path logDir = dataDir.resolve("kraft-logs");
            Files.createDirectories(logDir);
            Properties state = loadOrCreateState(dataDir);
            int port = Integer.parseInt(state.getProperty("port"));
            int controllerPort = Integer.parseInt(state.getProperty("controller.port"));
            Properties props = serverProperties(logDir, port, controllerPort);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(dataDir, props, state.getProperty("cluster.id"));
            }
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
            bootstrapServers = settings.host() + ":" + port;
            LOG.info("Embedded Kafka broker up at {} (data in {})", bootstrapServers, dataDir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded Kafka broker in " + settings.dataDir(), e);
        }
    }

    /** {@code host:port} for clients; only valid after {@link #start()}. */
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("broker not started");
        }
        return bootstrapServers;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        LOG.info("Stopping embedded Kafka broker at {}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private Properties serverProperties(Path logDir, int port, int controllerPort) {
        String host = settings.host();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", Integer.toString(settings.defaultPartitions()));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        return p;
    }

    private Properties loadOrCreateState(Path dataDir) throws IOException {
        Path file = dataDir.resolve(STATE_FILE);
        Properties state = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.load(in);
            }
            return state;
        }
        state.setProperty("cluster.id", randomClusterId());
        int port = settings.port() == 0 ? freePort(-1) : settings.port();
        int controllerPort = settings.controllerPort() == 0 ? freePort(port) : settings.controllerPort();
        state.setProperty("port", Integer.toString(port));
        state.setProperty("controller.port", Integer.toString(controllerPort));
        try (OutputStream out = Files.newOutputStream(file)) {
            state.store(out, "CarbonX embedded broker identity: keep with the data");
        }
        return state;
    }

    private static void format(Path dataDir, Properties props, String clusterId) throws IOException {
        Path propsFile = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            props.store(out, "generated by CarbonX for storage formatting");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", propsFile.toString(), "--standalone", "--ignore-formatted"}, out);
        }
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed (" + rc + "): "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, never starting with {@code -} (Kafka's own
     * generator; an id starting with {@code -} is taken for an option by the storage tool and formatting fails).
     */
    private static String randomClusterId() {
        return Uuid.randomUuid().toString();
    }

    /**
     * A currently free loopback port other than {@code taken}: the OS may hand out a port it just gave back, so the
     * controller could otherwise draw the broker's port and the broker fail to bind.
     */
    private static int freePort(int taken) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (socket.getLocalPort() != taken) {
                    return socket.getLocalPort();
                }
            }
        }
        throw new IOException("no free loopback port other than " + taken + " in 20 attempts");
    }
}
