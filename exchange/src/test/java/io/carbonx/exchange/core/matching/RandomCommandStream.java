package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stream of commands exercising every rule: limit orders of every time in force around the
 * reference price (so they cross), market orders, cancels and replaces of live orders (keeping and losing
 * priority), invalid orders (off tick, off lot, out of band, zero quantity, grade D, priority tier out of range,
 * duplicate and unknown ids, wrong owner), priority tiers from a seeded per-grade table (distinct grades sharing a
 * tier, tiers not in grade order, sometimes the grade's own position as for events without a tier), mass cancels, reference price changes and time jumps. Six participants, so self-matches are
 * frequent. The caller feeds the events back through {@link #observe} so cancels and replaces target live
 * orders. Deterministic for a given seed.
 */
final class RandomCommandStream {

    private static final CreditGrade[] GRADES = {CreditGrade.AAA, CreditGrade.AA, CreditGrade.A, CreditGrade.BBB,
        CreditGrade.BB, CreditGrade.B, CreditGrade.CCC, CreditGrade.UNRATED};
    private static final int PARTICIPANTS = 6;
    /** Tier values a stream's grade table draws from: small ones (so distinct grades share tiers) and far ones. */
    private static final int[] TIER_CHOICES = {0, 1, 1, 2, 3, 3, 500, PlaceOrder.MAX_TIER};

    private final Random random;
    private final InstrumentRules rules;
    private final long maxStepMs;
    private final int targetLive;
    private final List<String> live = new ArrayList<>();
    private final Map<String, Integer> livePosition = new HashMap<>();
    private final Map<String, String> owner = new HashMap<>();
    private final Map<String, long[]> priceAndRemaining = new HashMap<>();
    /** This stream's configured tier per grade ordinal (seeded; not monotone in the grade, with ties). */
    private final int[] tiers = new int[CreditGrade.values().length];
    private long now;
    private long nextId;
    private long placed;

    RandomCommandStream(long seed, InstrumentRules rules, long startMs, long maxStepMs, int targetLive) {
        this.random = new Random(seed);
        this.rules = rules;
        this.now = startMs;
        this.maxStepMs = maxStepMs;
        this.targetLive = targetLive;
        for (int i = 0; i < tiers.length; i++) {
            tiers[i] = TIER_CHOICES[random.nextInt(TIER_CHOICES.length)];
        }
    }

    /** Number of PlaceOrder commands produced so far. */
    long placed() {
        return placed;
    }

    /** The next command; {@code referencePrice} is the engine's current reference (0 = none). */
    Command next(long referencePrice) {
        now += maxStepMs == 0 ? 0 : (long) (random.nextDouble() * random.nextDouble() * maxStepMs);
        long ref = referencePrice > 0 ? referencePrice : 10_000;
        int roll = random.nextInt(1000);
        int cancelShare = live.size() > targetLive ? 450 : 180;
        if (roll < cancelShare && !live.isEmpty()) {
            return cancel();
        }
        roll = random.nextInt(1000);
        if (roll < 200 && !live.isEmpty()) {
            return replace(ref);
        }
        if (roll < 230) {
            return new AdvanceTime(now);
        }
        if (roll < 233) {
            return new CancelParticipantOrders(participant(), now);
        }
        if (roll < 235) {
            return new SetReferencePrice(ref + (random.nextInt(5) - 2) * rules.tickSize(), now);
        }
        placed++;
        return roll < 320 ? market(ref) : limit(ref);
    }

    private Command cancel() {
        String id = pickLive();
        String who = owner.get(id);
        int roll = random.nextInt(100);
        if (roll < 4) {
            id = "X" + random.nextInt(1000);
        } else if (roll < 8) {
            who = participant();
        }
        return new CancelOrder(id, who, now);
    }

    private Command replace(long ref) {
        String id = pickLive();
        String who = owner.get(id);
        int roll = random.nextInt(100);
        long lot = rules.lotSize();
        long[] current = priceAndRemaining.get(id);
        if (roll < 40 && current != null) {
            // same price, not more quantity: keeps priority
            long lotsLeft = current[1] / lot;
            long newQty = lotsLeft <= 1 ? current[1] : (1 + random.nextInt((int) Math.min(lotsLeft, 1000))) * lot;
            return new ReplaceOrder(id, who, current[0], newQty, now);
        }
        if (roll < 50 && current != null) {
            // same price, more quantity: loses priority
            return new ReplaceOrder(id, who, current[0], current[1] + lots(1, 5), now);
        }
        if (roll < 80) {
            return new ReplaceOrder(id, who, price(ref, side()), lots(1, 20), now);
        }
        if (roll < 90) {
            return new ReplaceOrder(id, random.nextBoolean() ? who : participant(), price(ref, side()) + 1,
                    lots(1, 5), now);
        }
        return new ReplaceOrder(id, who, price(ref, side()), random.nextBoolean() ? 0 : lot * 3 + 1, now);
    }

    private Command market(long ref) {
        TimeInForce tif = random.nextInt(3) == 0 ? TimeInForce.FOK : TimeInForce.IOC;
        if (random.nextInt(10) == 0) {
            tif = TimeInForce.GTC;
        }
        String id = newId();
        String who = participant();
        owner.put(id, who);
        long qty = random.nextInt(8) == 0 ? lots(50, 400) : lots(1, 15);
        Side side = side();
        long protection = 0;
        if (random.nextBoolean()) {
            // protected market order: a protection around the reference, often binding
            long offset = (random.nextInt(21) - 10) * rules.tickSize();
            protection = Math.max(rules.tickSize(), ref / rules.tickSize() * rules.tickSize()
                    + (side == Side.BUY ? offset : -offset));
        }
        CreditGrade grade = grade();
        return new PlaceOrder(id, who, side, OrderType.MARKET, tif, 0, qty, grade, tier(grade), now, protection);
    }

    private Command limit(long ref) {
        String id = random.nextInt(100) == 0 && !live.isEmpty() ? pickLive() : newId();
        String who = participant();
        owner.putIfAbsent(id, who);
        int roll = random.nextInt(100);
        TimeInForce tif = roll < 55 ? TimeInForce.GTC : roll < 75 ? TimeInForce.DAY
                : roll < 88 ? TimeInForce.IOC : TimeInForce.FOK;
        Side side = side();
        long price = price(ref, side);
        long qty = lots(1, 20);
        int fault = random.nextInt(200);
        if (fault == 0) {
            price += 1;
        } else if (fault == 1) {
            qty += 1;
        } else if (fault == 2) {
            qty = 0;
        } else if (fault == 3) {
            price = ref * 2;
        } else if (fault == 4) {
            price = -rules.tickSize();
        }
        CreditGrade grade = random.nextInt(150) == 0 ? CreditGrade.D : grade();
        return new PlaceOrder(id, who, side, OrderType.LIMIT, tif, price, qty, grade, tier(grade), now, 0);
    }

    /** Tracks which orders are live from the engine's events. */
    void observe(List<MatchEvent> events) {
        for (MatchEvent e : events) {
            if (e instanceof OrderAccepted a) {
                addLive(a.orderId());
                owner.put(a.orderId(), a.participantId());
                priceAndRemaining.put(a.orderId(), new long[] {a.price(), a.quantity()});
            } else if (e instanceof OrderReplaced r) {
                priceAndRemaining.put(r.orderId(), new long[] {r.newPrice(), r.newQuantity()});
            } else if (e instanceof TradeExecuted t) {
                remaining(t.buyOrderId(), t.buyRemaining());
                remaining(t.sellOrderId(), t.sellRemaining());
            } else if (e instanceof OrderCancelled c) {
                removeLive(c.orderId());
            } else if (e instanceof OrderExpired x) {
                removeLive(x.orderId());
            }
        }
    }

    private void remaining(String id, long remaining) {
        long[] current = priceAndRemaining.get(id);
        if (current != null) {
            current[1] = remaining;
        }
        if (remaining == 0) {
            removeLive(id);
        }
    }

    private void addLive(String id) {
        if (!livePosition.containsKey(id)) {
            livePosition.put(id, live.size());
            live.add(id);
        }
    }

    private void removeLive(String id) {
        priceAndRemaining.remove(id);
        owner.remove(id);
        Integer pos = livePosition.remove(id);
        if (pos == null) {
            return;
        }
        String last = live.remove(live.size() - 1);
        if (pos < live.size()) {
            live.set(pos, last);
            livePosition.put(last, pos);
        }
    }

    private String pickLive() {
        return live.get(random.nextInt(live.size()));
    }

    private String newId() {
        return "O" + (++nextId);
    }

    private String participant() {
        return "P" + random.nextInt(PARTICIPANTS);
    }

    private Side side() {
        return random.nextBoolean() ? Side.BUY : Side.SELL;
    }

    /**
     * The grade's tier in this stream's table; rarely none (rank by grade, as an event written before tiers) or
     * out of range (rejected INVALID_PRIORITY_TIER).
     */
    private int tier(CreditGrade grade) {
        int roll = random.nextInt(300);
        if (roll == 0) {
            return random.nextBoolean() ? -1 : PlaceOrder.MAX_TIER + 1;
        }
        return roll < 30 ? PlaceOrder.gradeTier(grade) : tiers[grade.ordinal()];
    }

    private CreditGrade grade() {
        return GRADES[random.nextInt(GRADES.length)];
    }

    /** Mostly on the passive side of the reference (so books build depth), sometimes through it. */
    private long price(long ref, Side side) {
        long tick = rules.tickSize();
        long base = ref / tick * tick;
        long ticksAway = random.nextInt(26) - 5;
        long price = side == Side.BUY ? base - ticksAway * tick : base + ticksAway * tick;
        return Math.max(tick, price);
    }

    private long lots(int min, int max) {
        return (min + random.nextInt(max - min + 1)) * rules.lotSize();
    }
}
