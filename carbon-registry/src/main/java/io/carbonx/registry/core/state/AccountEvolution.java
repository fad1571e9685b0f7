package io.carbonx.registry.core.state;

import io.carbonx.events.InstrumentKind;
import io.carbonx.registry.core.event.LedgerEvent.AccountCancelled;
import io.carbonx.registry.core.event.LedgerEvent.AccountFrozen;
import io.carbonx.registry.core.event.LedgerEvent.AccountOpened;
import io.carbonx.registry.core.event.LedgerEvent.AccountUnfrozen;
import io.carbonx.registry.core.event.LedgerEvent.CreditGradeChanged;
import io.carbonx.registry.core.event.LedgerEvent.FundsDeposited;
import io.carbonx.registry.core.event.LedgerEvent.FundsWithdrawn;
import io.carbonx.registry.core.event.LedgerEvent.InstrumentDefined;
import io.carbonx.registry.core.event.LedgerEvent.OffsetIssued;
import io.carbonx.registry.core.event.LedgerEvent.QuotaAllocated;
import io.carbonx.registry.core.model.AccountStatus;
import java.util.Map;

/** Evolution of accounts, cash and quota creation events. */
final class AccountEvolution {
    private AccountEvolution() {
    }

    static void register(Evolver ev) {
        ev.on(AccountOpened.class, AccountEvolution::opened);
        ev.on(CreditGradeChanged.class, (s, e) -> s.requireAccount(e.participantId()).grade(e.grade()));
        ev.on(FundsDeposited.class, AccountEvolution::deposited);
        ev.on(FundsWithdrawn.class, AccountEvolution::withdrawn);
        ev.on(AccountFrozen.class, (s, e) -> s.requireAccount(e.participantId()).status(AccountStatus.FROZEN));
        ev.on(AccountUnfrozen.class, (s, e) -> s.requireAccount(e.participantId()).status(AccountStatus.ACTIVE));
        ev.on(AccountCancelled.class, AccountEvolution::cancelled);
        ev.on(InstrumentDefined.class, (s, e) -> s.instruments.put(e.instrumentId(),
                new Instrument(e.instrumentId(), e.kind(), e.vintage())));
        ev.on(QuotaAllocated.class, AccountEvolution::allocated);
        ev.on(OffsetIssued.class, AccountEvolution::issued);
    }

    private static void opened(LedgerState s, AccountOpened e) {
        if (s.accounts.containsKey(e.participantId())) {
            throw new IllegalStateException("account exists: " + e.participantId());
        }
        s.accounts.put(e.participantId(), new Account(e.participantId(), e.role(), false));
    }

    private static void deposited(LedgerState s, FundsDeposited e) {
        Account a = s.requireAccount(e.participantId());
        a.addDebt(-e.debtRepaidMinor());
        a.addCash(Math.subtractExact(e.amountMinor(), e.debtRepaidMinor()));
        s.totals.deposited(e.amountMinor(), e.debtRepaidMinor());
        s.usedReferences.add(LedgerState.referenceKey("deposit", e.reference()));
    }

    private static void withdrawn(LedgerState s, FundsWithdrawn e) {
        s.requireAccount(e.participantId()).addCash(-e.amountMinor());
        s.totals.withdrawn(e.amountMinor());
        s.usedReferences.add(LedgerState.referenceKey("withdrawal", e.reference()));
    }

    private static void cancelled(LedgerState s, AccountCancelled e) {
        Account a = s.requireAccount(e.participantId());
        Account escrow = s.requireAccount(e.escrowAccountId());
        a.addCash(-e.cashMovedMinor());
        escrow.addCash(e.cashMovedMinor());
        for (Map.Entry<String, Long> h : e.holdingsMoved().entrySet()) {
            a.addHolding(h.getKey(), -h.getValue());
            escrow.addHolding(h.getKey(), h.getValue());
        }
        a.status(AccountStatus.CANCELLED);
    }

    private static void allocated(LedgerState s, QuotaAllocated e) {
        Account a = s.requireAccount(e.participantId());
        a.addHolding(e.instrumentId(), e.credited());
        if (e.paidMinor() != 0) {
            a.addCash(-e.paidMinor());
            s.requireAccount(s.escrowAccountId()).addCash(e.paidMinor());
        }
        s.compliance.addPendingDeduction(e.participantId(), e.vintage(), -e.deducted());
        s.totals.created(e.instrumentId(), e.credited());
        s.usedReferences.add(LedgerState.referenceKey("allocation", e.allocationId()));
    }

    private static void issued(LedgerState s, OffsetIssued e) {
        Instrument i = StateMath.present(s.instruments.get(e.instrumentId()), "instrument " + e.instrumentId());
        if (i.kind() != InstrumentKind.OFFSET) {
            throw new IllegalStateException("offsets issued on " + i);
        }
        s.requireAccount(e.participantId()).addHolding(e.instrumentId(), e.quantity());
        s.issuedRanges.put(e.serialFrom(),
                new IssuedRange(e.serialFrom(), e.serialTo(), e.instrumentId(), e.issuanceId()));
        s.totals.created(e.instrumentId(), e.quantity());
        s.usedReferences.add(LedgerState.referenceKey("issuance", e.issuanceId()));
    }
}
