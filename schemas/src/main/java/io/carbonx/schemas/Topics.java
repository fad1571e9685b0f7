package io.carbonx.schemas;

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
import io.carbonx.schemas.TopicSpec.Cleanup;
import io.carbonx.schemas.TopicSpec.KeyKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topic catalogue: every Kafka topic of CarbonX, in one place. Every record on a topic is an
 * {@link EventCodec}-encoded event (single-object Avro), except on {@link #SNAPSHOTS}.
 *
 * <h2>Topics</h2>
 * <table>
 *   <caption>topic, key, writer, records</caption>
 *   <tr><th>topic</th><th>key</th><th>written by</th><th>records</th></tr>
 *   <tr><td>{@value #IDENTITY}</td><td>participantId</td><td>registry</td>
 *       <td>ParticipantRegistered, CertificateRevoked</td></tr>
 *   <tr><td>{@value #FUNDS}</td><td>participantId</td><td>registry</td><td>FundsDeposited, FundsWithdrawn</td></tr>
 *   <tr><td>{@value #QUOTAS}</td><td>participantId</td><td>registry</td><td>QuotaAllocated, OffsetIssued</td></tr>
 *   <tr><td>{@value #ORDERS_SUBMITTED}</td><td>participantId</td><td>gateway</td>
 *       <td>OrderSubmitted, OrderCancelRequested, OrderReplaceRequested (signed bytes kept)</td></tr>
 *   <tr><td>{@value #ORDERS}</td><td>instrumentId</td><td>registry, order books</td>
 *       <td>OrderAccepted, OrderRejected, OrderCancelRequested (forwarded by the registry), OrderCancelled,
 *       OrderExpired, ClockTicked; from the exchange's gateway: AgreementSubmitted, AuctionScheduleRequested,
 *       AuctionBidRequested, AuctionCloseRequested</td></tr>
 *   <tr><td>{@value #TRADES}</td><td>instrumentId</td><td>order books, auctions, pool</td>
 *       <td>TradeExecuted, AuctionCleared, AgreementRegistered, AuctionAllocated</td></tr>
 *   <tr><td>{@value #SETTLEMENT}</td><td>participantId</td><td>registry</td>
 *       <td>DepositLocked, DepositReleased, TradeSettled, AgreementRejected, DefaultRecorded, DepositForfeited,
 *       AccountFrozen, AccountUnfrozen, AccountCancelled, ClockTicked</td></tr>
 *   <tr><td>{@value #DEFAULTS_EXTERNAL}</td><td>defaulterId</td><td>gateway (bank, court, arbitrator)</td>
 *       <td>DefaultReported</td></tr>
 *   <tr><td>{@value #COMPLIANCE}</td><td>participantId</td><td>registry</td>
 *       <td>EmissionsVerified, AllowancesSurrendered, ComplianceSettled, PenaltyApplied</td></tr>
 *   <tr><td>{@value #RATINGS}</td><td>participantId</td><td>rating service</td><td>CreditRatingChanged</td></tr>
 *   <tr><td>{@value #REJECTIONS}</td><td>participantId</td><td>gateway</td><td>RequestRejected</td></tr>
 *   <tr><td>{@value #CHAIN_BLOCKS}</td><td>chainId</td><td>validators</td>
 *       <td>BlockCommitted, BlockTimestamped</td></tr>
 *   <tr><td>{@value #CHAIN_VIEWS}</td><td>chainId</td><td>validators</td><td>ViewChanged</td></tr>
 *   <tr><td>{@value #DEAD_LETTER}</td><td>source topic</td><td>any consumer</td><td>DeadLetter</td></tr>
 *   <tr><td>{@value #SNAPSHOTS}</td><td>service/partition</td><td>any service</td>
 *       <td>opaque state snapshots (not events)</td></tr>
 *   <tr><td>{@value #REGISTRY_COMMANDS}</td><td>command id</td><td>API (registry routes), registry clock</td>
 *       <td>every registry command (io.carbonx.commands), ClockTicked</td></tr>
 *   <tr><td>{@value #REGISTRY_JOURNAL}</td><td>event id</td><td>registry</td>
 *       <td>every ledger and identity decision, in decision order: the registry's state is their fold</td></tr>
 *   <tr><td>{@value #REGISTRY_REPLIES}</td><td>command id</td><td>registry</td>
 *       <td>CommandDecided, one per command (request-reply over the log)</td></tr>
 * </table>
 *
 * <h2>The registry's own logs</h2>
 * The registry takes inputs from several topics, whose interleaving is not reproducible, so its state is the fold
 * of its own output journal ({@value #REGISTRY_JOURNAL}, one partition, kept forever): every decision, identity and
 * ledger, in order. In the same Kafka transaction as a journal entry it publishes the public events to the catalogue
 * topics above and, for a command, its {@code CommandDecided} to {@value #REGISTRY_REPLIES}. The API never touches
 * the ledger: it publishes commands to {@value #REGISTRY_COMMANDS} and awaits the reply whose {@code commandId} is
 * the command's id. These three topics are not anchored: the public events are the evidence (they carry the actor
 * and the command id as their cause), and the journal repeats them.
 *
 * <h2>Flow of an order</h2>
 * The gateway verifies a signed request and writes OrderSubmitted (or a cancel/replace request) to
 * {@value #ORDERS_SUBMITTED}, keyed by participant, so every signed request of a participant is in one partition
 * in sequence order. The registry reads it in that order and writes its decision to {@value #ORDERS}, keyed by
 * instrument: OrderAccepted/OrderRejected, and, for a cancel of an order it accepted, the request itself
 * (forwarded), so that the book sees a cancel after the acceptance it refers to. A replace becomes an
 * OrderAccepted with {@code replacesOrderId}. The book writes OrderCancelled/OrderExpired to {@value #ORDERS} and
 * fills to {@value #TRADES}; the registry settles from {@value #TRADES} into {@value #SETTLEMENT}.
 *
 * <h2>Partitions</h2>
 * All participant-keyed topics have the same partition count, and so do all instrument-keyed ones: Kafka's
 * default partitioner then puts one participant (instrument) in the same partition number of every topic, so one
 * registry (book) instance owns it everywhere. Defaults: {@value #DEFAULT_PARTICIPANT_PARTITIONS} participant
 * partition, because the registry settles delivery-versus-payment atomically only within one partition and a trade
 * has two participants; {@value #DEFAULT_INSTRUMENT_PARTITIONS} instrument partitions, since books are
 * independent. Chain, dead-letter and snapshot topics have one partition. {@link #all(int, int)} overrides the
 * two counts (for example in the production Kubernetes overlay).
 *
 * <h2>Retention</h2>
 * Every event is evidence: {@link #anchored()} topics (every event topic except the chain's own and dead letters)
 * are anchored in blocks and kept forever ({@code retention.ms=-1}, delete policy, never compacted: compaction
 * would remove records that inclusion proofs refer to). The chain topics are also kept forever; they are not
 * anchored themselves (a block carries its own commit certificate, and anchoring blocks in blocks would never let
 * the chain go idle). Dead letters are diagnostic copies of records that remain in their source topic and are kept
 * {@value #DEAD_LETTER_RETENTION_MS} ms (30 days). Snapshots are compacted: only the latest per service partition
 * matters, and they only speed up a restart (state is always rebuildable from the events).
 */
public final class Topics {

    /** Participants and certificates. */
    public static final String IDENTITY = "carbonx.identity";
    /** Cash deposits and withdrawals. */
    public static final String FUNDS = "carbonx.funds";
    /** Allowance allocations and offset issuance. */
    public static final String QUOTAS = "carbonx.quotas";
    /** Verified signed requests from the gateway. */
    public static final String ORDERS_SUBMITTED = "carbonx.orders.submitted";
    /** The registry's order decisions and the books' order outcomes. */
    public static final String ORDERS = "carbonx.orders";
    /** Trades, auction results, agreements. */
    public static final String TRADES = "carbonx.trades";
    /** Locks, settlement, defaults, forfeits, freezes. */
    public static final String SETTLEMENT = "carbonx.settlement";
    /** Defaults reported from outside. */
    public static final String DEFAULTS_EXTERNAL = "carbonx.defaults.external";
    /** Annual compliance. */
    public static final String COMPLIANCE = "carbonx.compliance";
    /** Credit ratings. */
    public static final String RATINGS = "carbonx.ratings";
    /** Gateway rejections of authenticated requests. */
    public static final String REJECTIONS = "carbonx.rejections";
    /** Committed blocks and their timestamps. */
    public static final String CHAIN_BLOCKS = "carbonx.chain.blocks";
    /** PBFT view changes. */
    public static final String CHAIN_VIEWS = "carbonx.chain.views";
    /** Records consumers could not decode or process. */
    public static final String DEAD_LETTER = "carbonx.deadletter";
    /** Compacted state snapshots. */
    public static final String SNAPSHOTS = "carbonx.snapshots";
    /** Commands to the registry (from the API and the registry's clock). */
    public static final String REGISTRY_COMMANDS = "carbonx.registry.commands";
    /** The registry's journal: every decision in order; its state is their fold. */
    public static final String REGISTRY_JOURNAL = "carbonx.registry.journal";
    /** The registry's replies to commands. */
    public static final String REGISTRY_REPLIES = "carbonx.registry.replies";

    /** Default partition count of participant-keyed topics. */
    public static final int DEFAULT_PARTICIPANT_PARTITIONS = 1;
    /** Default partition count of instrument-keyed topics. */
    public static final int DEFAULT_INSTRUMENT_PARTITIONS = 4;
    /** Retention of dead letters: 30 days. */
    public static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;
    /** Retention of command replies: 7 days (a reply matters only while its caller waits). */
    public static final long REPLIES_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    private static final long FOREVER = -1;
    private static final List<TopicSpec> DEFAULTS =
            all(DEFAULT_PARTICIPANT_PARTITIONS, DEFAULT_INSTRUMENT_PARTITIONS);

    private Topics() {
    }

    /** @return the catalogue with default partition counts, in a fixed order */
    public static List<TopicSpec> all() {
        return DEFAULTS;
    }

    /**
     * The catalogue with other partition counts.
     *
     * @param participantPartitions partitions of every participant-keyed topic
     * @param instrumentPartitions partitions of every instrument-keyed topic
     * @return the catalogue, in a fixed order
     */
    public static List<TopicSpec> all(int participantPartitions, int instrumentPartitions) {
        List<TopicSpec> topics = new ArrayList<>();
        int p = participantPartitions;
        int i = instrumentPartitions;
        topics.add(evidence(IDENTITY, KeyKind.PARTICIPANT, p, "participants and certificates; written by the registry",
                keys(ParticipantRegistered.class, "participantId", CertificateRevoked.class, "participantId")));
        topics.add(evidence(FUNDS, KeyKind.PARTICIPANT, p, "cash in and out; written by the registry",
                keys(FundsDeposited.class, "participantId", FundsWithdrawn.class, "participantId")));
        topics.add(evidence(QUOTAS, KeyKind.PARTICIPANT, p, "allowances and offsets credited; written by the registry",
                keys(QuotaAllocated.class, "participantId", OffsetIssued.class, "participantId")));
        topics.add(evidence(ORDERS_SUBMITTED, KeyKind.PARTICIPANT, p,
                "verified signed requests in per-participant sequence order; written by the gateway, read by the"
                        + " registry",
                keys(OrderSubmitted.class, "participantId", OrderCancelRequested.class, "participantId",
                        OrderReplaceRequested.class, "participantId")));
        topics.add(evidence(ORDERS, KeyKind.INSTRUMENT, i,
                "the registry's order decisions and the books' order outcomes, per instrument in order; read by"
                        + " the books and the registry",
                keys(OrderAccepted.class, "instrumentId", OrderRejected.class, "instrumentId",
                        OrderCancelRequested.class, "instrumentId", OrderCancelled.class, "instrumentId",
                        OrderExpired.class, "instrumentId", ClockTicked.class, "scope",
                        AgreementSubmitted.class, "instrumentId", AuctionScheduleRequested.class, "instrumentId",
                        AuctionBidRequested.class, "instrumentId", AuctionCloseRequested.class, "instrumentId")));
        topics.add(evidence(TRADES, KeyKind.INSTRUMENT, i,
                "trades, auction results and agreements; written by the exchange, settled by the registry",
                keys(TradeExecuted.class, "instrumentId", AuctionCleared.class, "instrumentId",
                        AgreementRegistered.class, "instrumentId", AuctionAllocated.class, "instrumentId")));
        topics.add(evidence(SETTLEMENT, KeyKind.PARTICIPANT, p,
                "locks, settlement, defaults, forfeits and account states; written by the registry",
                settlementKeys()));
        topics.add(evidence(DEFAULTS_EXTERNAL, KeyKind.PARTICIPANT, p,
                "defaults reported by settlement banks and arbitration; written by the gateway for authorised"
                        + " roles only, applied by the registry",
                keys(DefaultReported.class, "defaulterId")));
        topics.add(evidence(COMPLIANCE, KeyKind.PARTICIPANT, p,
                "verified emissions, surrenders, annual settlement and penalties; written by the registry",
                keys(EmissionsVerified.class, "participantId", AllowancesSurrendered.class, "participantId",
                        ComplianceSettled.class, "participantId", PenaltyApplied.class, "participantId")));
        topics.add(evidence(RATINGS, KeyKind.PARTICIPANT, p,
                "credit ratings with their breakdown; written by the rating service, read by registry and exchange",
                keys(CreditRatingChanged.class, "participantId")));
        topics.add(evidence(REJECTIONS, KeyKind.PARTICIPANT, p,
                "gateway refusals of authenticated signed requests; written by the gateway",
                keys(RequestRejected.class, "participantId")));
        topics.add(new TopicSpec(CHAIN_BLOCKS, KeyKind.CHAIN, 1, Cleanup.DELETE, FOREVER, false,
                keys(BlockCommitted.class, "header.chainId", BlockTimestamped.class, "chainId"),
                "committed blocks with their commit certificates, and their RFC 3161 timestamps; written by the"
                        + " validators"));
        topics.add(new TopicSpec(CHAIN_VIEWS, KeyKind.CHAIN, 1, Cleanup.DELETE, FOREVER, false,
                keys(ViewChanged.class, "chainId"), "PBFT view changes; written by the validators"));
        topics.add(new TopicSpec(DEAD_LETTER, KeyKind.SOURCE_TOPIC, 1, Cleanup.DELETE, DEAD_LETTER_RETENTION_MS,
                false, keys(DeadLetter.class, "sourceTopic"),
                "records a consumer could not decode or process, with the reason"));
        topics.add(new TopicSpec(SNAPSHOTS, KeyKind.SNAPSHOT, 1, Cleanup.COMPACT, FOREVER, false, Map.of(),
                "opaque state snapshots keyed <service>/<partition>; speed up restarts only"));
        topics.add(new TopicSpec(REGISTRY_COMMANDS, KeyKind.REGISTRY, 1, Cleanup.DELETE, FOREVER, false,
                byEventId(commandTypes()), "commands to the registry; written by the API and the registry's clock,"
                        + " read by the registry"));
        topics.add(new TopicSpec(REGISTRY_JOURNAL, KeyKind.REGISTRY, 1, Cleanup.DELETE, FOREVER, false,
                byEventId(journalTypes()), "every registry decision in order; the registry's state is their fold"));
        topics.add(new TopicSpec(REGISTRY_REPLIES, KeyKind.REGISTRY, 1, Cleanup.DELETE, REPLIES_RETENTION_MS, false,
                keys(CommandDecided.class, "commandId"), "the registry's answer to each command; read by the API"));
        return List.copyOf(topics);
    }

    /**
     * @param name a topic name
     * @return its spec in the default catalogue, if it is one of ours
     */
    public static Optional<TopicSpec> find(String name) {
        return DEFAULTS.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * @param name a topic name
     * @return its spec in the default catalogue
     * @throws IllegalArgumentException if it is not one of ours
     */
    public static TopicSpec byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }

    /**
     * @param type a record type
     * @return the topics that carry it (an OrderCancelRequested is on two), in catalogue order
     */
    public static List<TopicSpec> carrying(Class<? extends SpecificRecord> type) {
        return DEFAULTS.stream().filter(t -> t.carries(type)).toList();
    }

    /** @return the topics whose events are anchored in the chain, sorted by name (the block builder's order) */
    public static List<TopicSpec> anchored() {
        return DEFAULTS.stream().filter(TopicSpec::anchored).sorted(Comparator.comparing(TopicSpec::name)).toList();
    }

    private static TopicSpec evidence(String name, KeyKind key, int partitions, String purpose,
                                      Map<Class<? extends SpecificRecord>, String> keyFields) {
        return new TopicSpec(name, key, partitions, Cleanup.DELETE, FOREVER, true, keyFields, purpose);
    }

    private static Map<Class<? extends SpecificRecord>, String> settlementKeys() {
        Map<Class<? extends SpecificRecord>, String> keys = new LinkedHashMap<>();
        keys.put(DepositLocked.class, "participantId");
        keys.put(DepositReleased.class, "participantId");
        keys.put(TradeSettled.class, "buyerId");
        keys.put(AgreementRejected.class, "buyerId");
        keys.put(DefaultRecorded.class, "defaulterId");
        keys.put(DepositForfeited.class, "fromParticipantId");
        keys.put(AccountFrozen.class, "participantId");
        keys.put(AccountUnfrozen.class, "participantId");
        keys.put(AccountCancelled.class, "participantId");
        keys.put(ClockTicked.class, "scope");
        return keys;
    }

    /** @return the types of the registry's commands topic: every command and the clock tick */
    private static List<Class<? extends SpecificRecord>> commandTypes() {
        List<Class<? extends SpecificRecord>> types = new ArrayList<>(List.of(DepositFunds.class,
                WithdrawFunds.class, AllocateAllowances.class, IssueOffsets.class, RecordEmissions.class,
                SurrenderAllowances.class, RunAnnualSettlement.class, FreezeAccount.class, UnfreezeAccount.class,
                CancelAccount.class, RegisterParticipant.class, ApproveRegistration.class, RejectRegistration.class,
                RevokeCertificate.class, DefineInstrument.class));
        types.add(ClockTicked.class);
        return types;
    }

    /** @return the types of the registry's journal: every ledger and identity decision */
    private static List<Class<? extends SpecificRecord>> journalTypes() {
        return List.of(AccountOpened.class, CreditGradeChanged.class, FundsDeposited.class, FundsWithdrawn.class,
                AccountFrozen.class, AccountUnfrozen.class, AccountCancelled.class, InstrumentDefined.class,
                QuotaAllocated.class, OffsetIssued.class, OrderAccepted.class, OrderRejected.class,
                OrderCancelled.class, OrderExpired.class, TradeRecorded.class, AgreementRegistered.class,
                AgreementRejected.class, TradeSettled.class, DefaultRecorded.class, DepositForfeited.class,
                TradeUnwound.class, SettlementWindowClosed.class, EmissionsVerified.class,
                AllowancesSurrendered.class, ComplianceSettled.class, PenaltyApplied.class,
                AnnualSettlementCompleted.class, RegistrationSubmitted.class, RegistrationRejected.class,
                ParticipantRegistered.class, CertificateRevoked.class);
    }

    private static Map<Class<? extends SpecificRecord>, String> byEventId(List<Class<? extends SpecificRecord>> types) {
        Map<Class<? extends SpecificRecord>, String> keys = new LinkedHashMap<>();
        types.forEach(t -> keys.put(t, "envelope.eventId"));
        return keys;
    }

    /** Alternating (type, key field) pairs to an ordered map. */
    private static Map<Class<? extends SpecificRecord>, String> keys(Object... typeThenField) {
        Map<Class<? extends SpecificRecord>, String> keys = new LinkedHashMap<>();
        for (int n = 0; n < typeThenField.length; n += 2) {
            keys.put(((Class<?>) typeThenField[n]).asSubclass(SpecificRecord.class), (String) typeThenField[n + 1]);
        }
        return keys;
    }
}
