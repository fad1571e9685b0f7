package io.carbonx.registry.core.state;

import io.carbonx.events.Side;
import io.carbonx.registry.core.event.LedgerEvent.OrderAccepted;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.event.LedgerEvent.OrderExpired;
import io.carbonx.registry.core.event.LedgerEvent.OrderRejected;
import io.carbonx.registry.core.event.LedgerEvent.TradeRecorded;
import io.carbonx.registry.core.model.TradeKind;

/** Evolution of order and fill events. */
final class OrderEvolution {
    private OrderEvolution() {
    }

    static void register(Evolver ev) {
        ev.on(OrderAccepted.class, OrderEvolution::accepted);
        ev.on(OrderRejected.class, (s, e) -> { });
        ev.on(OrderCancelled.class, (s, e) -> close(s, e.orderId(), e.depositReleasedMinor(),
                e.quantityReleased(), e.cancelledQuantity()));
        ev.on(OrderExpired.class, (s, e) -> close(s, e.orderId(), e.depositReleasedMinor(),
                e.quantityReleased(), e.expiredQuantity()));
        ev.on(TradeRecorded.class, OrderEvolution::traded);
    }

    private static void accepted(LedgerState s, OrderAccepted e) {
        if (!s.acceptedOrderIds.add(e.orderId())) {
            throw new IllegalStateException("order accepted twice: " + e.orderId());
        }
        Locks.lockFromAvailable(s, Lock.orderLockId(e.orderId()), e.participantId(), e.instrumentId(),
                e.depositLockedMinor(), e.quantityLocked());
        s.openOrders.put(e.orderId(), new OpenOrder(e.orderId(), e.participantId(), e.instrumentId(), e.side(),
                e.priceMinor(), e.quantity(), e.depositLockedMinor()));
        s.requireAccount(e.participantId()).mutableOpenOrders().add(e.orderId());
    }

    /** Takes {@code taken} units off an order: all that remains closes it, less releases that part only. */
    private static void close(LedgerState s, String orderId, long cash, long quantity, long taken) {
        OpenOrder o = StateMath.present(s.openOrders.get(orderId), "open order " + orderId);
        if (taken < o.remaining()) {
            Locks.release(s, Lock.orderLockId(orderId), cash, quantity);
            o.fill(taken, cash);
            return;
        }
        s.openOrders.remove(orderId);
        Locks.releaseAll(s, Lock.orderLockId(orderId), cash, quantity);
        s.requireAccount(o.participantId()).mutableOpenOrders().remove(orderId);
    }

    /**
     * Moves the fill's deposit portions (and the seller's quantity, if its order locked some: every sell but an
     * ENERGY supply) from the
     * order locks into the trade locks. A side without an order (the pool of an energy venue) locks nothing.
     */
    private static void traded(LedgerState s, TradeRecorded e) {
        OpenOrder buy = e.buyOrderId() == null ? null
                : StateMath.present(s.openOrders.get(e.buyOrderId()), "open order " + e.buyOrderId());
        OpenOrder sell = e.sellOrderId() == null ? null
                : StateMath.present(s.openOrders.get(e.sellOrderId()), "open order " + e.sellOrderId());
        if (buy == null && sell == null || buy != null && buy.side() != Side.BUY
                || sell != null && sell.side() != Side.SELL) {
            throw new IllegalStateException("trade sides do not match orders: " + e.tradeId());
        }
        long delivered = sell != null && Locks.require(s, Lock.orderLockId(e.sellOrderId())).quantity() > 0
                ? e.quantity() : 0;
        Lock buyerLock = Locks.emptyLock(s, Lock.buyerLockId(e.tradeId()), e.buyerId(), e.instrumentId());
        Lock sellerLock = Locks.emptyLock(s, Lock.sellerLockId(e.tradeId()), e.sellerId(), e.instrumentId());
        if (buy != null) {
            Locks.require(s, Lock.orderLockId(e.buyOrderId())).addCash(-e.buyerDepositMinor());
            buyerLock.addCash(e.buyerDepositMinor());
            buy.fill(e.quantity(), e.buyerDepositMinor());
            closeIfFilled(s, buy);
        }
        if (sell != null) {
            Lock sellOrderLock = Locks.require(s, Lock.orderLockId(e.sellOrderId()));
            sellOrderLock.addCash(-e.sellerDepositMinor());
            sellOrderLock.addQuantity(-delivered);
            sellerLock.addCash(e.sellerDepositMinor());
            sellerLock.addQuantity(delivered);
            sell.fill(e.quantity(), e.sellerDepositMinor());
            closeIfFilled(s, sell);
        }
        SettlementEvolution.addPending(s, new PendingTrade(e.tradeId(), TradeKind.EXCHANGE, e.buyerId(),
                e.sellerId(), e.instrumentId(), e.priceMinor(), e.quantity(), e.dueTime(), s.tradeSequence,
                e.time(), e.buyerCommissionBps(), e.sellerCommissionBps()));
    }

    private static void closeIfFilled(LedgerState s, OpenOrder o) {
        if (o.remaining() == 0) {
            s.openOrders.remove(o.orderId());
            Locks.removeEmpty(s, Lock.orderLockId(o.orderId()));
            s.requireAccount(o.participantId()).mutableOpenOrders().remove(o.orderId());
        }
    }
}
