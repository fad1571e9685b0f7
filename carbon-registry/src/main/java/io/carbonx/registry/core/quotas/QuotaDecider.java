package io.carbonx.registry.core.quotas;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.AllocationSource;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.DeciderTable;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.Refusal;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAuctionWin;
import io.carbonx.registry.core.command.LedgerCommand.DefineInstrument;
import io.carbonx.registry.core.command.LedgerCommand.IssueOffsets;
import io.carbonx.registry.core.event.LedgerEvent.InstrumentDefined;
import io.carbonx.registry.core.event.LedgerEvent.OffsetIssued;
import io.carbonx.registry.core.event.LedgerEvent.QuotaAllocated;
import io.carbonx.registry.core.model.CalendarYears;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.Instrument;
import io.carbonx.registry.core.state.LedgerState;

/**
 * Quotas use case: instruments, allocation of allowances and issuance of offsets, all by a REGULATOR, and the
 * allowances won in the regulator's primary allocation auction (paid for at the clearing price).
 * <ul>
 *   <li>Instruments are ALLOWANCE (of a vintage), OFFSET (of an issuance year) or ENERGY (a product traded by pool
 *       bidding, of a year: traded and settled in cash, never issued or surrendered; an allocation of ENERGY
 *       records energy stored in a participant's storage device, metered and attested by the regulator: the only
 *       energy ever held here, which the operator offers in storage offers and which leaves with their sales).
 *   <li>An allocation of vintage V first settles the enterprise's pending deduction for V (a shortfall
 *       treated as "deducted from next year's allocation"): {@code credited = requested - deducted}.
 *   <li>Offsets are issued with a serial range; a serial can never be issued twice: a range sharing any serial
 *       with any earlier range (of any offset instrument) is refused with SERIAL_ALREADY_ISSUED. Serials guard
 *       issuance only; once held, offsets of one instrument are fungible quantities.
 * </ul>
 */
public final class QuotaDecider {
    private QuotaDecider() {
    }

    /**
     * @param table  decider table
     * @param config rules
     */
    public static void register(DeciderTable table, LedgerConfig config) {
        table.on(DefineInstrument.class, QuotaDecider::define);
        table.on(AllocateAllowances.class, QuotaDecider::allocate);
        table.on(AllocateAuctionWin.class, QuotaDecider::auctionWin);
        table.on(IssueOffsets.class, QuotaDecider::issue);
    }

    private static void define(DefineInstrument c, LedgerState s, Emitter out) {
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        Guards.id(c.instrumentId(), "instrumentId");
        InstrumentKind kind = Guards.present(c.kind(), "kind");
        require(CalendarYears.isValid(c.vintage()), ReasonCode.INVALID_YEAR, "vintage " + c.vintage());
        require(s.instrument(c.instrumentId()).isEmpty(), ReasonCode.INSTRUMENT_EXISTS,
                c.instrumentId() + " exists");
        out.emit(new InstrumentDefined(c.instrumentId(), kind, c.vintage(), c.time()));
    }

    private static void allocate(AllocateAllowances c, LedgerState s, Emitter out) {
        Guards.freshReference(s, "allocation", c.allocationId());
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        Guards.positiveQuantity(c.quantity(), "quantity");
        Instrument i = Guards.instrument(s, c.instrumentId());
        require(i.kind() == InstrumentKind.ALLOWANCE || i.kind() == InstrumentKind.ENERGY,
                ReasonCode.INSTRUMENT_KIND_MISMATCH, c.instrumentId() + " is not an allowance or energy");
        Account a = Guards.enterprise(s, c.participantId());
        Guards.notCancelled(a);
        long deducted = i.kind() == InstrumentKind.ENERGY ? 0
                : Math.min(c.quantity(), s.compliance().pendingDeduction(a.id(), i.vintage()));
        long credited = c.quantity() - deducted;
        Amounts.add(a.holding(i.instrumentId()), credited);
        Amounts.add(s.totals().created().getOrDefault(i.instrumentId(), 0L), credited);
        out.emit(new QuotaAllocated(c.allocationId(), a.id(), i.instrumentId(), i.vintage(), c.quantity(),
                deducted, credited, AllocationSource.FREE_ALLOCATION, null, 0, c.time()));
    }

    /**
     * A primary-auction win: no regulator actor (the exchange's auction result is the authority, the regulator
     * ran the auction); the instrument is an ALLOWANCE of the stated vintage, the amount is exactly
     * price x quantity and the winner, an enterprise that is not cancelled, pays it from unlocked cash. Auction
     * wins are not subject to a pending deduction (that applies to free allocation).
     */
    private static void auctionWin(AllocateAuctionWin c, LedgerState s, Emitter out) {
        Guards.freshReference(s, "allocation", c.allocationId());
        Guards.id(c.auctionId(), "auctionId");
        Guards.positiveQuantity(c.quantity(), "quantity");
        Guards.positivePrice(c.priceMinor());
        Instrument i = Guards.instrument(s, c.instrumentId());
        require(i.kind() == InstrumentKind.ALLOWANCE, ReasonCode.INSTRUMENT_KIND_MISMATCH,
                c.instrumentId() + " is not an allowance");
        require(i.vintage() == c.vintage(), ReasonCode.INSTRUMENT_MISMATCH,
                c.instrumentId() + " is vintage " + i.vintage() + ", the auction sold " + c.vintage());
        long amount = Amounts.notional(c.priceMinor(), c.quantity());
        require(amount == c.amountMinor(), ReasonCode.AMOUNT_MISMATCH,
                "amount " + c.amountMinor() + " != " + c.priceMinor() + " x " + c.quantity());
        Account a = Guards.enterprise(s, c.participantId());
        Guards.notCancelled(a);
        require(a.cashMinor() >= amount, ReasonCode.INSUFFICIENT_AVAILABLE_CASH,
                a.id() + " has " + a.cashMinor() + " unlocked, the allocation costs " + amount);
        Amounts.add(a.holding(i.instrumentId()), c.quantity());
        Amounts.add(s.totals().created().getOrDefault(i.instrumentId(), 0L), c.quantity());
        out.emit(new QuotaAllocated(c.allocationId(), a.id(), i.instrumentId(), i.vintage(), c.quantity(), 0,
                c.quantity(), AllocationSource.PRIMARY_AUCTION, c.auctionId(), amount, c.time()));
    }

    private static void issue(IssueOffsets c, LedgerState s, Emitter out) {
        Guards.freshReference(s, "issuance", c.issuanceId());
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        require(c.serialFrom() >= 0 && c.serialTo() >= c.serialFrom(), ReasonCode.INVALID_SERIAL_RANGE,
                "serials " + c.serialFrom() + ".." + c.serialTo());
        long quantity = Amounts.add(c.serialTo() - c.serialFrom(), 1);
        Instrument i = Guards.instrument(s, c.instrumentId());
        require(i.kind() == InstrumentKind.OFFSET, ReasonCode.INSTRUMENT_KIND_MISMATCH,
                c.instrumentId() + " is not an offset");
        Account a = Guards.enterprise(s, c.participantId());
        Guards.notCancelled(a);
        s.overlappingRange(c.serialFrom(), c.serialTo()).ifPresent(r -> {
            throw new Refusal(ReasonCode.SERIAL_ALREADY_ISSUED, "serials " + r.from() + ".." + r.to()
                    + " were issued by " + r.issuanceId());
        });
        Amounts.add(a.holding(i.instrumentId()), quantity);
        Amounts.add(s.totals().created().getOrDefault(i.instrumentId(), 0L), quantity);
        out.emit(new OffsetIssued(c.issuanceId(), a.id(), i.instrumentId(), c.serialFrom(), c.serialTo(),
                quantity, c.time()));
    }
}
