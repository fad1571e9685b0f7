package io.carbonx.exchange.core.matching;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The production {@link OrderBook}: per side a {@link PriceLadder} of {@link PriceLevel}s (sorted array, best
 * last), intrusive FIFO queues per rank (priority tier) inside a level, and an {@link OrderIndex} used for lookups only
 * (never iterated, so its order cannot leak into the output). Order nodes and levels are pooled, so steady-state
 * matching allocates only the events it emits.
 */
final class FastOrderBook implements OrderBook {

    private final boolean gradePriority;
    private final SelfTradePrevention selfTradePrevention;
    private final PriceLadder bids = new PriceLadder(true);
    private final PriceLadder asks = new PriceLadder(false);
    private final OrderIndex index = new OrderIndex(1 << 12);
    private final UncrossCalculator calculator = new UncrossCalculator();
    private final ArrayList<Order> scratch = new ArrayList<>();
    private Order free;

    FastOrderBook(InstrumentRules rules) {
        this.gradePriority = rules.priorityMode() == PriorityMode.PRICE_GRADE_TIME;
        this.selfTradePrevention = rules.selfTradePrevention();
    }

    @Override
    public OrderView find(String orderId) {
        return index.get(orderId);
    }

    @Override
    public long totalQuantity(Side side) {
        return ladder(side).total;
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public long bestPrice(Side side) {
        PriceLevel best = ladder(side).best();
        return best == null ? 0 : best.price;
    }

    @Override
    public void match(PlaceOrder command, long arrivalSequence, EventEmitter out) {
        Order in = acquire(command, arrivalSequence);
        boolean market = command.type() == OrderType.MARKET;
        TimeInForce tif = command.timeInForce();
        if (tif == TimeInForce.FOK && !fillable(in)) {
            out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.FOK_NOT_FILLABLE);
            release(in);
            return;
        }
        boolean alive = matchIncoming(in, out);
        if (alive && in.remaining > 0) {
            if (tif == TimeInForce.FOK) {
                throw new IllegalStateException("FOK order " + in.orderId + " left a remainder");
            }
            if (market) {
                out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.MARKET_REMAINDER);
            } else if (tif == TimeInForce.IOC) {
                out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.IOC_REMAINDER);
            } else {
                insert(in);
                index.put(in);
                return;
            }
        }
        release(in);
    }

    @Override
    public void rest(PlaceOrder command, long arrivalSequence) {
        Order order = acquire(command, arrivalSequence);
        insert(order);
        index.put(order);
    }

    @Override
    public void cancel(String orderId, CancelReason reason, EventEmitter out) {
        Order order = index.get(orderId);
        out.cancelled(order.orderId, order.participantId, order.remaining, reason);
        removeResting(order);
    }

    @Override
    public void replace(ReplaceOrder command, long arrivalSequence, boolean continuous, EventEmitter out) {
        Order order = index.get(command.orderId());
        long oldPrice = order.price;
        long oldQuantity = order.remaining;
        boolean keep = command.newPrice() == oldPrice && command.newQuantity() <= oldQuantity;
        out.replaced(order.orderId, order.participantId, oldPrice, oldQuantity, command.newPrice(),
                command.newQuantity(), keep);
        PriceLadder own = ladder(order.side);
        if (keep) {
            long reduction = oldQuantity - command.newQuantity();
            order.remaining -= reduction;
            order.level.total -= reduction;
            own.total -= reduction;
            return;
        }
        unlink(order, own);
        order.price = command.newPrice();
        order.remaining = command.newQuantity();
        order.sequence = arrivalSequence;
        if (continuous && (!matchIncoming(order, out) || order.remaining == 0)) {
            index.remove(order.orderId);
            release(order);
            return;
        }
        insert(order);
    }

    @Override
    public long uncross(AuctionKind kind, long referencePrice, EventEmitter out) {
        while (true) {
            if (!calculator.compute(bids, asks, referencePrice)) {
                return 0;
            }
            Order selfMatched = firstSelfPair(calculator.price, calculator.volume);
            if (selfMatched == null) {
                break;
            }
            out.cancelled(selfMatched.orderId, selfMatched.participantId, selfMatched.remaining,
                    CancelReason.SELF_TRADE_PREVENTION);
            removeResting(selfMatched);
        }
        long price = calculator.price;
        long left = calculator.volume;
        while (left > 0) {
            PriceLevel bidLevel = bids.best();
            PriceLevel askLevel = asks.best();
            Order buy = bidLevel.first();
            Order sell = askLevel.first();
            long q = Math.min(left, Math.min(buy.remaining, sell.remaining));
            buy.remaining -= q;
            sell.remaining -= q;
            bidLevel.total -= q;
            askLevel.total -= q;
            bids.total -= q;
            asks.total -= q;
            left -= q;
            out.trade(price, q, buy.orderId, buy.participantId, buy.remaining, sell.orderId, sell.participantId,
                    sell.remaining, null);
            if (buy.remaining == 0) {
                removeResting(buy);
            }
            if (sell.remaining == 0) {
                removeResting(sell);
            }
        }
        out.auction(kind, price, calculator.volume, calculator.imbalance);
        return price;
    }

    /**
     * Simulates the uncross allocation at {@code price} (pairing the best remaining buy with the best remaining
     * sell until {@code volume} is allocated) without changing the book.
     *
     * @return the order self-trade prevention cancels at the first pair of one participant's orders, or null if
     *     the allocation pairs no participant with itself
     */
    private Order firstSelfPair(long price, long volume) {
        ArrayList<Order> buys = new ArrayList<>();
        ArrayList<Order> sells = new ArrayList<>();
        eligible(bids, o -> o.price >= price, buys);
        eligible(asks, o -> o.price <= price, sells);
        int i = 0;
        int j = 0;
        long buyTaken = 0;
        long sellTaken = 0;
        long left = volume;
        while (left > 0) {
            Order buy = buys.get(i);
            Order sell = sells.get(j);
            if (buy.participantId.equals(sell.participantId)) {
                return selfTradeLoser(buy, sell);
            }
            long q = Math.min(left, Math.min(buy.remaining - buyTaken, sell.remaining - sellTaken));
            left -= q;
            buyTaken += q;
            sellTaken += q;
            if (buyTaken == buy.remaining) {
                i++;
                buyTaken = 0;
            }
            if (sellTaken == sell.remaining) {
                j++;
                sellTaken = 0;
            }
        }
        return null;
    }

    /** The orders of a ladder passing {@code filter}, best first (priority order). */
    private static void eligible(PriceLadder ladder, Predicate<Order> filter, ArrayList<Order> into) {
        for (int i = ladder.size - 1; i >= 0; i--) {
            ladder.levels[i].forEach(o -> {
                if (filter.test(o)) {
                    into.add(o);
                }
            });
        }
    }

    /**
     * The order self-trade prevention cancels when an uncross would pair two orders of one participant: of the
     * two, the one that arrived later plays the incoming order (the instrument's {@link SelfTradePrevention}).
     */
    private Order selfTradeLoser(Order buy, Order sell) {
        Order older = buy.sequence < sell.sequence ? buy : sell;
        Order newer = older == buy ? sell : buy;
        return selfTradePrevention == SelfTradePrevention.CANCEL_RESTING ? older : newer;
    }

    @Override
    public void expireDayOrders(EventEmitter out) {
        for (PriceLadder ladder : new PriceLadder[] {bids, asks}) {
            collect(ladder, o -> o.timeInForce == TimeInForce.DAY);
            for (Order o : scratch) {
                out.expired(o.orderId, o.participantId, o.remaining);
                removeResting(o);
            }
        }
        scratch.clear();
    }

    @Override
    public void cancelParticipant(String participantId, EventEmitter out) {
        for (PriceLadder ladder : new PriceLadder[] {bids, asks}) {
            collect(ladder, o -> o.participantId.equals(participantId));
            for (Order o : scratch) {
                out.cancelled(o.orderId, o.participantId, o.remaining, CancelReason.PARTICIPANT_MASS_CANCEL);
                removeResting(o);
            }
        }
        scratch.clear();
    }

    @Override
    public void forEachResting(Side side, Consumer<OrderView> visitor) {
        PriceLadder ladder = ladder(side);
        for (int i = ladder.size - 1; i >= 0; i--) {
            ladder.levels[i].forEach(visitor::accept);
        }
    }

    /**
     * Matches an incoming order against the opposite side while it crosses.
     *
     * @return false if self-trade prevention cancelled the incoming order (its remaining is then 0)
     */
    private boolean matchIncoming(Order in, EventEmitter out) {
        boolean buy = in.side == Side.BUY;
        PriceLadder opposite = buy ? asks : bids;
        while (in.remaining > 0) {
            PriceLevel level = opposite.best();
            if (level == null || beyond(in, level.price)) {
                break;
            }
            Order resting = level.first();
            if (resting.participantId.equals(in.participantId)) {
                if (selfTradePrevention == SelfTradePrevention.CANCEL_RESTING) {
                    out.cancelled(resting.orderId, resting.participantId, resting.remaining,
                            CancelReason.SELF_TRADE_PREVENTION);
                    removeResting(resting);
                    continue;
                }
                out.cancelled(in.orderId, in.participantId, in.remaining, CancelReason.SELF_TRADE_PREVENTION);
                in.remaining = 0;
                return false;
            }
            long q = Math.min(in.remaining, resting.remaining);
            in.remaining -= q;
            resting.remaining -= q;
            level.total -= q;
            opposite.total -= q;
            if (buy) {
                out.trade(resting.price, q, in.orderId, in.participantId, in.remaining, resting.orderId,
                        resting.participantId, resting.remaining, Side.BUY);
            } else {
                out.trade(resting.price, q, resting.orderId, resting.participantId, resting.remaining, in.orderId,
                        in.participantId, in.remaining, Side.SELL);
            }
            if (resting.remaining == 0) {
                removeResting(resting);
            }
        }
        return true;
    }

    /** The FOK rule of {@link OrderBook}: can the whole quantity be filled by other participants now? */
    private boolean fillable(Order in) {
        boolean buy = in.side == Side.BUY;
        PriceLadder opposite = buy ? asks : bids;
        long need = in.remaining;
        for (int i = opposite.size - 1; i >= 0; i--) {
            PriceLevel level = opposite.levels[i];
            if (beyond(in, level.price)) {
                return false;
            }
            for (int q = 0; q < level.queueCount(); q++) {
                for (Order o = level.head(q); o != null; o = o.next) {
                    if (o.participantId.equals(in.participantId)) {
                        if (selfTradePrevention == SelfTradePrevention.CANCEL_AGGRESSOR) {
                            return false;
                        }
                        continue;
                    }
                    need -= o.remaining;
                    if (need <= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when the incoming order may not trade at {@code price}: beyond its limit, or beyond the protection
     * price of a protected MARKET order (which {@link #acquire} stores as the order's price; an unprotected
     * MARKET order has price 0 and trades at any price).
     */
    private static boolean beyond(Order in, long price) {
        return in.price > 0 && (in.side == Side.BUY ? price > in.price : price < in.price);
    }

    private void collect(PriceLadder ladder, Predicate<Order> filter) {
        scratch.clear();
        for (int i = ladder.size - 1; i >= 0; i--) {
            ladder.levels[i].forEach(o -> {
                if (filter.test(o)) {
                    scratch.add(o);
                }
            });
        }
    }

    private PriceLadder ladder(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private void insert(Order order) {
        PriceLadder ladder = ladder(order.side);
        ladder.getOrCreate(order.price).append(order);
        ladder.total += order.remaining;
    }

    private void unlink(Order order, PriceLadder ladder) {
        PriceLevel level = order.level;
        ladder.total -= order.remaining;
        level.unlink(order);
        if (level.isEmpty()) {
            ladder.remove(level);
        }
    }

    private void removeResting(Order order) {
        unlink(order, ladder(order.side));
        index.remove(order.orderId);
        release(order);
    }

    private Order acquire(PlaceOrder command, long arrivalSequence) {
        Order order = free;
        if (order != null) {
            free = order.next;
            order.next = null;
        } else {
            order = new Order();
        }
        order.orderId = command.orderId();
        order.participantId = command.participantId();
        order.side = command.side();
        order.timeInForce = command.timeInForce();
        order.grade = command.grade();
        order.priorityTier = command.priorityTier();
        order.rank = gradePriority ? command.priorityTier() : 0;
        order.price = command.type() == OrderType.MARKET ? command.protectionPrice() : command.price();
        order.remaining = command.quantity();
        order.sequence = arrivalSequence;
        return order;
    }

    private void release(Order order) {
        order.clear();
        order.next = free;
        free = order;
    }
}
