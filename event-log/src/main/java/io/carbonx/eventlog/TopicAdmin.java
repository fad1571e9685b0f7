package io.carbonx.eventlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics idempotently from {@link TopicSpec}s.
 *
 * <p>Contract of {@link #ensureTopics}: every missing topic is created as specified; a topic that already exists is
 * left untouched (its configs are not rewritten) but its partition count and replication factor are compared with
 * the spec, because partitioning decides which instance owns which key. A difference raises a
 * {@link TopicMismatchException} listing every mismatched topic. Calling it again with the same specs is harmless and
 * reports {@link Outcome#ALREADY_EXISTED}. Duplicate names in one call are rejected before anything is sent.
 *
 * <p>When it returns, every partition of every created topic is writable: it waits until each partition's leader
 * answers a {@code ListOffsets} request. Without that wait an idempotent producer that writes right after creation can
 * have its first request fail with {@code NOT_LEADER_OR_FOLLOWER} while a later one is accepted; every retry of the
 * first then fails with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until the records expire (KAFKA-14359 / KAFKA-15591, seen
 * here with the 4.1 broker).
 */
public final class TopicAdmin {

    /** What {@link #ensureTopics} did for one topic. */
    public enum Outcome { CREATED, ALREADY_EXISTED }

    /** Existing topics whose layout differs from their spec. */
    public static final class TopicMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> mismatches;

        TopicMismatchException(List<String> mismatches) {
            super("existing topics differ from their spec: " + String.join("; ", mismatches));
            this.mismatches = List.copyOf(mismatches);
        }

        public List<String> mismatches() {
            return mismatches;
        }
    }

    private static final long READY_POLL_MS = 20;

    private final Admin admin;
    private final Duration timeout;

    public TopicAdmin(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Creates the missing topics; returns, in spec order, whether each was created or already existed. */
    public Map<String, Outcome> ensureTopics(List<TopicSpec> specs) {
        Set<String> names = new HashSet<>();
        List<NewTopic> requests = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("topic listed twice: " + spec.name());
            }
            requests.add(spec.toNewTopic());
        }
        if (requests.isEmpty()) {
            return Map.of();
        }
        Map<String, KafkaFuture<Void>> futures = admin.createTopics(requests).values();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> existing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (created(futures.get(spec.name()))) {
                outcomes.put(spec.name(), Outcome.CREATED);
            } else {
                outcomes.put(spec.name(), Outcome.ALREADY_EXISTED);
                existing.add(spec.name());
            }
        }
        if (!existing.isEmpty()) {
            checkLayout(specs, existing);
        }
        awaitLeaders(specs, outcomes);
        return outcomes;
    }

    private boolean created(KafkaFuture<Void> future) {
        try {
            await(future);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("topic creation failed: " + e.getCause(), e.getCause());
        }
    }

    private void checkLayout(List<TopicSpec> specs, List<String> existing) {
        Map<String, TopicDescription> described;
        try {
            described = await(admin.describeTopics(existing).allTopicNames());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe existing topics " + existing + ": " + e.getCause(),
                    e.getCause());
        }
        List<String> mismatches = new ArrayList<>();
        for (TopicSpec spec : specs) {
            TopicDescription d = described.get(spec.name());
            if (d == null) {
                continue;
            }
            int partitions = d.partitions().size();
            int replicas = d.partitions().get(0).replicas().size();
            if (partitions != spec.partitions() || replicas != spec.replicationFactor()) {
                mismatches.add(spec.name() + ": expected " + spec.partitions() + " partitions x "
                        + spec.replicationFactor() + " replicas, found " + partitions + " x " + replicas);
            }
        }
        if (!mismatches.isEmpty()) {
            throw new TopicMismatchException(mismatches);
        }
    }

    private void awaitLeaders(List<TopicSpec> specs, Map<String, Outcome> outcomes) {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (TopicSpec spec : specs) {
            if (outcomes.get(spec.name()) == Outcome.CREATED) {
                for (int p = 0; p < spec.partitions(); p++) {
                    partitions.put(new TopicPartition(spec.name(), p), OffsetSpec.latest());
                }
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                await(admin.listOffsets(partitions).all());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("created topics did not become writable: " + e.getCause(),
                            e.getCause());
                }
            }
            try {
                Thread.sleep(READY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic leaders", e);
            }
        }
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the admin client", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin request timed out after " + timeout, e);
        }
    }
}
