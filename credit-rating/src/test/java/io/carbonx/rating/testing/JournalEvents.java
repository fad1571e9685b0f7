package io.carbonx.rating.testing;

import java.nio.ByteBuffer;
import java.util.List;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AccountUnfrozen;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.PenaltyPolicy;
import io.carbonx.events.Role;
import io.carbonx.events.ShortfallTreatment;
import io.carbonx.events.TradeSettled;
import io.carbonx.schemas.EventCodec;
import org.apache.avro.specific.SpecificRecord;

/**
 * Registry journal events for tests, with envelopes: ids {@code <prefix>-1, <prefix>-2, ...}, actor "registry".
 * Times are in days of logical time from {@link #T0}.
 */
public final class JournalEvents {

    /** Logical time zero of the tests: 2026-01-01T00:00:00Z. */
    public static final long T0 = 1_767_225_600_000L;
    public static final long DAY = 86_400_000L;

    private final String prefix;
    private int next;
    private long tickSequence;

    public JournalEvents(String prefix) {
        this.prefix = prefix;
    }

    public static long day(double d) {
        return T0 + (long) (d * DAY);
    }

    private EventEnvelope env(Class<? extends SpecificRecord> type, long t) {
        return new EventEnvelope(prefix + "-" + (++next), type.getSimpleName(), null, t, "registry");
    }

    public String lastId() {
        return prefix + "-" + next;
    }

    public ParticipantRegistered registered(String p, Role role, long t) {
        return new ParticipantRegistered(env(ParticipantRegistered.class, t), p, p + " Ltd", role,
                ByteBuffer.wrap(new byte[] {0x30, 0x00}), "1f", "regulator", t, t + 365 * DAY);
    }

    public ParticipantRegistered registered(String p, long t) {
        return registered(p, Role.ENTERPRISE, t);
    }

    public TradeSettled settled(String buyer, String seller, long t, long notionalMinor) {
        return new TradeSettled(env(TradeSettled.class, t), "trade-" + next, "window-1", "EUA-2026", buyer, seller,
                10L, notionalMinor / 10, notionalMinor, 0L, 0L, false, 0L, 0L, 0L, 0L, 0L, t);
    }

    public DefaultRecorded defaulted(String p, long t, DefaultKind kind, long amountMinor) {
        return new DefaultRecorded(env(DefaultRecorded.class, t), "default-" + next, p, "counterparty", null, null,
                amountMinor, kind, "registry", null, 0L);
    }

    public DepositForfeited forfeited(String p, long t, long amountMinor) {
        return new DepositForfeited(env(DepositForfeited.class, t), "default-x", null, p, "counterparty",
                amountMinor, 0L, null);
    }

    public PenaltyApplied penalty(String p, long t, long amountMinor, long shortfallTonnes) {
        return new PenaltyApplied(env(PenaltyApplied.class, t), "penalty-" + next, p, 2026, shortfallTonnes,
                PenaltyPolicy.FIXED_PER_TONNE, 100L, null, null, amountMinor, amountMinor, 0L,
                ShortfallTreatment.CARRY_FORWARD, "FIXED_PER_TONNE");
    }

    public AccountFrozen frozen(String p, long t) {
        return new AccountFrozen(env(AccountFrozen.class, t), p, "REPEATED_DEFAULTS", null, null, List.of());
    }

    public AccountUnfrozen unfrozen(String p, long t) {
        return new AccountUnfrozen(env(AccountUnfrozen.class, t), p, "paid");
    }

    public AccountCancelled cancelled(String p, long t) {
        return new AccountCancelled(env(AccountCancelled.class, t), p, "REGULATOR-ESCROW", List.of(), 0L,
                "regulator decision");
    }

    public ComplianceSettled compliance(String p, long t, long shortfallTonnes) {
        return new ComplianceSettled(env(ComplianceSettled.class, t), p, 2026, 1_000L, 0L, 1_000L,
                1_000L - shortfallTonnes, 0L, shortfallTonnes,
                shortfallTonnes == 0 ? null : ShortfallTreatment.CARRY_FORWARD);
    }

    public ClockTicked tick(long t) {
        return new ClockTicked(env(ClockTicked.class, t), "settlement", ++tickSequence);
    }

    public FundsDeposited funds(String p, long t, long amountMinor) {
        return new FundsDeposited(env(FundsDeposited.class, t), "transfer-" + next, p, amountMinor, "bank-ref", 0L);
    }

    public static byte[] encode(SpecificRecord record) {
        return EventCodec.standard().encode(record);
    }
}
