package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validator's own reader of a {@link MemoryLog}, on a thread of its own; a partition the sink does not
 * {@linkplain EventSink#readOn read on} is skipped until it does.
 */
public final class MemoryEventFeed implements EventFeed {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryEventFeed.class);

    private final MemoryLog log;
    private final String name;
    private final int maxPerPartition;
    private volatile boolean running;
    private volatile long lag = -1;
    private Thread thread;

    /** Reads {@code log} in batches of up to {@code maxPerPartition} events per partition. */
    public MemoryEventFeed(MemoryLog log, String name, int maxPerPartition) {
        this.log = log;
        this.name = name;
        this.maxPerPartition = maxPerPartition;
    }

    @Override
    public synchronized void start(Map<TopicPartition, Long> startOffsets, EventSink sink) {
        running = true;
        Map<TopicPartition, Long> positions = new TreeMap<>(startOffsets);
        thread = new Thread(() -> run(positions, sink), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Map<TopicPartition, Long> positions, EventSink sink) {
        try {
            while (running) {
                List<ReadEvent> events = log.read(positions, maxPerPartition, 50,
                        tp -> sink.readOn(tp, positions.getOrDefault(tp, 0L)));
                if (events.isEmpty()) {
                    lag = 0;
                    continue;
                }
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> e : log.endOffsets().entrySet()) {
                    behind += e.getValue() - positions.getOrDefault(e.getKey(), 0L);
                }
                lag = behind;
                sink.accept(events, new TreeMap<>(positions));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: feed failed", name, e);
        }
    }

    @Override
    public long lag() {
        return lag;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
