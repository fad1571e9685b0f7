package io.carbonx.registry.core.orders;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.Side;
import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.DeciderTable;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.Refusal;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.ExpireOrder;
import io.carbonx.registry.core.command.LedgerCommand.RecordTrade;
import io.carbonx.registry.core.command.LedgerCommand.SubmitOrder;
import io.carbonx.registry.core.event.LedgerEvent.OrderAccepted;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.event.LedgerEvent.OrderExpired;
import io.carbonx.registry.core.event.LedgerEvent.OrderRejected;
import io.carbonx.registry.core.event.LedgerEvent.TradeRecorded;
import io.carbonx.registry.core.model.CancelCause;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.OpenOrder;

/**
 * Orders use case: acceptance with locking, cancellation, expiry and fills.
 * <ul>
 *   <li>Acceptance: the participant is an ACTIVE ENTERPRISE whose grade may trade; its open notional plus the
 *       order's stays within the grade's maximum; the deposit ({@link Collateral#deposit}) is locked from
 *       unlocked cash, and for a sell the quantity too, under lock {@code order/<id>}. A refusal is published
 *       as OrderRejected (state-neutral) with the reason, except a missing or duplicate order id, which is
 *       refused without an event (the order it names is not this one).
 *   <li>Cancel/expire release exactly what the order lock still holds, or, for part of the remaining quantity (a
 *       book's cancel that overtook fills still on their way), that part's pro-rata share; the order then stays
 *       open for those fills, so fills and book outcomes give the same result in either order.
 *   <li>A fill moves a pro-rata portion of each order's deposit (and the seller's filled quantity) into the
 *       trade's locks: {@code floor(deposit x fillQty / orderQty)}, the last fill takes the remainder, so the
 *       portions sum to the deposit exactly ({@link Amounts#proRata}). The trade is due at the end of its
 *       settlement window.
 *   <li>ENERGY instruments (pool bidding, {@code 003} §4.2) are settled in cash only: the energy is delivered
 *       through the grid, not held here. A sell locks its deposit but no quantity, except a storage offer
 *       ({@code SubmitOrder.storage}): energy stored in a device, which its operator holds here (recorded by the
 *       regulator's allocation to it) and offers into a clearing period; it locks the quantity like an allowance
 *       sell (INSUFFICIENT_HOLDINGS without it; INSTRUMENT_KIND_MISMATCH off energy, SIDE_MISMATCH for a buy), its
 *       fills move it into the trade's seller lock and settlement delivers it out of the registry (to the grid).
 *       A fill may have the pool
 *       on one side — the platform, i.e. the exchange account, with no order (the pool buying unsold supply at
 *       the pool price, or consumers buying from the pool). A supply's price is its ask for peer trades; the pool
 *       takes its unsold energy at the fixed pool price whatever the ask (the venue's rule, {@code POOL_BIDDING.md}
 *       C6), so a pool purchase is not held to the supply's price. The venue's per-side commission rates travel
 *       with the fill (INVALID_COMMISSION_RATE outside 0..10000 bps).
 * </ul>
 */
public final class OrderDecider {
    private final LedgerConfig config;

    private OrderDecider(LedgerConfig config) {
        this.config = config;
    }

    /**
     * @param table  decider table
     * @param config rules
     */
    public static void register(DeciderTable table, LedgerConfig config) {
        OrderDecider d = new OrderDecider(config);
        table.on(SubmitOrder.class, d::submit);
        table.on(CancelOrder.class, (c, s, out) -> {
            OpenOrder o = openOrder(s, c.orderId());
            long[] r = reduction(s, o, c.quantity());
            CancelCause cause = c.cause() == null ? CancelCause.REQUESTED : c.cause();
            out.emit(new OrderCancelled(o.orderId(), o.participantId(), r[1], r[2], cause, r[0], c.time()));
        });
        table.on(ExpireOrder.class, (c, s, out) -> {
            OpenOrder o = openOrder(s, c.orderId());
            long[] r = reduction(s, o, c.quantity());
            out.emit(new OrderExpired(o.orderId(), o.participantId(), r[1], r[2], r[0], c.time()));
        });
        table.on(RecordTrade.class, d::trade);
    }

    private void submit(SubmitOrder c, LedgerState s, Emitter out) {
        Guards.id(c.orderId(), "orderId");
        require(!s.wasAccepted(c.orderId()), ReasonCode.DUPLICATE_ORDER_ID, c.orderId() + " was accepted before");
        try {
            out.emit(accept(c, s));
        } catch (Refusal r) {
            out.emit(new OrderRejected(c.orderId(), c.participantId(), r.code(), c.time()));
            out.refuse(r);
        }
    }

    private OrderAccepted accept(SubmitOrder c, LedgerState s) {
        Guards.id(c.participantId(), "participantId");
        Side side = Guards.present(c.side(), "side");
        Guards.positivePrice(c.priceMinor());
        Guards.positiveQuantity(c.quantity(), "quantity");
        Guards.instrument(s, c.instrumentId());
        Account a = Collateral.trader(s, config, c.participantId(), "participant");
        long notional = Amounts.notional(c.priceMinor(), c.quantity());
        long open = Amounts.add(Collateral.openNotional(s, a), notional);
        long max = config.terms(a.grade()).maxOpenNotionalMinor();
        require(open <= max, ReasonCode.OPEN_NOTIONAL_LIMIT_EXCEEDED,
                "open notional would be " + open + " > " + max + " for grade " + a.grade());
        long deposit = Collateral.deposit(config, a, notional);
        Collateral.requireCashFor(a, deposit, "participant");
        long quantityLocked = 0;
        if (c.storage()) {
            require(s.isEnergy(c.instrumentId()), ReasonCode.INSTRUMENT_KIND_MISMATCH,
                    "a storage offer is of stored energy; " + c.instrumentId() + " is not energy");
            require(side == Side.SELL, ReasonCode.SIDE_MISMATCH, "a storage offer sells");
        }
        if (side == Side.SELL && (!s.isEnergy(c.instrumentId()) || c.storage())) {
            require(a.holding(c.instrumentId()) >= c.quantity(), ReasonCode.INSUFFICIENT_HOLDINGS,
                    "holds " + a.holding(c.instrumentId()) + " " + c.instrumentId() + ", sells " + c.quantity());
            quantityLocked = c.quantity();
        }
        return new OrderAccepted(c.orderId(), a.id(), c.instrumentId(), side, c.priceMinor(), c.quantity(),
                deposit, quantityLocked, c.time());
    }

    private void trade(RecordTrade c, LedgerState s, Emitter out) {
        Guards.id(c.tradeId(), "tradeId");
        require(!s.tradeIdUsed(c.tradeId()), ReasonCode.DUPLICATE_TRADE_ID, c.tradeId() + " was registered");
        Guards.positivePrice(c.priceMinor());
        Guards.positiveQuantity(c.quantity(), "quantity");
        boolean poolBuys = c.buyOrderId() == null && isPlatform(c.buyerId());
        boolean poolSells = c.sellOrderId() == null && isPlatform(c.sellerId());
        require(!(poolBuys && poolSells), ReasonCode.SELF_TRADE, "the pool on both sides of " + c.tradeId());
        OpenOrder buy = poolBuys ? null : openOrder(s, c.buyOrderId());
        OpenOrder sell = poolSells ? null : openOrder(s, c.sellOrderId());
        String instrumentId = (buy != null ? buy : sell).instrumentId();
        require(!(poolBuys || poolSells) || s.isEnergy(instrumentId), ReasonCode.INSTRUMENT_KIND_MISMATCH,
                "only energy pool trades have the platform as a party; " + instrumentId + " is not energy");
        require((buy == null || buy.side() == Side.BUY) && (sell == null || sell.side() == Side.SELL),
                ReasonCode.SIDE_MISMATCH, c.buyOrderId() + " / " + c.sellOrderId() + " are not a buy and a sell");
        require(buy == null || sell == null || buy.instrumentId().equals(sell.instrumentId()),
                ReasonCode.INSTRUMENT_MISMATCH, instrumentId + " vs " + (sell == null ? "" : sell.instrumentId()));
        String buyerId = buy == null ? config.exchangeAccountId() : buy.participantId();
        String sellerId = sell == null ? config.exchangeAccountId() : sell.participantId();
        require(!buyerId.equals(sellerId), ReasonCode.SELF_TRADE, buyerId + " on both sides");
        for (OpenOrder o : new OpenOrder[] {buy, sell}) {
            require(o == null || c.quantity() <= o.remaining(), ReasonCode.FILL_EXCEEDS_REMAINING,
                    "fill " + c.quantity() + " > remaining " + (o == null ? 0 : o.remaining()));
        }
        // the pool buys a supply's unsold energy at the fixed pool price whatever its ask (POOL_BIDDING.md C6)
        require((buy == null || c.priceMinor() <= buy.priceMinor())
                        && (sell == null || poolBuys || c.priceMinor() >= sell.priceMinor()),
                ReasonCode.PRICE_OUTSIDE_LIMIT,
                "price " + c.priceMinor() + " outside " + (sell == null ? "-" : sell.priceMinor()) + ".."
                        + (buy == null ? "-" : buy.priceMinor()));
        commissionRate(c.buyerCommissionBps(), "buyer");
        commissionRate(c.sellerCommissionBps(), "seller");
        long window = config.settlementWindowMs();
        long dueTime;
        try {
            dueTime = Math.multiplyExact(c.time() / window + 1, window);
        } catch (ArithmeticException e) {
            throw new Refusal(ReasonCode.ARITHMETIC_OVERFLOW, "due time overflows");
        }
        out.emit(new TradeRecorded(c.tradeId(), buy == null ? null : buy.orderId(),
                sell == null ? null : sell.orderId(), buyerId, sellerId, instrumentId, c.priceMinor(), c.quantity(),
                buy == null ? 0 : portion(buy, c.quantity()), sell == null ? 0 : portion(sell, c.quantity()),
                c.buyerCommissionBps(), c.sellerCommissionBps(), dueTime, c.time()));
    }

    /** The pool of an energy venue is the platform: the registry's exchange account. */
    private boolean isPlatform(String participantId) {
        return config.exchangeAccountId().equals(participantId);
    }

    private static void commissionRate(Integer bps, String side) {
        require(bps == null || bps >= 0 && bps <= LedgerConfig.BPS, ReasonCode.INVALID_COMMISSION_RATE,
                side + " commission " + bps + " bps is not within 0.." + LedgerConfig.BPS);
    }

    /**
     * What taking {@code quantity} (null or more than remains: all that remains) off an open order releases:
     * {quantity, cash, locked quantity}. All of it releases the whole lock; part of it the deposit's pro-rata share
     * (as a fill would move) and, for a sell that locked quantity, those units.
     */
    private static long[] reduction(LedgerState s, OpenOrder o, Long quantity) {
        long q = quantity == null ? o.remaining() : Math.min(quantity, o.remaining());
        Guards.positiveQuantity(q, "quantity");
        Lock l = s.lock(Lock.orderLockId(o.orderId())).orElseThrow();
        if (q == o.remaining()) {
            return new long[] {q, l.cashMinor(), l.quantity()};
        }
        return new long[] {q, portion(o, q), l.quantity() > 0 ? q : 0};
    }

    private static long portion(OpenOrder o, long fill) {
        return Amounts.proRata(o.depositLockedMinor(), o.depositRemainingMinor(), fill, o.quantity(),
                fill == o.remaining());
    }

    private static OpenOrder openOrder(LedgerState s, String orderId) {
        Guards.id(orderId, "orderId");
        require(s.wasAccepted(orderId), ReasonCode.UNKNOWN_ORDER, "no accepted order " + orderId);
        return s.openOrder(orderId).orElseThrow(() -> new Refusal(ReasonCode.ORDER_NOT_OPEN,
                orderId + " is no longer open"));
    }
}
