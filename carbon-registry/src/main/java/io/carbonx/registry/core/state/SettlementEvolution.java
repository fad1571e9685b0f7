package io.carbonx.registry.core.state;

import io.carbonx.events.InstrumentKind;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRegistered;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRejected;
import io.carbonx.registry.core.event.LedgerEvent.DefaultRecorded;
import io.carbonx.registry.core.event.LedgerEvent.DepositForfeited;
import io.carbonx.registry.core.event.LedgerEvent.SettlementWindowClosed;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import io.carbonx.registry.core.event.LedgerEvent.TradeUnwound;
import io.carbonx.registry.core.model.CalendarYears;
import io.carbonx.registry.core.model.TradeKind;

/** Evolution of agreements, settlement and default events. */
final class SettlementEvolution {
    private SettlementEvolution() {
    }

    static void register(Evolver ev) {
        ev.on(AgreementRegistered.class, SettlementEvolution::agreement);
        ev.on(AgreementRejected.class, (s, e) -> { });
        ev.on(TradeSettled.class, SettlementEvolution::settled);
        ev.on(DefaultRecorded.class, (s, e) -> s.requireAccount(e.defaulterId()).recordDefault(e.time()));
        ev.on(DepositForfeited.class, SettlementEvolution::forfeited);
        ev.on(TradeUnwound.class, SettlementEvolution::unwound);
        ev.on(SettlementWindowClosed.class, (s, e) -> {
            s.anyWindowClosed = true;
            s.lastWindowClose = e.time();
        });
    }

    static void addPending(LedgerState s, PendingTrade t) {
        if (!s.tradeIds.add(t.tradeId())) {
            throw new IllegalStateException("trade registered twice: " + t.tradeId());
        }
        s.pendingTrades.put(t.tradeId(), t);
        s.settlementQueue.put(new DueKey(t.dueTime(), t.sequence()), t.tradeId());
        s.tradeSequence++;
        s.requireAccount(t.buyerId()).mutablePendingTrades().add(t.tradeId());
        s.requireAccount(t.sellerId()).mutablePendingTrades().add(t.tradeId());
    }

    private static PendingTrade removePending(LedgerState s, String tradeId) {
        PendingTrade t = StateMath.present(s.pendingTrades.remove(tradeId), "pending trade " + tradeId);
        s.settlementQueue.remove(new DueKey(t.dueTime(), t.sequence()));
        s.requireAccount(t.buyerId()).mutablePendingTrades().remove(tradeId);
        s.requireAccount(t.sellerId()).mutablePendingTrades().remove(tradeId);
        return t;
    }

    private static void agreement(LedgerState s, AgreementRegistered e) {
        Locks.lockFromAvailable(s, Lock.buyerLockId(e.agreementId()), e.buyerId(), e.instrumentId(),
                e.buyerDepositMinor(), 0);
        Locks.lockFromAvailable(s, Lock.sellerLockId(e.agreementId()), e.sellerId(), e.instrumentId(),
                e.sellerDepositMinor(), 0);
        addPending(s, new PendingTrade(e.agreementId(), TradeKind.AGREEMENT, e.buyerId(), e.sellerId(),
                e.instrumentId(), e.priceMinor(), e.quantity(), e.settleAt(), s.tradeSequence, e.time(), null,
                null));
    }

    private static void settled(LedgerState s, TradeSettled e) {
        Lock buyerLock = Locks.require(s, Lock.buyerLockId(e.tradeId()));
        Lock sellerLock = Locks.require(s, Lock.sellerLockId(e.tradeId()));
        if (buyerLock.cashMinor() != e.buyerDepositAppliedMinor() + e.buyerDepositReleasedMinor()
                || sellerLock.cashMinor() != e.sellerDepositReleasedMinor()
                || sellerLock.quantity() != e.quantityFromLock()
                || e.notionalMinor() + e.buyerCommissionMinor() != e.buyerDepositAppliedMinor()
                        + e.buyerCashPaidMinor()) {
            throw new IllegalStateException("settlement amounts do not match the locks of " + e.tradeId());
        }
        removePending(s, e.tradeId());
        s.locks.remove(buyerLock.lockId());
        s.locks.remove(sellerLock.lockId());
        Account buyer = s.requireAccount(e.buyerId());
        Account seller = s.requireAccount(e.sellerId());
        Instrument i = StateMath.present(s.instruments.get(e.instrumentId()), "instrument " + e.instrumentId());
        buyer.addCash(Math.subtractExact(e.buyerDepositReleasedMinor(), e.buyerCashPaidMinor()));
        if (i.kind() != InstrumentKind.ENERGY) {
            buyer.addHolding(e.instrumentId(), e.quantity());
            seller.addHolding(e.instrumentId(), Math.subtractExact(e.quantityFromLock(), e.quantity()));
        } else if (e.quantityFromLock() > 0) {
            s.totals.delivered(e.instrumentId(), e.quantityFromLock()); // stored energy sold: out to the grid
        }
        seller.addCash(Math.addExact(e.notionalMinor() - e.commissionMinor(), e.sellerDepositReleasedMinor()));
        long commission = Math.addExact(e.commissionMinor(), e.buyerCommissionMinor());
        s.requireAccount(s.exchangeAccountId()).addCash(commission);
        s.totals.commission(commission);
        if (i.kind() == InstrumentKind.ALLOWANCE) {
            s.compliance.addTrade(CalendarYears.utcYearOf(e.tradeTime()), e.notionalMinor(), e.quantity());
        }
    }

    private static void forfeited(LedgerState s, DepositForfeited e) {
        PendingTrade t = StateMath.present(s.pendingTrades.get(e.tradeId()), "pending trade " + e.tradeId());
        String lockId = t.buyerId().equals(e.fromId()) ? Lock.buyerLockId(t.tradeId())
                : Lock.sellerLockId(t.tradeId());
        Lock l = Locks.require(s, lockId);
        if (l.cashMinor() != e.amountMinor()) {
            throw new IllegalStateException("forfeit of " + e.amountMinor() + " but deposit is " + l.cashMinor());
        }
        l.addCash(-e.amountMinor());
        s.requireAccount(e.toId()).addCash(e.amountMinor());
        s.totals.forfeited(e.amountMinor());
    }

    private static void unwound(LedgerState s, TradeUnwound e) {
        removePending(s, e.tradeId());
        Locks.releaseAll(s, Lock.buyerLockId(e.tradeId()), e.buyerCashReleasedMinor(), 0);
        Locks.releaseAll(s, Lock.sellerLockId(e.tradeId()), e.sellerCashReleasedMinor(), e.sellerQuantityReleased());
    }
}
