package io.carbonx.registry.core.event;

import io.carbonx.events.AllocationSource;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.model.CancelCause;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.model.PenaltyBasis;
import io.carbonx.registry.core.model.ShortfallTreatment;
import io.carbonx.registry.core.model.TradeKind;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Facts the ledger emits; its state is the fold of these events from the genesis state. Every amount the
 * decision derived (deposits, pro-rata portions, commissions, penalties) is in the event, so applying an
 * event needs no configuration and no arithmetic choices. Envelope fields (event id, cause, actor) are the
 * adapter's: it derives them from the command.
 */
public sealed interface LedgerEvent {

    // ---------------------------------------------------------------- accounts

    /** An account was opened (ACTIVE, grade UNRATED, no cash or holdings). */
    record AccountOpened(String participantId, Role role, long time) implements LedgerEvent { }

    /** The participant's credit grade changed. */
    record CreditGradeChanged(String participantId, CreditGrade previous, CreditGrade grade, long time)
            implements LedgerEvent { }

    /** Cash credited: {@code debtRepaidMinor} of it repaid penalty debt, the rest became available cash. */
    record FundsDeposited(String reference, String participantId, long amountMinor, long debtRepaidMinor,
                          long time) implements LedgerEvent { }

    /** Unlocked cash paid out. */
    record FundsWithdrawn(String reference, String participantId, long amountMinor, long time)
            implements LedgerEvent { }

    /** Account frozen; OrderCancelled events for its open orders follow. */
    record AccountFrozen(String participantId, FreezeReason reason, long time) implements LedgerEvent { }

    /** Account active again. */
    record AccountUnfrozen(String participantId, String actorId, long time) implements LedgerEvent { }

    /** Account cancelled; its cash and holdings moved to the escrow account. */
    record AccountCancelled(String participantId, String actorId, String escrowAccountId, long cashMovedMinor,
                            SortedMap<String, Long> holdingsMoved, long time) implements LedgerEvent {
        /** Immutable sorted copy of the holdings. */
        public AccountCancelled {
            holdingsMoved = Collections.unmodifiableSortedMap(new TreeMap<>(holdingsMoved));
        }
    }

    // ---------------------------------------------------------------- quotas

    /** An instrument exists from now on. */
    record InstrumentDefined(String instrumentId, InstrumentKind kind, int vintage, long time)
            implements LedgerEvent { }

    /**
     * Allowances allocated: {@code credited = requested - deducted}; deducted settles a pending deduction. A
     * FREE_ALLOCATION pays nothing; a PRIMARY_AUCTION win ({@code referenceId} = the auction) moves
     * {@code paidMinor} from the participant's cash to the regulator's escrow account.
     */
    record QuotaAllocated(String allocationId, String participantId, String instrumentId, int vintage,
                          long requested, long deducted, long credited, AllocationSource source, String referenceId,
                          long paidMinor, long time) implements LedgerEvent { }

    /** Offsets issued with serials serialFrom..serialTo inclusive; quantity = serialTo - serialFrom + 1. */
    record OffsetIssued(String issuanceId, String participantId, String instrumentId, long serialFrom,
                        long serialTo, long quantity, long time) implements LedgerEvent { }

    // ---------------------------------------------------------------- orders

    /** Order accepted; lock {@code order/<orderId>} holds depositLockedMinor cash and quantityLocked units. */
    record OrderAccepted(String orderId, String participantId, String instrumentId, Side side, long priceMinor,
                         long quantity, long depositLockedMinor, long quantityLocked, long time)
            implements LedgerEvent { }

    /** Order refused; changes no state. */
    record OrderRejected(String orderId, String participantId, ReasonCode reason, long time)
            implements LedgerEvent { }

    /**
     * {@code cancelledQuantity} of an order was cancelled and its share of the lock released to the owner. When it
     * is the order's whole remaining quantity, the order closes; when it is less (the book cancelled its rest
     * before the registry recorded fills the book made first), the order stays open for those fills.
     */
    record OrderCancelled(String orderId, String participantId, long depositReleasedMinor, long quantityReleased,
                          CancelCause cause, long cancelledQuantity, long time) implements LedgerEvent { }

    /** {@code expiredQuantity} of an order expired and its share of the lock was released, as for a cancel. */
    record OrderExpired(String orderId, String participantId, long depositReleasedMinor, long quantityReleased,
                        long expiredQuantity, long time) implements LedgerEvent { }

    /**
     * A fill: the given portions move from the order locks into the trade locks {@code trade/<id>/buyer} and
     * {@code trade/<id>/seller} (with the seller's quantity, except on an ENERGY instrument, where nothing but cash
     * is locked); due at {@code dueTime}. On an ENERGY instrument one order id may be null: that side is the pool
     * (the exchange account), which locks nothing. The commission rates are the venue's (null = registry default).
     */
    record TradeRecorded(String tradeId, String buyOrderId, String sellOrderId, String buyerId, String sellerId,
                         String instrumentId, long priceMinor, long quantity, long buyerDepositMinor,
                         long sellerDepositMinor, Integer buyerCommissionBps, Integer sellerCommissionBps,
                         long dueTime, long time) implements LedgerEvent { }

    // ---------------------------------------------------------------- settlement and defaults

    /** Agreement registered: both deposits locked in the trade locks, nothing else. */
    record AgreementRegistered(String agreementId, String buyerId, String sellerId, String instrumentId,
                               long priceMinor, long quantity, long buyerDepositMinor, long sellerDepositMinor,
                               long settleAt, long time) implements LedgerEvent { }

    /** Agreement refused; changes no state. */
    record AgreementRejected(String agreementId, ReasonCode reason, String detail, long time)
            implements LedgerEvent { }

    /**
     * Delivery versus payment: quantity seller→buyer (from the seller's lock for exchange trades, from its
     * available holdings for agreements; nothing for an ENERGY instrument, whose energy is delivered through the
     * grid); the buyer pays the notional plus its commission from its trade deposit (buyerDepositAppliedMinor)
     * and available cash (buyerCashPaidMinor), the rest of its deposit is released; the seller receives
     * notional - commission ({@code commissionMinor}, the seller's) plus its released deposit; both commissions
     * go to the exchange account.
     */
    record TradeSettled(String tradeId, TradeKind kind, String buyerId, String sellerId, String instrumentId,
                        long quantity, long priceMinor, long notionalMinor, long commissionMinor,
                        long buyerCommissionMinor,
                        long buyerDepositAppliedMinor, long buyerCashPaidMinor, long buyerDepositReleasedMinor,
                        long sellerDepositReleasedMinor, long quantityFromLock, long tradeTime, long time)
            implements LedgerEvent { }

    /** A default on a pending trade; DepositForfeited and TradeUnwound follow. */
    record DefaultRecorded(String tradeId, String defaulterId, String counterpartyId, DefaultKind kind,
                           long amountMinor, long lossMinor, long time) implements LedgerEvent { }

    /** The defaulter's deposit for the trade (all the cash in its trade lock) paid to the counterparty. */
    record DepositForfeited(String tradeId, String fromId, String toId, long amountMinor, long time)
            implements LedgerEvent { }

    /** The trade is void: whatever is left in both trade locks returns to its owner. */
    record TradeUnwound(String tradeId, String buyerId, String sellerId, long buyerCashReleasedMinor,
                        long sellerCashReleasedMinor, long sellerQuantityReleased, long time)
            implements LedgerEvent { }

    /** Due trades up to {@code time} were settled or defaulted. */
    record SettlementWindowClosed(long time, int settled, int defaulted) implements LedgerEvent { }

    // ---------------------------------------------------------------- compliance

    /** Verified emissions of an enterprise for a year. */
    record EmissionsVerified(String participantId, int year, long tonnes, String verifierId, long time)
            implements LedgerEvent { }

    /** Units surrendered against a year's obligation (retired: they leave holdings for good). */
    record AllowancesSurrendered(String surrenderId, String participantId, int year, String instrumentId,
                                 boolean offset, long quantity, long time) implements LedgerEvent { }

    /** A year's result for one enterprise; obligation = emissions + carriedIn. */
    record ComplianceSettled(String participantId, int year, long emissions, long carriedIn, long obligation,
                             long surrendered, long shortfall, ShortfallTreatment treatment, long time)
            implements LedgerEvent { }

    /** Penalty for a shortfall: paid from available cash, the rest recorded as debt. */
    record PenaltyApplied(String participantId, int year, long shortfall, PenaltyBasis basis,
                          long pricePerTonneMinor, long penaltyMinor, long paidMinor, long debtMinor, long time)
            implements LedgerEvent { }

    /** The year is settled; no more emissions, surrenders or settlement for it. */
    record AnnualSettlementCompleted(int year, int enterprises, long time) implements LedgerEvent { }
}
