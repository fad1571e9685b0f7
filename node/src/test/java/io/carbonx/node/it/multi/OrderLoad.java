package io.carbonx.node.it.multi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.SignedRequests;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.vertx.core.json.JsonObject;
import org.apache.avro.specific.SpecificRecord;

/**
 * A steady load of signed limit orders (and some cancels) through the gateway's REST API, one thread per trader at
 * a fixed rate, prices around each instrument's reference so that about half the orders cross. Each request is
 * signed once and re-sent unchanged until the gateway gives a definite answer (the gateway de-duplicates by client
 * order id), so every order the gateway accepted is known here with its id: the set the final accounting starts
 * from. Seeded; the seed is printed.
 */
final class OrderLoad implements AutoCloseable {

    /** An order the gateway took (202, or 200 DUPLICATE of a re-sent request). */
    record Placed(String orderId, String participantId, String instrumentId, Side side, long quantity,
                  long priceMinor) {
    }

    private static final int MAX_ATTEMPTS = 60;

    private final NodeClient gateway;
    private final Market market;
    private final long seed;
    private final long periodMs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Placed> placed = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentSkipListMap<>();
    private final AtomicLong cancels = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final Map<String, List<String>> own = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    OrderLoad(String gatewayUrl, Market market, long seed, double ordersPerSecond) {
        this.gateway = new NodeClient(gatewayUrl, Duration.ofSeconds(20));
        this.market = market;
        this.seed = seed;
        this.periodMs = Math.max(1, Math.round(1000.0 * market.traders().size() / ordersPerSecond));
    }

    void start() {
        running.set(true);
        int i = 0;
        for (Market.Trader t : market.traders()) {
            own.put(t.id, new ArrayList<>());
            Random random = new Random(seed + i++);
            Thread th = new Thread(() -> {
                try {
                    run(t, random);
                } catch (RuntimeException | AssertionError e) {
                    failure.compareAndSet(null, e);
                }
            }, "load-" + t.id);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
    }

    /** Stops the traders after their request in flight has its definite answer. */
    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        check();
    }

    /** Rethrows the first failure of a trader thread (seed in the message). */
    void check() {
        Throwable f = failure.get();
        if (f != null) {
            throw new AssertionError("a load thread failed (seed " + seed + "): " + f, f);
        }
    }

    long seed() {
        return seed;
    }

    Map<String, Placed> placed() {
        return placed;
    }

    int count() {
        check();
        return placed.size();
    }

    Map<String, AtomicLong> refusals() {
        return refusals;
    }

    long cancels() {
        return cancels.get();
    }

    long resends() {
        return resends.get();
    }

    private void run(Market.Trader t, Random random) {
        long next = System.nanoTime();
        while (running.get()) {
            List<String> mine = own.get(t.id);
            if (!mine.isEmpty() && random.nextInt(100) < 12) {
                String orderId = mine.get(random.nextInt(mine.size()));
                cancel(t, placed.get(orderId));
            } else {
                order(t, random);
            }
            next += TimeUnit.MILLISECONDS.toNanos(periodMs);
            long sleep = TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime());
            if (sleep > 0) {
                Waits.sleep(sleep);
            } else {
                next = System.nanoTime(); // behind: do not burst to catch up
            }
        }
    }

    private void order(Market.Trader t, Random random) {
        boolean second = random.nextBoolean();
        String instrument = Market.INSTRUMENTS.get(second ? 1 : 0);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = second ? 8_500 + 5L * (random.nextInt(9) - 4) : 8_000 + random.nextInt(41) - 20;
        long quantity = second ? 10L * (1 + random.nextInt(5)) : 1 + random.nextInt(20);
        long sequence = t.sequence.incrementAndGet();
        OrderRequest request = OrderRequest.newBuilder().setChainId(Consortium.CHAIN).setParticipantId(t.id)
                .setSequence(sequence).setClientOrderId("c-" + sequence).setInstrumentId(instrument).setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(price)
                .setQuantity(quantity).setExpiresAtMs(null).build();
        JsonObject answer = send(t, "/api/v1/orders", request);
        if (answer != null) {
            String orderId = answer.getString("orderId");
            placed.put(orderId, new Placed(orderId, t.id, instrument, side, quantity, price));
            own.get(t.id).add(orderId);
        }
    }

    private void cancel(Market.Trader t, Placed order) {
        CancelRequest request = CancelRequest.newBuilder().setChainId(Consortium.CHAIN).setParticipantId(t.id)
                .setSequence(t.sequence.incrementAndGet()).setOrderId(order.orderId())
                .setInstrumentId(order.instrumentId()).build();
        if (send(t, "/api/v1/orders/cancel", request) != null) {
            cancels.incrementAndGet();
        }
    }

    /** Sends until a definite answer: the body on 2xx, null on a refusal (counted by reason). */
    private JsonObject send(Market.Trader t, String path, SpecificRecord request) {
        JsonObject body = SignedRequests.body(request, t.signer, t.certificateSerial);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ApiResponse r;
            try {
                market.refresh(t);
                r = gateway.post(path, body, t.session.token());
            } catch (ClientException | IllegalStateException e) {
                resends.incrementAndGet();
                Waits.sleep(500);
                continue;
            }
            if (r.status() == 200 || r.status() == 202) {
                return r.json();
            }
            if (r.status() >= 500 || r.status() == 401) {
                resends.incrementAndGet(); // not published, or not known to be: the same signed bytes again
                Waits.sleep(500);
                continue;
            }
            String reason = reason(r);
            refusals.computeIfAbsent(path + " " + reason, k -> new AtomicLong()).incrementAndGet();
            return null;
        }
        throw new AssertionError("no definite answer from the gateway for " + path + " after " + MAX_ATTEMPTS
                + " attempts (seed " + seed + ")");
    }

    private static String reason(ApiResponse r) {
        try {
            return r.status() + " " + r.json().getString("reasonCode", "?");
        } catch (RuntimeException e) {
            return r.status() + " " + new String(r.body(), StandardCharsets.UTF_8);
        }
    }
}
