package io.carbonx.node.testing;

import java.util.Map;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A test-only Kafka consumer interceptor ({@code interceptor.classes}) that holds back the non-empty polls of the
 * consumers whose {@code client.id} contains {@link #GATED_CLIENT}: while the gate is closed, each such poll waits
 * for one permit ({@link #release}), so a test decides exactly when a replay may progress. Open (no effect) unless a
 * test {@link #hold holds} it; the state is static because Kafka instantiates interceptors by class name.
 */
public final class ReplayGate<K, V> implements ConsumerInterceptor<K, V> {

    /** The market data follower of {@code carbonx.trades} ({@code exchange-md-trades-<node>}). */
    public static final String GATED_CLIENT = "-md-trades-";

    private static final Semaphore BATCHES = new Semaphore(0);
    private static volatile boolean open = true;

    private boolean gated;

    /** From now on every gated poll that returns records waits for a {@link #release}d permit. */
    public static void hold() {
        BATCHES.drainPermits();
        open = false;
    }

    /** Lets {@code batches} more gated polls through. */
    public static void release(int batches) {
        BATCHES.release(batches);
    }

    /** Lets everything through (also the polls waiting now). */
    public static void openFully() {
        open = true;
        BATCHES.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        gated = String.valueOf(configs.get("client.id")).contains(GATED_CLIENT);
    }

    @Override
    public ConsumerRecords<K, V> onConsume(ConsumerRecords<K, V> records) {
        if (gated && !open && !records.isEmpty()) {
            try {
                BATCHES.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
        // the static gate outlives the consumers
    }
}
