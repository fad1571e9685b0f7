package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A deliberately naive {@link OrderBook}: one list of orders, filtered and sorted by priority on every use,
 * auction prices found by trying every distinct price. Written from the {@link OrderBook} contract, sharing no
 * code with {@link FastOrderBook}, to be compared with it on random command streams.
 */
final class ReferenceOrderBook implements OrderBook {

    private static final class Ref implements OrderView {
        final String orderId;
        final String participantId;
        final Side side;
        final TimeInForce tif;
        final CreditGrade grade;
        final int tier;
        final long protection;
        long price;
        long remaining;
        long sequence;

        Ref(PlaceOrder c, long sequence) {
            orderId = c.orderId();
            participantId = c.participantId();
            side = c.side();
            tif = c.timeInForce();
            grade = c.grade();
            tier = c.priorityTier();
            price = c.price();
            protection = c.protectionPrice();
            remaining = c.quantity();
            this.sequence = sequence;
        }

        @Override public String orderId() {
            return orderId;
        }

        @Override public String participantId() {
            return participantId;
        }

        @Override public Side side() {
            return side;
        }

        @Override public TimeInForce timeInForce() {
            return tif;
        }

        @Override public CreditGrade grade() {
            return grade;
        }

        @Override public int priorityTier() {
            return tier;
        }

        @Override public long price() {
            return price;
        }

        @Override public long remaining() {
            return remaining;
        }
    }

    private final List<Ref> orders = new ArrayList<>();
    private final boolean gradePriority;
    private final SelfTradePrevention stp;

    ReferenceOrderBook(InstrumentRules rules) {
        gradePriority = rules.priorityMode() == PriorityMode.PRICE_GRADE_TIME;
        stp = rules.selfTradePrevention();
    }

    private List<Ref> sorted(Side side) {
        Comparator<Ref> byPrice = Comparator.comparingLong(r -> r.price);
        if (side == Side.BUY) {
            byPrice = byPrice.reversed();
        }
        Comparator<Ref> order = byPrice
                .thenComparingInt(r -> gradePriority ? r.tier : 0)
                .thenComparingLong(r -> r.sequence);
        List<Ref> result = new ArrayList<>();
        for (Ref r : orders) {
            if (r.side == side) {
                result.add(r);
            }
        }
        result.sort(order);
        return result;
    }

    /** A market order trades at any price, unless it is protected: then only up to (down to) its protection. */
    private static boolean crosses(Ref in, boolean market, long restingPrice) {
        long limit = in.price;
        if (market) {
            if (in.protection == 0) {
                return true;
            }
            limit = in.protection;
        }
        return in.side == Side.BUY ? restingPrice <= limit : restingPrice >= limit;
    }

    private static Side opposite(Side side) {
        return side == Side.BUY ? Side.SELL : Side.BUY;
    }

    @Override
    public OrderView find(String orderId) {
        for (Ref r : orders) {
            if (r.orderId.equals(orderId)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public long totalQuantity(Side side) {
        long total = 0;
        for (Ref r : orders) {
            if (r.side == side) {
                total += r.remaining;
            }
        }
        return total;
    }

    @Override
    public int size() {
        return orders.size();
    }

    @Override
    public long bestPrice(Side side) {
        List<Ref> list = sorted(side);
        return list.isEmpty() ? 0 : list.get(0).price;
    }

    @Override
    public void match(PlaceOrder c, long arrivalSequence, EventEmitter out) {
        Ref in = new Ref(c, arrivalSequence);
        boolean market = c.type() == OrderType.MARKET;
        if (c.timeInForce() == TimeInForce.FOK && !fokFillable(in, market)) {
            out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.FOK_NOT_FILLABLE);
            return;
        }
        if (!matchIncoming(in, market, out) || in.remaining == 0) {
            return;
        }
        if (market) {
            out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.MARKET_REMAINDER);
        } else if (c.timeInForce() == TimeInForce.IOC || c.timeInForce() == TimeInForce.FOK) {
            out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.IOC_REMAINDER);
        } else {
            orders.add(in);
        }
    }

    private boolean fokFillable(Ref in, boolean market) {
        long available = 0;
        for (Ref r : sorted(opposite(in.side))) {
            if (!crosses(in, market, r.price)) {
                break;
            }
            if (r.participantId.equals(in.participantId)) {
                if (stp == SelfTradePrevention.CANCEL_AGGRESSOR) {
                    break;
                }
                continue;
            }
            available += r.remaining;
        }
        return available >= in.remaining;
    }

    /** Returns false if the incoming order was cancelled by self-trade prevention. */
    private boolean matchIncoming(Ref in, boolean market, EventEmitter out) {
        while (in.remaining > 0) {
            List<Ref> opposite = sorted(opposite(in.side));
            if (opposite.isEmpty() || !crosses(in, market, opposite.get(0).price)) {
                return true;
            }
            Ref resting = opposite.get(0);
            if (resting.participantId.equals(in.participantId)) {
                if (stp == SelfTradePrevention.CANCEL_AGGRESSOR) {
                    out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.SELF_TRADE_PREVENTION);
                    in.remaining = 0;
                    return false;
                }
                out.cancelled(resting.orderId, resting.participantId, resting.remaining,
                        CancelReason.SELF_TRADE_PREVENTION);
                orders.remove(resting);
                continue;
            }
            long q = Math.min(in.remaining, resting.remaining);
            in.remaining -= q;
            resting.remaining -= q;
            Ref buy = in.side == Side.BUY ? in : resting;
            Ref sell = in.side == Side.BUY ? resting : in;
            out.trade(resting.price, q, buy.orderId, buy.participantId, buy.remaining, sell.orderId,
                    sell.participantId, sell.remaining, in.side);
            if (resting.remaining == 0) {
                orders.remove(resting);
            }
        }
        return true;
    }

    @Override
    public void rest(PlaceOrder c, long arrivalSequence) {
        orders.add(new Ref(c, arrivalSequence));
    }

    @Override
    public void cancel(String orderId, CancelReason reason, EventEmitter out) {
        Ref r = (Ref) find(orderId);
        out.cancelled(r.orderId, r.participantId, r.remaining, reason);
        orders.remove(r);
    }

    @Override
    public void replace(ReplaceOrder c, long arrivalSequence, boolean continuous, EventEmitter out) {
        Ref r = (Ref) find(c.orderId());
        boolean keep = c.newPrice() == r.price && c.newQuantity() <= r.remaining;
        out.replaced(r.orderId, r.participantId, r.price, r.remaining, c.newPrice(), c.newQuantity(), keep);
        r.price = c.newPrice();
        r.remaining = c.newQuantity();
        if (keep) {
            return;
        }
        r.sequence = arrivalSequence;
        if (continuous) {
            orders.remove(r);
            if (matchIncoming(r, false, out) && r.remaining > 0) {
                orders.add(r);
            }
        }
    }

    @Override
    public long uncross(AuctionKind kind, long referencePrice, EventEmitter out) {
        while (true) {
            long[] best = bestCandidate(referencePrice);
            if (best == null) {
                return 0;
            }
            Ref selfMatched = allocate(best[0], best[1], null);
            if (selfMatched == null) {
                allocate(best[0], best[1], out);
                out.auction(kind, best[0], best[1], best[2]);
                return best[0];
            }
            out.cancelled(selfMatched.orderId, selfMatched.participantId, selfMatched.remaining,
                    CancelReason.SELF_TRADE_PREVENTION);
            orders.remove(selfMatched);
        }
    }

    /** The uncross candidate {price, volume, imbalance}, or null if nothing crosses. */
    private long[] bestCandidate(long referencePrice) {
        TreeSet<Long> prices = new TreeSet<>();
        for (Ref r : orders) {
            prices.add(r.price);
        }
        List<long[]> candidates = new ArrayList<>();
        for (long p : prices) {
            long demand = 0;
            long supply = 0;
            for (Ref r : orders) {
                if (r.side == Side.BUY && r.price >= p) {
                    demand += r.remaining;
                } else if (r.side == Side.SELL && r.price <= p) {
                    supply += r.remaining;
                }
            }
            candidates.add(new long[] {p, Math.min(demand, supply), demand - supply});
        }
        candidates.sort(Comparator.<long[]>comparingLong(x -> -x[1])
                .thenComparingLong(x -> Math.abs(x[2]))
                .thenComparingLong(x -> Math.abs(x[0] - referencePrice))
                .thenComparingLong(x -> x[0]));
        return candidates.isEmpty() || candidates.get(0)[1] == 0 ? null : candidates.get(0);
    }

    /**
     * Allocates {@code volume} at {@code price} pairing buys and sells in priority order. With {@code out} null,
     * a dry run: returns the order self-trade prevention cancels at the first pair of one participant (the later
     * arrival with CANCEL_AGGRESSOR, the earlier with CANCEL_RESTING), or null; nothing changes. With {@code out},
     * executes (the dry run found no self pair).
     */
    private Ref allocate(long price, long volume, EventEmitter out) {
        List<Ref> buys = sorted(Side.BUY);
        List<Ref> sells = sorted(Side.SELL);
        long[] left = new long[orders.size()];
        List<Ref> all = new ArrayList<>(orders);
        for (int k = 0; k < all.size(); k++) {
            left[k] = all.get(k).remaining;
        }
        int i = 0;
        int j = 0;
        long toAllocate = volume;
        while (toAllocate > 0) {
            Ref b = buys.get(i);
            Ref s = sells.get(j);
            if (b.participantId.equals(s.participantId)) {
                if (out != null) {
                    throw new IllegalStateException("self pair in an executed uncross");
                }
                boolean cancelBuy = (stp == SelfTradePrevention.CANCEL_RESTING) == (b.sequence < s.sequence);
                return cancelBuy ? b : s;
            }
            int bi = all.indexOf(b);
            int si = all.indexOf(s);
            long q = Math.min(toAllocate, Math.min(left[bi], left[si]));
            left[bi] -= q;
            left[si] -= q;
            toAllocate -= q;
            if (out != null) {
                b.remaining -= q;
                s.remaining -= q;
                out.trade(price, q, b.orderId, b.participantId, b.remaining, s.orderId, s.participantId,
                        s.remaining, null);
                if (b.remaining == 0) {
                    orders.remove(b);
                }
                if (s.remaining == 0) {
                    orders.remove(s);
                }
            }
            if (left[bi] == 0) {
                i++;
            }
            if (left[si] == 0) {
                j++;
            }
        }
        return null;
    }

    @Override
    public void expireDayOrders(EventEmitter out) {
        for (Ref r : bulk(o -> o.tif == TimeInForce.DAY)) {
            out.expired(r.orderId, r.participantId, r.remaining);
            orders.remove(r);
        }
    }

    @Override
    public void cancelParticipant(String participantId, EventEmitter out) {
        for (Ref r : bulk(o -> o.participantId.equals(participantId))) {
            out.cancelled(r.orderId, r.participantId, r.remaining, CancelReason.PARTICIPANT_MASS_CANCEL);
            orders.remove(r);
        }
    }

    private List<Ref> bulk(Predicate<Ref> filter) {
        List<Ref> result = new ArrayList<>();
        for (Side side : new Side[] {Side.BUY, Side.SELL}) {
            for (Ref r : sorted(side)) {
                if (filter.test(r)) {
                    result.add(r);
                }
            }
        }
        return result;
    }

    @Override
    public void forEachResting(Side side, Consumer<OrderView> visitor) {
        sorted(side).forEach(visitor);
    }
}
