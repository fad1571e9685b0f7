package io.carbonx.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a plan's signed orders to the gateway's HTTP intake ({@code POST /api/v1/orders}), open loop.
 *
 * <p><b>Fixed rate.</b> Order {@code i} is due at {@code t0 + i * period}; {@link #run} releases each order at its
 * due time whatever is still in flight. One trader's orders must reach the gateway in sequence order, so each trader
 * is a lane with one request in flight: a due order whose lane is busy waits in the lane's queue and is sent as soon
 * as the previous answer arrives. Its latency still counts from its due time ({@link #startNanos}), which is what
 * corrects coordinated omission: a stall shows as the whole backlog's delay, not as one slow sample.
 *
 * <p><b>Maximum.</b> Every order is due at once: each lane sends back to back, and latencies count from the actual
 * send.
 *
 * <p>A 503 (gateway not ready, publish failed) or a failed request is resent with the same bytes (the gateway
 * answers a repeated client order id with its first result), at most {@value #ATTEMPTS} times.
 */
public final class OrderSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSender.class);
    private static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MS = 200;

    private final OrderPlan plan;
    private final Accounting accounting;
    private final AtomicLongArray startNanos;
    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final String path;
    private final Lane[] lanes;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean stampOnSend;

    private static final class Lane {
        final ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean busy;
    }

    /**
     * @param apiUrl     the node's base URL
     * @param plan       what to send
     * @param accounting where HTTP answers go
     * @param startNanos per order: the time its latencies count from (written here)
     * @param eventLoops Vert.x event loops of the client
     */
    public OrderSender(String apiUrl, OrderPlan plan, Accounting accounting, AtomicLongArray startNanos,
                       int eventLoops) {
        URI uri = URI.create(apiUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 80;
        this.path = (uri.getPath() == null ? "" : uri.getPath().replaceAll("/$", "")) + "/api/v1/orders";
        this.plan = plan;
        this.accounting = accounting;
        this.startNanos = startNanos;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        this.lanes = new Lane[plan.traders().size()];
        for (int t = 0; t < lanes.length; t++) {
            lanes[t] = new Lane();
        }
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout(10_000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(lanes.length + 4).setMaxWaitQueueSize(-1));
    }

    /**
     * Releases orders {@code from..to-1} on the schedule and returns when the last is released (not answered).
     *
     * @param t0Nanos     due time of order 0 ({@link System#nanoTime()} clock)
     * @param periodNanos spacing of due times; 0 = maximum rate (all due at once, timed from the actual send)
     */
    public void run(int from, int to, long t0Nanos, long periodNanos) {
        stampOnSend = periodNanos == 0;
        for (int i = from; i < to; i++) {
            if (periodNanos > 0) {
                long due = t0Nanos + (i - from) * periodNanos;
                startNanos.set(i, due);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(1)));
                }
            }
            submit(i);
        }
    }

    private void submit(int i) {
        Lane lane = lanes[plan.traderOf(i)];
        synchronized (lane) {
            if (lane.busy) {
                lane.queue.add(i);
                return;
            }
            lane.busy = true;
        }
        send(i, 1);
    }

    private void send(int i, int attempt) {
        if (stampOnSend && attempt == 1) {
            startNanos.set(i, System.nanoTime());
        }
        Trader t = plan.traders().get(plan.traderOf(i));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI(path).putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + t.token())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        client.request(options)
                .compose(req -> req.send(Buffer.buffer(plan.body(i))))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    int status = ar.succeeded() ? ar.result() : Accounting.NO_ANSWER;
                    if ((status == 503 || status == Accounting.NO_ANSWER) && attempt < ATTEMPTS) {
                        LOG.warn("order #{} attempt {}: {}; resending", i, attempt, ar.succeeded() ? "HTTP 503"
                                : ar.cause().toString());
                        vertx.setTimer(RETRY_PAUSE_MS, id -> send(i, attempt + 1));
                        return;
                    }
                    accounting.answered(i, status);
                    answered.incrementAndGet();
                    next(plan.traderOf(i));
                });
    }

    private void next(int trader) {
        Lane lane = lanes[trader];
        Integer next;
        synchronized (lane) {
            next = lane.queue.poll();
            if (next == null) {
                lane.busy = false;
            }
        }
        if (next != null) {
            send(next, 1);
        }
    }

    /** Orders answered (or given up on) so far. */
    public int answered() {
        return answered.get();
    }

    /** Waits until {@code count} orders are answered or the time-out passes; true if they are. */
    public boolean awaitAnswered(int count, long timeoutMs) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (answered.get() < count && System.nanoTime() < end) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return answered.get() >= count;
    }

    @Override
    public void close() {
        try {
            Future.<Void>succeededFuture().compose(v -> client.close()).compose(v -> vertx.close())
                    .await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("HTTP client did not close in 30 s");
        }
    }
}
