package io.carbonx.exchange.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant lane of the {@link OrderGateway}: a thread that takes the queued requests in arrival order, at
 * most {@code maxBatch} at a time, and hands each batch to the gateway's group commit; the next batch starts only
 * once the previous one is answered (and its acknowledged events folded), so every request is decided against the
 * state the earlier requests of the lane left.
 *
 * @param <T> a queued request
 */
final class OrderLane<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderLane.class);

    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> batch;
    private final Consumer<T> refuse;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param name     the thread's name
     * @param maxBatch the most requests in one batch (&ge; 1)
     * @param batch    decides and answers a batch (on the lane's thread; must answer every request)
     * @param refuse   answers a request the lane will not run (closed)
     */
    OrderLane(String name, int maxBatch, Consumer<List<T>> batch, Consumer<T> refuse) {
        this.batch = batch;
        this.refuse = refuse;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a request; after {@link #close()} it is refused at once. */
    void offer(T request) {
        if (closed) {
            refuse.accept(request);
            return;
        }
        queue.add(request);
        if (closed && queue.remove(request)) {
            refuse.accept(request);
        }
    }

    private void run() {
        List<T> next = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                next.add(first);
                queue.drainTo(next, maxBatch - 1);
                batch.accept(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("order lane {} failed a batch of {}", thread.getName(), next.size(), e);
                next.forEach(refuse);
            } finally {
                next.clear();
            }
        }
        T left;
        while ((left = queue.poll()) != null) {
            refuse.accept(left);
        }
    }

    /** Runs what is queued, then stops (waits up to 10 s). */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
