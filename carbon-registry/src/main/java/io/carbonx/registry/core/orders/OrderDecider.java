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
 *   <li>Cancel/expire release exactly what the order lock still holds.
 *   <li>A fill moves a pro-rata portion of each order's deposit (and the seller's filled quantity) into the
 *       trade's locks: {@code floor(deposit x fillQty / orderQty)}, the last fill takes the remainder, so the
 *       portions sum to the deposit exactly ({@link Amounts#proRata}). The trade is due at the end of its
 *       settlement window.
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
            Lock l = s.lock(Lock.orderLockId(o.orderId())).orElseThrow();
            out.emit(new OrderCancelled(o.orderId(), o.participantId(), l.cashMinor(), l.quantity(),
                    CancelCause.REQUESTED, c.time()));
        });
        table.on(ExpireOrder.class, (c, s, out) -> {
            OpenOrder o = openOrder(s, c.orderId());
            Lock l = s.lock(Lock.orderLockId(o.orderId())).orElseThrow();
            out.emit(new OrderExpired(o.orderId(), o.participantId(), l.cashMinor(), l.quantity(), c.time()));
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
        if (side == Side.SELL) {
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
        OpenOrder buy = openOrder(s, c.buyOrderId());
        OpenOrder sell = openOrder(s, c.sellOrderId());
        require(buy.side() == Side.BUY && sell.side() == Side.SELL, ReasonCode.SIDE_MISMATCH,
                c.buyOrderId() + " is " + buy.side() + ", " + c.sellOrderId() + " is " + sell.side());
        require(buy.instrumentId().equals(sell.instrumentId()), ReasonCode.INSTRUMENT_MISMATCH,
                buy.instrumentId() + " vs " + sell.instrumentId());
        require(!buy.participantId().equals(sell.participantId()), ReasonCode.SELF_TRADE,
                buy.participantId() + " on both sides");
        require(c.quantity() <= buy.remaining() && c.quantity() <= sell.remaining(),
                ReasonCode.FILL_EXCEEDS_REMAINING, "fill " + c.quantity() + " > remaining "
                        + Math.min(buy.remaining(), sell.remaining()));
        require(c.priceMinor() <= buy.priceMinor() && c.priceMinor() >= sell.priceMinor(),
                ReasonCode.PRICE_OUTSIDE_LIMIT, "price " + c.priceMinor() + " outside " + sell.priceMinor()
                        + ".." + buy.priceMinor());
        long window = config.settlementWindowMs();
        long dueTime;
        try {
            dueTime = Math.multiplyExact(c.time() / window + 1, window);
        } catch (ArithmeticException e) {
            throw new Refusal(ReasonCode.ARITHMETIC_OVERFLOW, "due time overflows");
        }
        out.emit(new TradeRecorded(c.tradeId(), buy.orderId(), sell.orderId(), buy.participantId(),
                sell.participantId(), buy.instrumentId(), c.priceMinor(), c.quantity(), portion(buy, c.quantity()),
                portion(sell, c.quantity()), dueTime, c.time()));
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
