package io.carbonx.registry.core.command;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.events.Side;

/**
 * Commands to the ledger: plain data, with the logical time (ms) and every id supplied by the caller. The
 * {@code actorId} of a command is the authenticated participant acting; the ledger checks its role from its
 * account. Amounts are long minor units, quantities long whole tonnes.
 */
public sealed interface LedgerCommand {

    /** @return logical time of the command, ms since the epoch */
    long time();

    // ---------------------------------------------------------------- accounts

    /** Opens the account of a registered participant (from ParticipantRegistered). */
    record OpenAccount(String participantId, Role role, long time) implements LedgerCommand { }

    /** Sets the participant's credit grade (from CreditRatingChanged). */
    record ChangeCreditGrade(String participantId, CreditGrade grade, long time) implements LedgerCommand { }

    /** Credits cash; {@code reference} is the bank transfer id, unique. Repays penalty debt first. */
    record DepositFunds(String reference, String participantId, long amountMinor, long time)
            implements LedgerCommand { }

    /** Debits unlocked cash of an ACTIVE account; {@code reference} unique. */
    record WithdrawFunds(String reference, String participantId, long amountMinor, long time)
            implements LedgerCommand { }

    // ---------------------------------------------------------------- quotas

    /** Defines an instrument (REGULATOR): an allowance of a vintage, or an offset credit type. */
    record DefineInstrument(String actorId, String instrumentId, InstrumentKind kind, int vintage, long time)
            implements LedgerCommand { }

    /** Allocates allowances of an ALLOWANCE instrument to an enterprise (REGULATOR only). */
    record AllocateAllowances(String allocationId, String actorId, String participantId, String instrumentId,
                              long quantity, long time) implements LedgerCommand { }

    /**
     * Allowances won in a primary allocation auction (from the exchange's AuctionAllocated): credits
     * {@code quantity} of the ALLOWANCE instrument of that vintage and takes {@code amountMinor}
     * (= quantity x the uniform clearing price) from the winner's unlocked cash for the regulator's escrow account.
     */
    record AllocateAuctionWin(String allocationId, String auctionId, String participantId, String instrumentId,
                              int vintage, long quantity, long priceMinor, long amountMinor, long time)
            implements LedgerCommand { }

    /** Issues offsets with serials {@code serialFrom..serialTo} inclusive (REGULATOR only). */
    record IssueOffsets(String issuanceId, String actorId, String participantId, String instrumentId,
                        long serialFrom, long serialTo, long time) implements LedgerCommand { }

    // ---------------------------------------------------------------- orders

    /**
     * An order the exchange received; the ledger accepts it (locking) or rejects it. {@code storage}: a storage
     * offer (an ENERGY SELL of stored energy the participant holds, locked like an allowance sell).
     */
    record SubmitOrder(String orderId, String participantId, String instrumentId, Side side, long priceMinor,
                       long quantity, boolean storage, long time) implements LedgerCommand {
        /** An ordinary order (not a storage offer). */
        public SubmitOrder(String orderId, String participantId, String instrumentId, Side side, long priceMinor,
                           long quantity, long time) {
            this(orderId, participantId, instrumentId, side, priceMinor, quantity, false, time);
        }
    }

    /**
     * Cancels {@code quantity} of an open order (null: all that remains), releasing its share of the lock. A book
     * reports the quantity it took off the book; fills it made before may not be recorded yet (trades and order
     * outcomes travel on different topics), so the order stays open for them. {@code cause} is recorded on the
     * OrderCancelled: ACCOUNT_FROZEN when the book cancelled the order because the registry froze its account
     * (the registry asks the book to cancel; the book is the authority over what rests), else REQUESTED.
     */
    record CancelOrder(String orderId, Long quantity, io.carbonx.registry.core.model.CancelCause cause, long time)
            implements LedgerCommand {
        /** Cancels {@code quantity} (null: all that remains) at the participant's request. */
        public CancelOrder(String orderId, Long quantity, long time) {
            this(orderId, quantity, io.carbonx.registry.core.model.CancelCause.REQUESTED, time);
        }

        /** Cancels all that remains at the participant's request. */
        public CancelOrder(String orderId, long time) {
            this(orderId, null, time);
        }
    }

    /** Expires {@code quantity} of an open order (null: all that remains), as {@link CancelOrder}. */
    record ExpireOrder(String orderId, Long quantity, long time) implements LedgerCommand {
        /** Expires all that remains. */
        public ExpireOrder(String orderId, long time) {
            this(orderId, null, time);
        }
    }

    /**
     * A fill between an accepted buy and an accepted sell order (from TradeExecuted). On an ENERGY instrument one
     * side may be the pool (the platform, i.e. the exchange account): that side has no order, a null order id and
     * the exchange account as {@code buyerId}/{@code sellerId}. Commission rates are the venue's per side (pool
     * bidding varies them with priority); null is the registry's default (buyer 0, seller
     * {@code commissionBps}).
     */
    record RecordTrade(String tradeId, String buyOrderId, String sellOrderId, String buyerId, String sellerId,
                       long priceMinor, long quantity, Integer buyerCommissionBps, Integer sellerCommissionBps,
                       long time) implements LedgerCommand {

        /** A fill between two orders at the registry's default commission rates. */
        public RecordTrade(String tradeId, String buyOrderId, String sellOrderId, long priceMinor, long quantity,
                           long time) {
            this(tradeId, buyOrderId, sellOrderId, null, null, priceMinor, quantity, null, null, time);
        }
    }

    // ---------------------------------------------------------------- settlement and defaults

    /** A negotiated trade settling at {@code settleAt}; locks both parties' deposits now. */
    record RegisterAgreement(String agreementId, String buyerId, String sellerId, String instrumentId,
                             long priceMinor, long quantity, long settleAt, long time) implements LedgerCommand { }

    /**
     * Closes the settlement windows up to {@code time}: settles (or defaults) every pending trade due at or
     * before it, in due-time then registration order.
     */
    record CloseSettlementWindow(long time) implements LedgerCommand { }

    /** A default reported from outside (settlement bank, arbitration ruling) for a pending trade. */
    record ReportExternalDefault(String reportId, String actorId, DefaultKind kind, String tradeId,
                                 String defaulterId, long lossMinor, long time) implements LedgerCommand { }

    /** Freezes an ACTIVE account by regulator order. */
    record FreezeAccount(String actorId, String participantId, long time) implements LedgerCommand { }

    /** Unfreezes a FROZEN account without debt (REGULATOR). */
    record UnfreezeAccount(String actorId, String participantId, long time) implements LedgerCommand { }

    /** Cancels a FROZEN account without pending obligations (REGULATOR); terminal. */
    record CancelAccount(String actorId, String participantId, long time) implements LedgerCommand { }

    // ---------------------------------------------------------------- compliance

    /** Verified emissions of an enterprise for a year, in tonnes (VERIFIER only, once per year). */
    record RecordVerifiedEmissions(String actorId, String participantId, int year, long tonnes, long time)
            implements LedgerCommand { }

    /** Surrenders allowances (vintage <= year) or offsets (capped) against the year's obligation. */
    record SurrenderAllowances(String surrenderId, String participantId, int year, String instrumentId,
                               long quantity, long time) implements LedgerCommand { }

    /** Runs the annual compliance settlement of {@code year} (REGULATOR, years in sequence). */
    record RunAnnualSettlement(String actorId, int year, long time) implements LedgerCommand { }
}
