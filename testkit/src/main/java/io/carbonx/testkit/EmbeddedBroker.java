package io.carbonx.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;

/** The in-JVM KRaft broker in a fresh temp directory, deleted on close. */
final class EmbeddedBroker extends AbstractKafkaBroker {

    private final Path dataDir;
    private final EmbeddedKafkaBroker broker;

    private EmbeddedBroker(Path dataDir, EmbeddedKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
        connected(broker.bootstrapServers());
    }

    static EmbeddedBroker start() {
        try {
            Path dir = Files.createTempDirectory("carbonx-kafka-");
            return new EmbeddedBroker(dir,
                    new EmbeddedKafkaBroker(EmbeddedKafkaBroker.BrokerSettings.ephemeralPorts(dir)).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded broker's data directory", e);
        }
    }

    @Override
    public KafkaBrokerKind kind() {
        return KafkaBrokerKind.EMBEDDED;
    }

    @Override
    public boolean isRunning() {
        return broker.isRunning();
    }

    /** Where the broker keeps its data (deleted by {@link #close()}). */
    Path dataDir() {
        return dataDir;
    }

    @Override
    protected void stopBroker() {
        broker.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir, e);
        }
    }
}
