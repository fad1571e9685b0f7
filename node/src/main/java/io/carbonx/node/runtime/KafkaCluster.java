package io.carbonx.node.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker.BrokerSettings;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.node.config.KafkaConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster as the node sees it: the embedded broker it owns (or none, for an external cluster), and one
 * admin client used for readiness, topic creation and the health probe. {@link #close()} closes the admin client,
 * then the embedded broker.
 */
final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final long LEADER_POLL_MS = 20;

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final AdminClient admin;
    private final KafkaClientTracker.Registration adminMetrics;

    private KafkaCluster(EmbeddedKafkaBroker broker, String bootstrapServers, AdminClient admin,
                         KafkaClientTracker.Registration adminMetrics) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.adminMetrics = adminMetrics;
    }

    /** Starts the embedded broker (if configured), connects and waits until the cluster answers. */
    static KafkaCluster connect(KafkaConfig config, String nodeId, KafkaClientTracker tracker) {
        EmbeddedKafkaBroker broker = null;
        String bootstrap = config.bootstrapServers();
        if (config.embedded()) {
            broker = new EmbeddedKafkaBroker(new BrokerSettings(config.dataDir(), config.host(), config.port(),
                    config.controllerPort(), config.defaultPartitions())).start();
            bootstrap = broker.bootstrapServers();
        } else {
            LOG.info("Using external Kafka cluster at {} (no embedded broker)", bootstrap);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "carbonx-" + nodeId + "-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(config.startupTimeoutMs()));
        AdminClient admin = AdminClient.create(props);
        KafkaCluster cluster = new KafkaCluster(broker, bootstrap, admin, tracker.track(admin, "node"));
        try {
            cluster.awaitReachable(config.startupTimeoutMs());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    boolean embedded() {
        return broker != null;
    }

    private void awaitReachable(long timeoutMs) {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            LOG.info("Kafka cluster at {} reachable: {} broker(s)", bootstrapServers, nodes.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka at " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka cluster at " + bootstrapServers + " did not answer within "
                    + timeoutMs + " ms", e);
        }
    }

    /** Creates the topics that do not exist yet (existing ones are left as they are); returns the names created. */
    List<String> ensureTopics(Collection<ServiceTopic> specs, long timeoutMs) {
        Map<String, ServiceTopic> wanted = new TreeMap<>();
        specs.forEach(spec -> wanted.merge(spec.name(), spec,
                (a, b) -> a.partitions() >= b.partitions() ? a : b));
        if (wanted.isEmpty()) {
            return List.of();
        }
        try {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            wanted.values().stream().filter(spec -> !existing.contains(spec.name())).forEach(spec -> missing.add(
                    new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs())));
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                awaitLeaders(missing.stream().map(NewTopic::name).toList(), timeoutMs);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + wanted.keySet() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader that answers ListOffsets: an idempotent producer
     * writing to a partition whose leader is not yet known can fail its first batch with NOT_LEADER_OR_FOLLOWER and
     * then every retry with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-14359).
     */
    private void awaitLeaders(List<String> topics, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                // describe inside the retry: right after creation the metadata may not know the topic yet
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (TopicDescription description : admin.describeTopics(topics).allTopicNames()
                        .get(timeoutMs, TimeUnit.MILLISECONDS).values()) {
                    description.partitions().forEach(p -> partitions.put(
                            new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
                }
                admin.listOffsets(partitions).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(LEADER_POLL_MS);
            }
        }
    }

    /** A describeCluster probe bounded by {@code timeoutMs}; never fails, DOWN carries the reason. */
    Future<ComponentHealth> probe(long timeoutMs) {
        DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
        Future<String> clusterId = Future.fromCompletionStage(result.clusterId().toCompletionStage());
        Future<Collection<Node>> nodes = Future.fromCompletionStage(result.nodes().toCompletionStage());
        Future<Node> controller = Future.fromCompletionStage(result.controller().toCompletionStage());
        return Future.all(clusterId, nodes, controller)
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .map(ignored -> ComponentHealth.up(details()
                        .put("clusterId", clusterId.result())
                        .put("brokers", nodes.result().size())
                        .put("controller", controller.result() == null ? null : controller.result().id())))
                .otherwise(e -> new ComponentHealth(ComponentHealth.Status.DOWN,
                        details().put("reason", "describeCluster failed: " + e)));
    }

    private JsonObject details() {
        return new JsonObject().put("mode", embedded() ? "embedded" : "external")
                .put("bootstrapServers", bootstrapServers);
    }

    /** Closes the admin client, then stops the embedded broker cleanly (if this node owns one). */
    @Override
    public void close() {
        adminMetrics.close();
        admin.close(Duration.ofSeconds(5));
        LOG.info("Shutdown: Kafka admin client closed");
        if (broker != null) {
            broker.close();
            LOG.info("Shutdown: embedded Kafka broker stopped");
        }
    }
}
