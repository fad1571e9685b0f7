package io.carbonx.node.demo.scene;

import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.EnterpriseSpec;
import io.carbonx.node.demo.Waits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seeded random order flow of the day. {@link #plan} draws the orders from the seed alone (which enterprise,
 * which instrument, side, size and limit), before anything is sent, so one seed always sends the same orders in the
 * same per-participant order; {@link #send} sends them from several client threads, paced over a duration.
 *
 * <p>The enterprises behave by kind: emitters short of allowances mostly buy, long ones mostly sell; traders trade
 * both ways, on every book (a call auction's uncross never pairs an enterprise with itself: the exchange's
 * self-trade prevention cancels one of the two orders instead); thinly funded ones buy far beyond
 * their cash with marketable immediate-or-cancel orders (their deposits cover a share only) and default on payment
 * at settlement. Sellers sell only what their allocations leave unsold (the registry would refuse the rest), and
 * every buyer but the thin ones keeps its buying within its cash. Limits follow a random walk around each
 * instrument's reference: most orders rest near the mid, a third cross it.
 */
public final class OrderFlow {

    /** One order to send. */
    public record Intent(Cast.Enterprise who, Market market, Side side, long quantity, long priceMinor,
                         TimeInForce tif) {
    }

    private final Random random;
    private final Map<Integer, long[]> budgets = new HashMap<>();
    private final Map<String, Long> mids = new HashMap<>();

    /** @param seed the demo's seed (the flow draws from its own stream) */
    public OrderFlow(long seed) {
        this.random = new Random(seed * 31 + 7);
    }

    /**
     * Draws {@code count} orders over {@code markets} (with relative weights) among {@code who}.
     *
     * @param who     the enterprises of the flow
     * @param markets the instruments
     * @param weights relative weight of each instrument
     */
    public List<Intent> plan(List<Cast.Enterprise> who, List<Market> markets, int[] weights, int count) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        List<Intent> out = new ArrayList<>();
        int guard = 0;
        while (out.size() < count && guard++ < count * 20) {
            int pick = random.nextInt(total);
            int m = 0;
            while (pick >= weights[m]) {
                pick -= weights[m++];
            }
            Intent i = draw(who.get(random.nextInt(who.size())), markets.get(m));
            if (i != null) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Draws {@code count} orders for a call auction of {@code m}: limits within a few percent of the current mid on
     * both sides, so the call crosses and uncrosses at one price.
     */
    public List<Intent> planCall(List<Cast.Enterprise> who, Market m, int count) {
        List<Intent> out = new ArrayList<>();
        long mid = mids.getOrDefault(m.id(), m.reference());
        long step = Math.max(m.tick(), m.reference() / 100 / m.tick() * m.tick());
        int guard = 0;
        while (out.size() < count && guard++ < count * 50) {
            Cast.Enterprise e = who.get(random.nextInt(who.size()));
            Side side = out.size() % 2 == 0 ? Side.BUY : Side.SELL;
            if (e.spec().kind() == EnterpriseSpec.Kind.THIN) {
                continue;
            }
            long price = m.clamp(mid + (random.nextInt(4) - (side == Side.BUY ? 1 : 2)) * step, 1_500);
            Intent i = admit(e, m, side, m.lot() * (1 + random.nextInt(m.maxLots())), price);
            if (i != null) {
                out.add(i);
            }
        }
        return out;
    }

    private Intent draw(Cast.Enterprise e, Market m) {
        long mid = walk(m);
        if (e.spec().kind() == EnterpriseSpec.Kind.THIN) {
            return thin(e, m, mid);
        }
        double sellBias = switch (e.spec().kind()) {
            case THIN -> 0.2;
            case TRADER -> 0.5;
            default -> e.spec().allowances() > e.spec().emissions() ? 0.65 : 0.35;
        };
        Side side = random.nextDouble() < sellBias ? Side.SELL : Side.BUY;
        long qty = m.lot() * (1 + random.nextInt(m.maxLots()));
        boolean cross = random.nextDouble() < 0.35;
        long offset = m.tick() * (cross ? random.nextInt(6) : 1 + random.nextInt(10));
        long price = m.clamp(side == Side.BUY == cross ? mid + offset : mid - offset, 1_500);
        return admit(e, m, side, qty, price);
    }

    /**
     * A thinly funded enterprise only buys, on the continuous books, marketable immediate-or-cancel orders of 1.5 to 3
     * times its cash (its deposit covers a share only, so a fill it cannot pay defaults at settlement): it never rests
     * an order, so when the registry freezes it after repeated defaults there is no resting order of its for the book
     * to fill while the freeze cancels it.
     */
    private Intent thin(Cast.Enterprise e, Market m, long mid) {
        if (m != Market.SESSION && m != Market.CONTINUOUS) {
            return null;
        }
        long price = m.clamp(mid + m.tick() * (4 + random.nextInt(8)), 1_500);
        long notional = e.spec().cashMinor() * (15 + random.nextInt(16)) / 10;
        long qty = Math.max(m.lot(), notional / price / m.lot() * m.lot());
        Intent i = admit(e, m, Side.BUY, qty, price);
        return i == null ? null : new Intent(e, m, Side.BUY, qty, price, TimeInForce.IOC);
    }

    /** The intent if the enterprise's budget allows it (and then charged to it), else null. */
    private Intent admit(Cast.Enterprise e, Market m, Side side, long qty, long price) {
        long[] budget = budgets.computeIfAbsent(e.spec().index(), k -> new long[] {e.spec().allowances(),
            e.spec().nextAllowances(), e.spec().offsets(), 0});
        if (side == Side.SELL && !m.energy()) {
            int slot = m == Market.SESSION ? 0 : m == Market.CONTINUOUS ? 1 : 2;
            if (budget[slot] < qty) {
                return null;
            }
            budget[slot] -= qty;
        } else if (side == Side.BUY) {
            long notional = Math.multiplyExact(qty, price);
            long limit = e.spec().kind() == EnterpriseSpec.Kind.THIN ? e.spec().cashMinor() * 12
                    : e.spec().cashMinor() * 7 / 10;
            if (budget[3] + notional > limit) {
                return null;
            }
            budget[3] += notional;
        }
        return new Intent(e, m, side, qty, price, TimeInForce.GTC);
    }

    private long walk(Market m) {
        long mid = mids.getOrDefault(m.id(), m.reference());
        long step = Math.round(random.nextGaussian() * 2) * m.tick();
        long drift = (m.reference() - mid) / 40;
        mid = m.clamp(mid + step + drift / m.tick() * m.tick(), 800);
        mids.put(m.id(), mid);
        return mid;
    }

    /**
     * Sends {@code intents} from the pool's threads, the i-th not before {@code i × durationMs / size} after the
     * start (0 = as fast as possible).
     *
     * @return the number of orders the gateway took
     */
    public static int send(List<Intent> intents, Orders orders, ExecutorService pool, int clients, long durationMs,
                           String scene) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        long start = System.currentTimeMillis();
        List<Integer> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(w);
        }
        Waits.parallel(pool, workers, w -> {
            for (int i = next.getAndIncrement(); i < intents.size(); i = next.getAndIncrement()) {
                if (durationMs > 0) {
                    Waits.untilTime(start + i * durationMs / intents.size());
                }
                Intent o = intents.get(i);
                if (orders.limit(o.who().actor(), o.market().id(), o.side(), o.quantity(), o.priceMinor(), o.tif(),
                        scene).taken()) {
                    taken.incrementAndGet();
                }
            }
            return null;
        });
        return taken.get();
    }
}
