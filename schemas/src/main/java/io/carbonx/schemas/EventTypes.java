package io.carbonx.schemas;

import io.carbonx.chain.BlockHeader;
import io.carbonx.commands.AllocateAllowances;
import io.carbonx.commands.ApproveRegistration;
import io.carbonx.commands.CancelAccount;
import io.carbonx.commands.DefineInstrument;
import io.carbonx.commands.DepositFunds;
import io.carbonx.commands.FreezeAccount;
import io.carbonx.commands.IssueOffsets;
import io.carbonx.commands.RecordEmissions;
import io.carbonx.commands.RegisterParticipant;
import io.carbonx.commands.RejectRegistration;
import io.carbonx.commands.RevokeCertificate;
import io.carbonx.commands.RunAnnualSettlement;
import io.carbonx.commands.SurrenderAllowances;
import io.carbonx.commands.UnfreezeAccount;
import io.carbonx.commands.WithdrawFunds;
import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AccountOpened;
import io.carbonx.events.AccountUnfrozen;
import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AgreementRejected;
import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AllowancesSurrendered;
import io.carbonx.events.AnnualSettlementCompleted;
import io.carbonx.events.AuctionAllocated;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionCloseRequested;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.BlockTimestamped;
import io.carbonx.events.CertificateRevoked;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.CommandDecided;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.CreditGradeChanged;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DefaultReported;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.DepositLocked;
import io.carbonx.events.DepositReleased;
import io.carbonx.events.EmissionsVerified;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.FundsWithdrawn;
import io.carbonx.events.InstrumentDefined;
import io.carbonx.events.OffsetIssued;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderReplaceRequested;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.events.RegistrationRejected;
import io.carbonx.events.RegistrationSubmitted;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.SettlementWindowClosed;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeRecorded;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeUnwound;
import io.carbonx.events.ViewChanged;
import io.carbonx.requests.AgreementTerms;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.requests.ReplaceRequest;
import io.carbonx.requests.SurrenderRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one list of every record type in the CarbonX contract. Anything that enumerates types (the codec's schema
 * store, the topic catalogue, the round-trip and compatibility tests) starts here, so a type missing here is
 * missing everywhere and the tests say so.
 *
 * <ul>
 *   <li>{@link #events()}: event records ({@code io.carbonx.events}); the first field of each is
 *       {@code envelope} ({@link EventEnvelope}) and {@code envelope.type} is the record's simple name.</li>
 *   <li>{@link #commands()}: commands to the registry ({@code io.carbonx.commands}); like events they start with
 *       {@code envelope} (eventId = the command id, actor = the authenticated participant), and
 *       {@code envelope.type} is the record's simple name.</li>
 *   <li>{@link #requests()}: participant-signed requests ({@code io.carbonx.requests}); their single-object
 *       encoding is the byte string that is signed, and is kept verbatim inside the event that carries it.</li>
 *   <li>{@link #chainRecords()}: {@link BlockHeader}, whose single-object encoding is what the block hash covers.</li>
 * </ul>
 *
 * <p>All lists are immutable and in a fixed order (the DESIGN.md §3 catalogue first, then the additional events).
 */
public final class EventTypes {

    private static final List<Class<? extends SpecificRecord>> EVENTS = List.of(
            // DESIGN.md §3 catalogue, in its order
            ParticipantRegistered.class, CertificateRevoked.class, QuotaAllocated.class, OffsetIssued.class,
            FundsDeposited.class, FundsWithdrawn.class, OrderSubmitted.class, OrderAccepted.class,
            OrderRejected.class, OrderCancelled.class, OrderExpired.class, TradeExecuted.class,
            AuctionCleared.class, AgreementRegistered.class, DepositLocked.class, DepositReleased.class,
            TradeSettled.class, DefaultRecorded.class, DepositForfeited.class, AccountFrozen.class,
            AccountUnfrozen.class, AccountCancelled.class, EmissionsVerified.class, AllowancesSurrendered.class,
            ComplianceSettled.class, PenaltyApplied.class, CreditRatingChanged.class, BlockCommitted.class,
            ViewChanged.class,
            // additional events the flows need
            OrderCancelRequested.class, OrderReplaceRequested.class, AgreementRejected.class,
            DefaultReported.class, BlockTimestamped.class, RequestRejected.class, DeadLetter.class,
            ClockTicked.class,
            // the registry's journal-only decisions and its command replies
            AccountOpened.class, CreditGradeChanged.class, InstrumentDefined.class, TradeRecorded.class,
            TradeUnwound.class, SettlementWindowClosed.class, AnnualSettlementCompleted.class,
            RegistrationSubmitted.class, RegistrationRejected.class, CommandDecided.class,
            // the exchange's agreement and primary-auction flows
            AgreementSubmitted.class, AuctionScheduleRequested.class, AuctionBidRequested.class,
            AuctionCloseRequested.class, AuctionAllocated.class);

    private static final List<Class<? extends SpecificRecord>> COMMANDS = List.of(
            DepositFunds.class, WithdrawFunds.class, AllocateAllowances.class, IssueOffsets.class,
            RecordEmissions.class, SurrenderAllowances.class, RunAnnualSettlement.class, FreezeAccount.class,
            UnfreezeAccount.class, CancelAccount.class, RegisterParticipant.class, ApproveRegistration.class,
            RejectRegistration.class, RevokeCertificate.class, DefineInstrument.class);

    private static final List<Class<? extends SpecificRecord>> REQUESTS = List.of(
            OrderRequest.class, CancelRequest.class, ReplaceRequest.class, AgreementTerms.class,
            SurrenderRequest.class);

    private static final List<Class<? extends SpecificRecord>> CHAIN = List.of(BlockHeader.class);

    private static final List<Class<? extends SpecificRecord>> ALL;
    private static final Map<String, Class<? extends SpecificRecord>> EVENTS_BY_TYPE;

    static {
        List<Class<? extends SpecificRecord>> all = new ArrayList<>(EVENTS);
        all.addAll(COMMANDS);
        all.addAll(REQUESTS);
        all.addAll(CHAIN);
        ALL = Collections.unmodifiableList(all);
        Map<String, Class<? extends SpecificRecord>> byType = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : EVENTS) {
            if (byType.put(typeName(type), type) != null) {
                throw new IllegalStateException("two events named " + typeName(type));
            }
        }
        EVENTS_BY_TYPE = Collections.unmodifiableMap(byType);
    }

    private EventTypes() {
    }

    /** @return every event type (records with an envelope), catalogue order */
    public static List<Class<? extends SpecificRecord>> events() {
        return EVENTS;
    }

    /** @return every registry command type (records with an envelope that are not events) */
    public static List<Class<? extends SpecificRecord>> commands() {
        return COMMANDS;
    }

    /**
     * @param type a contract type
     * @return true if it is a command
     */
    public static boolean isCommand(Class<?> type) {
        return COMMANDS.contains(type);
    }

    /**
     * @param type a contract type
     * @return true if its first field is the {@link EventEnvelope} (events and commands)
     */
    public static boolean hasEnvelope(Class<?> type) {
        return isEvent(type) || isCommand(type);
    }

    /** @return every signed request type */
    public static List<Class<? extends SpecificRecord>> requests() {
        return REQUESTS;
    }

    /** @return the chain records encoded on their own (the block header) */
    public static List<Class<? extends SpecificRecord>> chainRecords() {
        return CHAIN;
    }

    /** @return every type {@link EventCodec} encodes and decodes: events, commands, requests, chain records */
    public static List<Class<? extends SpecificRecord>> all() {
        return ALL;
    }

    /**
     * @param type a contract type
     * @return true if it is an event (has an envelope)
     */
    public static boolean isEvent(Class<?> type) {
        return EVENTS.contains(type);
    }

    /**
     * @param typeName an {@code envelope.type} value, e.g. {@code "OrderAccepted"}
     * @return the event class with that simple name, if any
     */
    public static Optional<Class<? extends SpecificRecord>> eventByType(String typeName) {
        return Optional.ofNullable(EVENTS_BY_TYPE.get(typeName));
    }

    /**
     * @param type a generated record class
     * @return the value its events carry in {@code envelope.type}: the schema's simple name
     */
    public static String typeName(Class<? extends SpecificRecord> type) {
        return schemaOf(type).getName();
    }

    /**
     * @param type a generated record class
     * @return its schema (the generated {@code SCHEMA$})
     */
    public static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }

    /**
     * @param event an event (or command) record
     * @return its envelope
     * @throws IllegalArgumentException if the record is neither an event nor a command
     */
    public static EventEnvelope envelopeOf(SpecificRecord event) {
        if (!hasEnvelope(event.getClass())) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a CarbonX event or command");
        }
        return (EventEnvelope) event.get(0);
    }
}
