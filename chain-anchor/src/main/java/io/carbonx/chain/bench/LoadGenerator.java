package io.carbonx.chain.bench;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.MemoryLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends events at a fixed rate (paced per millisecond, parking in between: no spinning) or as fast as the
 * sink takes them, each a distinct {@code size}-byte value, round-robin over the partitions.
 */
final class LoadGenerator {

    private final List<TopicPartition> partitions;
    private final int size;
    private long sequence;

    LoadGenerator(List<TopicPartition> partitions, int size) {
        this.partitions = partitions;
        this.size = size;
    }

    /** A fresh event value: the sequence number, then filler. */
    byte[] next() {
        byte[] v = new byte[size];
        long s = sequence++;
        for (int i = 0; i < 8; i++) {
            v[i] = (byte) (s >>> (8 * i));
        }
        for (int i = 8; i < size; i++) {
            v[i] = (byte) ('a' + (i + s) % 26);
        }
        return v;
    }

    TopicPartition partition() {
        return partitions.get((int) (sequence % partitions.size()));
    }

    /** Receives one batch of events: partitions and values, index by index. */
    interface Sink {
        void accept(List<TopicPartition> partitions, List<byte[]> values);
    }

    /**
     * Sends {@code ratePerSecond} events per second for {@code durationMs} to {@code sink}, in a batch every half
     * millisecond; returns the number sent.
     */
    long paced(long ratePerSecond, long durationMs, Sink sink) {
        long start = System.nanoTime();
        long sent = 0;
        while (true) {
            long elapsedNs = System.nanoTime() - start;
            if (elapsedNs >= durationMs * 1_000_000L) {
                return sent;
            }
            long due = ratePerSecond * elapsedNs / 1_000_000_000L;
            if (due > sent) {
                sent += batch((int) (due - sent), sink);
            }
            LockSupport.parkNanos(500_000);
        }
    }

    /** Sends {@code count} events as fast as {@code sink} takes them, in batches of 1000. */
    void burst(long count, Sink sink) {
        long sent = 0;
        while (sent < count) {
            sent += batch((int) Math.min(1000, count - sent), sink);
        }
    }

    private int batch(int n, Sink sink) {
        List<TopicPartition> tps = new ArrayList<>(n);
        List<byte[]> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tps.add(partition());
            values.add(next());
        }
        sink.accept(tps, values);
        return n;
    }

    /** A sink appending to {@code log} with the current time. */
    static Sink into(MemoryLog log) {
        return (tps, values) -> log.appendAll(tps, values, System.currentTimeMillis());
    }
}
