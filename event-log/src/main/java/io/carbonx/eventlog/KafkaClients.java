package io.carbonx.eventlog;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one place where CarbonX configures Kafka clients. Every client reads and writes {@code byte[]} (events are
 * encoded by {@code schemas}).
 *
 * <ul>
 *   <li>Producers are idempotent with {@code acks=all} (no loss, no duplicate on retry, per-partition order kept with
 *       up to 5 requests in flight), {@code linger.ms=5} and 128 KiB batches for throughput.</li>
 *   <li>Transactional producers add a {@code transactional.id}: it must be stable across restarts of one instance
 *       (that is how a restarted instance fences its predecessor and aborts its open transaction).</li>
 *   <li>Consumers read {@code read_committed} (aborted transactions are never seen), never auto-commit (offsets are
 *       committed inside transactions or explicitly) and start from the earliest offset (the log is the truth).</li>
 * </ul>
 *
 * <p>Overrides are applied on top of these defaults, first the common ones given to the constructor (security,
 * timeouts), then the per-call ones. An override that would break a guarantee above ({@code enable.idempotence},
 * {@code acks}, {@code isolation.level}, {@code enable.auto.commit}, more than 5 requests in flight) is rejected with
 * an {@link IllegalArgumentException} naming the key; nothing is created.
 */
public final class KafkaClients {

    /** Producer batch size: 128 KiB. */
    public static final int BATCH_SIZE_BYTES = 128 * 1024;
    /** Producer linger: a few milliseconds buys much larger batches for little latency. */
    public static final int LINGER_MS = 5;
    /** Coordinator-side limit of an open transaction before it is aborted. */
    public static final int TRANSACTION_TIMEOUT_MS = 60_000;
    /**
     * Transactional producers' first retry back-off (then doubling up to {@link #TRANSACTION_RETRY_BACKOFF_MAX_MS}).
     * Right after a commit the coordinator is still writing that transaction's markers, and the next transaction's
     * offset commit is refused with {@code CONCURRENT_TRANSACTIONS} until it has: with the client's default 100 ms
     * back-off each such refusal cost a loop 100 ms or more ({@code TransactionalHopProbe} in benchmarks).
     */
    public static final int TRANSACTION_RETRY_BACKOFF_MS = 2;
    /** Upper bound of the transactional producers' exponential retry back-off. */
    public static final int TRANSACTION_RETRY_BACKOFF_MAX_MS = 50;
    /** Records returned by one consumer poll. */
    public static final int MAX_POLL_RECORDS = 1000;

    private final String bootstrapServers;
    private final Map<String, Object> common;
    private final Map<String, Object> consumerCommon;

    public KafkaClients(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** @param commonOverrides applied to every client this factory configures (e.g. security settings) */
    public KafkaClients(String bootstrapServers, Map<String, ?> commonOverrides) {
        this(bootstrapServers, commonOverrides, Map.of());
    }

    /**
     * @param commonOverrides   applied to every client this factory configures (e.g. security settings)
     * @param consumerOverrides applied to every consumer after the common ones and before the per-call ones (e.g.
     *                          {@code max.poll.records}, {@code interceptor.classes}); the same guarantees hold
     */
    public KafkaClients(String bootstrapServers, Map<String, ?> commonOverrides, Map<String, ?> consumerOverrides) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is blank");
        }
        this.common = Map.copyOf(commonOverrides);
        this.consumerCommon = Map.copyOf(consumerOverrides);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Idempotent, {@code acks=all}, non-transactional producer configuration. */
    public Map<String, Object> producerConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> p = base();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE_BYTES));
        p.putAll(common);
        p.putAll(overrides);
        require(p, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        requireAcksAll(p);
        long inFlight = Long.parseLong(String.valueOf(p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)));
        if (inFlight < 1 || inFlight > 5) {
            throw new IllegalArgumentException(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION
                    + " must be in [1, 5] for an idempotent producer, was " + inFlight);
        }
        return p;
    }

    public Map<String, Object> producerConfig(String clientId) {
        return producerConfig(clientId, Map.of());
    }

    /**
     * {@link #producerConfig} plus a {@code transactional.id} (stable per instance), the transaction timeout and a
     * short retry back-off ({@link #TRANSACTION_RETRY_BACKOFF_MS}, unless the common or per-call overrides set one).
     */
    public Map<String, Object> transactionalProducerConfig(String transactionalId, Map<String, ?> overrides) {
        Objects.requireNonNull(transactionalId, "transactionalId");
        if (transactionalId.isBlank()) {
            throw new IllegalArgumentException("transactionalId is blank");
        }
        Map<String, Object> merged = new HashMap<>();
        merged.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Integer.toString(TRANSACTION_TIMEOUT_MS));
        if (!common.containsKey(ProducerConfig.RETRY_BACKOFF_MS_CONFIG)) {
            merged.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, Integer.toString(TRANSACTION_RETRY_BACKOFF_MS));
        }
        if (!common.containsKey(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG)) {
            merged.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, Integer.toString(TRANSACTION_RETRY_BACKOFF_MAX_MS));
        }
        merged.putAll(overrides);
        merged.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return producerConfig(transactionalId, merged);
    }

    public Map<String, Object> transactionalProducerConfig(String transactionalId) {
        return transactionalProducerConfig(transactionalId, Map.of());
    }

    /** A consumer in {@code groupId}: {@code read_committed}, auto-commit off, earliest offset when none committed. */
    public Map<String, Object> consumerConfig(String groupId, Map<String, ?> overrides) {
        Map<String, Object> c = base();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
        c.putAll(common);
        c.putAll(consumerCommon);
        c.putAll(overrides);
        require(c, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        require(c, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return c;
    }

    public Map<String, Object> consumerConfig(String groupId) {
        return consumerConfig(groupId, Map.of());
    }

    /** Admin client configuration (bootstrap servers plus the common overrides). */
    public Map<String, Object> adminConfig() {
        Map<String, Object> a = base();
        a.putAll(common);
        return a;
    }

    public KafkaProducer<byte[], byte[]> newProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config);
    }

    public KafkaConsumer<byte[], byte[]> newConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config);
    }

    public Admin newAdmin() {
        return Admin.create(adminConfig());
    }

    private Map<String, Object> base() {
        Map<String, Object> m = new HashMap<>();
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return m;
    }

    private static void require(Map<String, Object> config, String key, String expected) {
        String actual = String.valueOf(config.get(key));
        if (!expected.equalsIgnoreCase(actual)) {
            throw new IllegalArgumentException(key + " must be " + expected + " (exactly-once guarantee), override was "
                    + actual);
        }
    }

    private static void requireAcksAll(Map<String, Object> config) {
        String acks = String.valueOf(config.get(ProducerConfig.ACKS_CONFIG));
        if (!"all".equalsIgnoreCase(acks) && !"-1".equals(acks)) {
            throw new IllegalArgumentException(ProducerConfig.ACKS_CONFIG
                    + " must be all (no acknowledged write may be lost), override was " + acks);
        }
    }
}
