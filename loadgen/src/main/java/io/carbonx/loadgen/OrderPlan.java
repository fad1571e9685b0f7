package io.carbonx.loadgen;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The run's orders, numbered {@code 0..count-1} in send order and signed before the run (signing is the client's
 * cost, not the exchange's): the exact JSON bodies {@code {"request", "signature", "certificateSerial"}} the gateway
 * verifies.
 *
 * <p>Two-sided flow that crosses: orders {@code 2k} and {@code 2k+1} are a pair at one price, a resting sell of
 * seller {@code 2 (k mod n/2)} then an aggressing buy of buyer {@code 2 (k mod n/2) + 1}: even-numbered traders only
 * sell and odd-numbered ones only buy, so no trader ever meets its own order and self-trade prevention never cancels
 * one, however the orders of a trader are batched or reordered on the way. Sells are priced {@code k mod 5} ticks
 * below the mid price and buys as many above, so every buy crosses every resting sell (a trade happens whatever order
 * the two reach the book in), inside any sane price band. Each trader's orders carry strictly increasing sequence
 * numbers in send order (the gateway refuses a sequence not above the last one), so one trader's orders must reach
 * the gateway in plan
 * order. The client order id is {@code <tag>-<index>}: outcomes are mapped back to the plan by it; the exchange order
 * id is {@code <participant>-<sequence>}.
 */
public final class OrderPlan {

    private static final EventCodec CODEC = EventCodec.standard();
    private static final int PRICE_STEPS = 5;

    /**
     * What the orders are.
     *
     * @param instrumentId  the continuous instrument
     * @param midPriceMinor mid price
     * @param tickMinor     the instrument's tick
     * @param quantity      quantity of every order (a multiple of the lot)
     */
    public record Market(String instrumentId, long midPriceMinor, long tickMinor, long quantity) {
    }

    private final String tag;
    private final List<Trader> traders;
    private final int[] trader;
    private final long[] sequence;
    private final byte[][] bodies;
    private final Map<String, Integer> byOrderId;

    private OrderPlan(String tag, List<Trader> traders, int[] trader, long[] sequence, byte[][] bodies) {
        this.tag = tag;
        this.traders = List.copyOf(traders);
        this.trader = trader;
        this.sequence = sequence;
        this.bodies = bodies;
        this.byOrderId = new HashMap<>(trader.length * 2);
        for (int i = 0; i < trader.length; i++) {
            byOrderId.put(orderId(i), i);
        }
    }

    /**
     * Builds and signs {@code count} orders (even, &ge; 2) on {@code pool}.
     *
     * @param tag prefix of the client order ids, unique per run
     */
    public static OrderPlan build(String tag, List<Trader> traders, int count, Market market, ExecutorService pool) {
        if (traders.size() < 2 || traders.size() % 2 != 0 || count < 2 || count % 2 != 0) {
            throw new IllegalArgumentException("need an even number of traders >= 2 and an even order count >= 2");
        }
        int n = traders.size();
        int[] who = new int[count];
        long[] seq = new long[count];
        long[] next = new long[n];
        for (int t = 0; t < n; t++) {
            next[t] = traders.get(t).firstSequence();
        }
        for (int i = 0; i < count; i++) {
            int k = i / 2;
            int seller = 2 * (k % (n / 2));
            who[i] = i % 2 == 0 ? seller : seller + 1;
            seq[i] = next[who[i]]++;
        }
        byte[][] bodies = new byte[count][];
        int chunks = 64;
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            done.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    bodies[i] = sign(tag, traders.get(who[i]), i, seq[i], market);
                }
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while signing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("signing failed: " + e.getCause(), e.getCause());
            }
        }
        return new OrderPlan(tag, traders, who, seq, bodies);
    }

    private static byte[] sign(String tag, Trader t, int i, long sequence, Market m) {
        int k = i / 2;
        long offset = (long) (k % PRICE_STEPS) * m.tickMinor();
        long price = i % 2 == 0 ? m.midPriceMinor() - offset : m.midPriceMinor() + offset;
        OrderRequest request = OrderRequest.newBuilder().setChainId(t.chainId()).setParticipantId(t.participantId())
                .setSequence(sequence).setClientOrderId(tag + "-" + i).setInstrumentId(m.instrumentId())
                .setSide(i % 2 == 0 ? Side.SELL : Side.BUY).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(price).setQuantity(m.quantity()).setExpiresAtMs(null)
                .build();
        byte[] bytes = CODEC.encode(request);
        Base64.Encoder b64 = Base64.getEncoder();
        String json = "{\"request\":\"" + b64.encodeToString(bytes) + "\",\"signature\":\""
                + b64.encodeToString(t.signer().apply(bytes)) + "\",\"certificateSerial\":\"" + t.certificateSerial()
                + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Number of orders. */
    public int size() {
        return trader.length;
    }

    /** The traders. */
    public List<Trader> traders() {
        return traders;
    }

    /** The trader (index into {@link #traders()}) of order {@code i}. */
    public int traderOf(int i) {
        return trader[i];
    }

    /** The signed body of order {@code i}. */
    public byte[] body(int i) {
        return bodies[i];
    }

    /** The exchange order id of order {@code i}. */
    public String orderId(int i) {
        return traders.get(trader[i]).participantId() + "-" + sequence[i];
    }

    /** The plan index of an exchange order id, or -1. */
    public int indexOfOrderId(String orderId) {
        Integer i = orderId == null ? null : byOrderId.get(orderId);
        return i == null ? -1 : i;
    }

    /** The plan index of a client order id, or -1 when it is not one of this plan's. */
    public int indexOfClientOrderId(String clientOrderId) {
        if (clientOrderId == null || !clientOrderId.startsWith(tag) || clientOrderId.length() <= tag.length() + 1
                || clientOrderId.charAt(tag.length()) != '-') {
            return -1;
        }
        try {
            int i = Integer.parseInt(clientOrderId, tag.length() + 1, clientOrderId.length(), 10);
            return i >= 0 && i < trader.length ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The plan index of a participant's sequence number, or -1. */
    public int indexOf(String participantId, Long sequenceNumber) {
        return sequenceNumber == null ? -1 : indexOfOrderId(participantId + "-" + sequenceNumber);
    }

    /** The last sequence number the plan uses for trader {@code t}, or its first minus one if none. */
    public long lastSequence(int t) {
        long last = traders.get(t).firstSequence() - 1;
        for (int i = 0; i < trader.length; i++) {
            if (trader[i] == t) {
                last = Math.max(last, sequence[i]);
            }
        }
        return last;
    }
}
