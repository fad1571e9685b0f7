package io.carbonx.registry.journal;

import io.carbonx.commands.CancelAccount;
import io.carbonx.commands.DepositFunds;
import io.carbonx.commands.FreezeAccount;
import io.carbonx.commands.IssueOffsets;
import io.carbonx.commands.UnfreezeAccount;
import io.carbonx.commands.WithdrawFunds;
import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AccountOpened;
import io.carbonx.events.AccountUnfrozen;
import io.carbonx.events.CreditGradeChanged;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.FundsWithdrawn;
import io.carbonx.events.HoldingQuantity;
import io.carbonx.events.InstrumentDefined;
import io.carbonx.events.OffsetIssued;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.state.Instrument;
import io.carbonx.registry.core.state.LedgerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Journal encodings of the account and quota events. Field mappings that are not one-to-one:
 * <ul>
 *   <li>FundsDeposited/Withdrawn: {@code transferId} is the ledger reference; the bank reference comes from
 *       the command.</li>
 *   <li>AccountFrozen: {@code reasonCode} names the {@link FreezeReason} ({@link #freezeCode}); the cancelled
 *       order ids are the account's open orders before the freeze; the default or penalty that caused it is
 *       the last one of the same decision.</li>
 *   <li>AccountUnfrozen/Cancelled: the regulator is {@code envelope.actor}.</li>
 *   <li>QuotaAllocated: {@code quantity} is what was credited; requested = quantity + deductedQuantity.</li>
 * </ul>
 */
final class AccountEncodings {
    private AccountEncodings() {
    }

    static void register(EncoderTable t) {
        t.on(LedgerEvent.AccountOpened.class, (e, s, c) -> AccountOpened.newBuilder()
                .setEnvelope(c.nextEnvelope("AccountOpened", e.time())).setParticipantId(e.participantId())
                .setRole(e.role()).build());
        t.on(LedgerEvent.CreditGradeChanged.class, (e, s, c) -> CreditGradeChanged.newBuilder()
                .setEnvelope(c.nextEnvelope("CreditGradeChanged", e.time())).setParticipantId(e.participantId())
                .setPreviousGrade(e.previous()).setGrade(e.grade()).build());
        t.on(LedgerEvent.FundsDeposited.class, (e, s, c) -> {
            DepositFunds cmd = c.source(DepositFunds.class);
            return FundsDeposited.newBuilder().setEnvelope(c.nextEnvelope("FundsDeposited", e.time()))
                    .setTransferId(e.reference()).setParticipantId(e.participantId()).setAmountMinor(e.amountMinor())
                    .setBankReference(cmd == null ? "" : cmd.getBankReference())
                    .setDebtRepaidMinor(e.debtRepaidMinor()).build();
        });
        t.on(LedgerEvent.FundsWithdrawn.class, (e, s, c) -> {
            WithdrawFunds cmd = c.source(WithdrawFunds.class);
            return FundsWithdrawn.newBuilder().setEnvelope(c.nextEnvelope("FundsWithdrawn", e.time()))
                    .setTransferId(e.reference()).setParticipantId(e.participantId()).setAmountMinor(e.amountMinor())
                    .setBankReference(cmd == null ? "" : cmd.getBankReference()).build();
        });
        t.on(LedgerEvent.AccountFrozen.class, AccountEncodings::frozen);
        t.on(LedgerEvent.AccountUnfrozen.class, (e, s, c) -> {
            UnfreezeAccount cmd = c.source(UnfreezeAccount.class);
            return AccountUnfrozen.newBuilder().setEnvelope(c.nextEnvelope("AccountUnfrozen", e.time(), e.actorId()))
                    .setParticipantId(e.participantId()).setReason(cmd == null ? "" : cmd.getReason()).build();
        });
        t.on(LedgerEvent.AccountCancelled.class, AccountEncodings::cancelled);
        t.on(LedgerEvent.InstrumentDefined.class, (e, s, c) -> InstrumentDefined.newBuilder()
                .setEnvelope(c.nextEnvelope("InstrumentDefined", e.time())).setInstrumentId(e.instrumentId())
                .setKind(e.kind()).setVintage(e.vintage()).build());
        t.on(LedgerEvent.QuotaAllocated.class, (e, s, c) -> QuotaAllocated.newBuilder()
                .setEnvelope(c.nextEnvelope("QuotaAllocated", e.time())).setAllocationId(e.allocationId())
                .setParticipantId(e.participantId()).setInstrumentId(e.instrumentId()).setVintage(e.vintage())
                .setQuantity(e.credited()).setDeductedQuantity(e.deducted())
                .setSource(e.source()).setReferenceId(e.referenceId()).setPaidMinor(e.paidMinor()).build());
        t.on(LedgerEvent.OffsetIssued.class, (e, s, c) -> {
            IssueOffsets cmd = c.source(IssueOffsets.class);
            int vintage = s.instrument(e.instrumentId()).map(Instrument::vintage).orElse(0);
            return OffsetIssued.newBuilder().setEnvelope(c.nextEnvelope("OffsetIssued", e.time()))
                    .setIssuanceId(e.issuanceId()).setParticipantId(e.participantId())
                    .setInstrumentId(e.instrumentId()).setProjectId(cmd == null ? "" : cmd.getProjectId())
                    .setVintage(vintage).setSerialFrom(e.serialFrom()).setSerialTo(e.serialTo())
                    .setQuantity(e.quantity()).build();
        });
    }

    private static AccountFrozen frozen(LedgerEvent.AccountFrozen e, LedgerState s, DecisionContext c) {
        List<String> open = new ArrayList<>(s.account(e.participantId()).orElseThrow().openOrderIds());
        boolean byDefault = e.reason() == FreezeReason.DEPOSIT_SHORTFALL || e.reason() == FreezeReason.REPEATED_DEFAULTS;
        FreezeAccount cmd = c.source(FreezeAccount.class);
        String actor = e.reason() == FreezeReason.REGULATOR_ORDER && cmd != null ? c.actor()
                : DecisionContext.REGISTRY_ACTOR;
        return AccountFrozen.newBuilder().setEnvelope(c.nextEnvelope("AccountFrozen", e.time(), actor))
                .setParticipantId(e.participantId()).setReasonCode(freezeCode(e.reason()))
                .setDefaultId(byDefault ? c.lastDefaultId() : null)
                .setPenaltyId(e.reason() == FreezeReason.PENALTY_DEBT ? c.lastPenaltyId() : null)
                .setCancelledOrderIds(open).build();
    }

    private static AccountCancelled cancelled(LedgerEvent.AccountCancelled e, LedgerState s, DecisionContext c) {
        List<HoldingQuantity> moved = new ArrayList<>();
        e.holdingsMoved().forEach((instrument, quantity) -> moved.add(new HoldingQuantity(instrument, quantity)));
        CancelAccount cmd = c.source(CancelAccount.class);
        return AccountCancelled.newBuilder().setEnvelope(c.nextEnvelope("AccountCancelled", e.time(), e.actorId()))
                .setParticipantId(e.participantId()).setEscrowAccountId(e.escrowAccountId())
                .setMovedHoldings(moved).setMovedCashMinor(e.cashMovedMinor())
                .setReason(cmd == null ? "" : cmd.getReason()).build();
    }

    /**
     * @param reason a freeze reason
     * @return the reason code the public AccountFrozen event uses for it
     */
    static String freezeCode(FreezeReason reason) {
        return switch (reason) {
            case DEPOSIT_SHORTFALL -> "UNCOVERED_LOSS";
            case REPEATED_DEFAULTS -> "REPEATED_DEFAULTS";
            case PENALTY_DEBT -> "PENALTY_DEBT";
            case REGULATOR_ORDER -> "REGULATOR_DECISION";
        };
    }

    /**
     * @param code a public AccountFrozen reason code
     * @return the freeze reason
     * @throws IllegalArgumentException for an unknown code
     */
    static FreezeReason freezeReason(String code) {
        for (FreezeReason r : FreezeReason.values()) {
            if (freezeCode(r).equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown freeze reason code " + code);
    }
}
