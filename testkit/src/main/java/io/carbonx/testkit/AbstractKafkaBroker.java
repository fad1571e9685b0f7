package io.carbonx.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.TopicAdmin;
import io.carbonx.eventlog.TopicSpec;
import org.apache.kafka.clients.admin.Admin;

/** Topic creation and clients shared by both broker kinds; subclasses own the broker's lifecycle. */
abstract class AbstractKafkaBroker implements KafkaBroker, AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final AtomicInteger topicCounter = new AtomicInteger();
    private KafkaClients clients;
    private Admin admin;

    /** Called by subclasses once the broker accepts clients. */
    protected final void connected(String bootstrapServers) {
        this.clients = new KafkaClients(bootstrapServers);
        this.admin = clients.newAdmin();
    }

    @Override
    public String bootstrapServers() {
        return clients.bootstrapServers();
    }

    @Override
    public KafkaClients clients() {
        return clients;
    }

    @Override
    public String createTopic(String prefix, int partitions) {
        String safePrefix = prefix.replaceAll("[^a-zA-Z0-9._-]", "_");
        if (safePrefix.length() > 200) {
            safePrefix = safePrefix.substring(0, 200);
        }
        String name = safePrefix + "-" + topicCounter.incrementAndGet() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        return createTopic(TopicSpec.of(name, partitions, 1));
    }

    @Override
    public synchronized String createTopic(TopicSpec spec) {
        new TopicAdmin(admin, ADMIN_TIMEOUT).ensureTopics(List.of(spec.withReplicationFactor(1)));
        return spec.name();
    }

    /** Closes the admin client, then the broker. */
    @Override
    public final synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(10));
            admin = null;
        }
        stopBroker();
    }

    protected abstract void stopBroker();
}
