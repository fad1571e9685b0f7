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
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a plan's signed orders to the gateway's HTTP intake, open loop: one order per request
 * ({@code POST /api/v1/orders}) or, with a batch size above 1, up to that many of one trader's orders per request
 * ({@code POST /api/v1/order-batches}, mass order entry: each order decided as if sent alone, in order).
 *
 * <p><b>Fixed rate.</b> Order {@code i} is due at {@code t0 + i * period}; {@link #run} releases each order at its
 * due time whatever is still in flight. One trader's orders must reach the gateway in sequence order, so each trader
 * is a lane with one request in flight: a due order whose lane is busy waits in the lane's queue and is sent as soon
 * as the previous answer arrives (with a batch size above 1, together with up to that many queued after it). Its
 * latency still counts from its due time ({@link #startNanos}), which is what corrects coordinated omission: a stall
 * shows as the whole backlog's delay, not as one slow sample.
 *
 * <p><b>Maximum.</b> Every order is due at once: each lane sends back to back, and latencies count from the actual
 * send.
 *
 * <p>A 503 (gateway not ready, publish failed) or a failed request is resent with the same bytes (the gateway
 * answers a repeated client order id with its first result), at most {@value #ATTEMPTS} times; in a batch, only the
 * orders answered 503 are resent, in their order.
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
    private final String batchPath;
    private final int batchSize;
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
     * @param batchSize  most orders of one trader per request (1: {@code /api/v1/orders}, else
     *                   {@code /api/v1/order-batches}, at most 100)
     */
    public OrderSender(String apiUrl, OrderPlan plan, Accounting accounting, AtomicLongArray startNanos,
                       int eventLoops, int batchSize) {
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("batch size must be 1..100, was " + batchSize);
        }
        URI uri = URI.create(apiUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 80;
        String base = uri.getPath() == null ? "" : uri.getPath().replaceAll("/$", "");
        this.path = base + "/api/v1/orders";
        this.batchPath = base + "/api/v1/order-batches";
        this.batchSize = batchSize;
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
        send(List.of(i), 1);
    }

    private void send(List<Integer> orders, int attempt) {
        if (stampOnSend && attempt == 1) {
            long now = System.nanoTime();
            orders.forEach(i -> startNanos.set(i, now));
        }
        int trader = plan.traderOf(orders.get(0));
        boolean batch = batchSize > 1;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI(batch ? batchPath : path)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + plan.traders().get(trader).token())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        client.request(options)
                .compose(req -> req.send(batch ? batchBody(orders) : Buffer.buffer(plan.body(orders.get(0)))))
                .compose(resp -> resp.body().map(b -> statuses(orders.size(), batch, resp.statusCode(), b)))
                .onComplete(ar -> {
                    int[] status = ar.succeeded() ? ar.result() : uniform(orders.size(), Accounting.NO_ANSWER);
                    List<Integer> again = new ArrayList<>();
                    for (int k = 0; k < orders.size(); k++) {
                        boolean retry = status[k] == 503 || status[k] == Accounting.NO_ANSWER;
                        if (retry && attempt < ATTEMPTS) {
                            again.add(orders.get(k));
                        } else {
                            accounting.answered(orders.get(k), status[k]);
                            answered.incrementAndGet();
                        }
                    }
                    if (!again.isEmpty()) {
                        LOG.warn("{} order(s) from #{} attempt {}: {}; resending", again.size(), again.get(0),
                                attempt, ar.succeeded() ? "HTTP 503" : ar.cause().toString());
                        vertx.setTimer(RETRY_PAUSE_MS, id -> send(again, attempt + 1));
                        return;
                    }
                    next(trader);
                });
    }

    private Buffer batchBody(List<Integer> orders) {
        Buffer b = Buffer.buffer(orders.size() * 700).appendString("{\"orders\":[");
        for (int k = 0; k < orders.size(); k++) {
            if (k > 0) {
                b.appendByte((byte) ',');
            }
            b.appendBytes(plan.body(orders.get(k)));
        }
        return b.appendString("]}");
    }

    /** Per order: its own status in a 200 batch answer, else the request's status for every order. */
    private static int[] statuses(int n, boolean batch, int httpStatus, Buffer body) {
        if (!batch || httpStatus != 200) {
            return uniform(n, httpStatus);
        }
        JsonArray results = body.toJsonObject().getJsonArray("results");
        if (results == null || results.size() != n) {
            throw new IllegalStateException("the batch answer does not hold " + n + " results: " + body);
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = results.getJsonObject(k).getInteger("status");
        }
        return out;
    }

    private static int[] uniform(int n, int status) {
        int[] out = new int[n];
        Arrays.fill(out, status);
        return out;
    }

    private void next(int trader) {
        Lane lane = lanes[trader];
        List<Integer> next = new ArrayList<>(batchSize);
        synchronized (lane) {
            while (next.size() < batchSize && !lane.queue.isEmpty()) {
                next.add(lane.queue.poll());
            }
            if (next.isEmpty()) {
                lane.busy = false;
            }
        }
        if (!next.isEmpty()) {
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
