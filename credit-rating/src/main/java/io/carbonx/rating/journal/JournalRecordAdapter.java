package io.carbonx.rating.journal;

import java.util.Objects;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AccountUnfrozen;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.Role;
import io.carbonx.events.TradeSettled;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import io.carbonx.schemas.EventTypes;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one place where registry journal records become rating model inputs.
 *
 * <h2>Mapping</h2>
 * <table>
 *   <caption>journal event → {@link RatingInput}</caption>
 *   <tr><th>event</th><th>input</th></tr>
 *   <tr><td>ParticipantRegistered (role ENTERPRISE)</td><td>ParticipantAppeared(participantId)</td></tr>
 *   <tr><td>DefaultRecorded</td><td>DefaultRecorded(defaulterId, kind, amountMinor)</td></tr>
 *   <tr><td>DepositForfeited</td><td>DepositForfeited(fromParticipantId, amountMinor)</td></tr>
 *   <tr><td>PenaltyApplied</td><td>PenaltyApplied(participantId, amountMinor, shortfallTonnes)</td></tr>
 *   <tr><td>AccountFrozen / AccountUnfrozen / AccountCancelled</td><td>the same (participantId)</td></tr>
 *   <tr><td>TradeSettled</td><td>TradeSettled(buyerId, sellerId, notionalMinor)</td></tr>
 *   <tr><td>ComplianceSettled</td><td>ComplianceSettled(participantId, shortfallTonnes)</td></tr>
 *   <tr><td>ClockTicked</td><td>Tick: re-grades everyone at the tick's logical time</td></tr>
 * </table>
 * Every input carries the event's {@code envelope.eventId} and {@code envelope.logicalTime}. Field values are not
 * judged here: the model refuses bad ones (negative amounts, blank ids, impossible status changes) with a reason.
 *
 * <h2>What is not mapped</h2>
 * <ul>
 *   <li>{@link Ignored}: records the model has no use for, which is normal on a journal that carries every registry
 *       decision. {@link IgnoreReason#UNUSED_TYPE}: a public event of another type (OrderAccepted, FundsDeposited,
 *       DepositLocked, ...); {@link IgnoreReason#ROLE_NOT_RATED}: a ParticipantRegistered of a role other than
 *       ENTERPRISE (regulators, courts, verifiers and the exchange do not trade and are not rated, unless a trade
 *       names them); {@link IgnoreReason#NOT_AN_EVENT}: a contract record that is not an event (a signed request, a
 *       block header); {@link IgnoreReason#NOT_A_PUBLIC_EVENT}: bytes that are not a single-object record of a schema
 *       this build knows (wrong marker or unknown fingerprint): the registry's private journal records.</li>
 *   <li>{@link Broken}: bytes that claim to be a public CarbonX record (right marker, known fingerprint) but do not
 *       decode (truncated, malformed, trailing bytes, envelope type mismatch), or a null value. The reason code is the
 *       {@link EventDecodingException.Reason} name, or {@code NULL_VALUE}. The service dead-letters these.</li>
 * </ul>
 * Stateless and thread-safe; the same bytes always give the same result.
 */
public final class JournalRecordAdapter {

    /** Why a record is not an input of the model. */
    public enum IgnoreReason {
        /** A public event of a type the model does not use. */
        UNUSED_TYPE,
        /** ParticipantRegistered of a role that is not rated. */
        ROLE_NOT_RATED,
        /** A contract record that is not an event. */
        NOT_AN_EVENT,
        /** Not a single-object record of any schema this build knows (a registry-private journal record). */
        NOT_A_PUBLIC_EVENT
    }

    /** What one journal record is to the rating model. */
    public sealed interface Adapted permits Mapped, Ignored, Broken {
    }

    /**
     * A model input.
     *
     * @param input     the input
     * @param envelope  the event's envelope (cause of every output)
     * @param eventType the event's type name, e.g. {@code DefaultRecorded}
     */
    public record Mapped(RatingInput input, EventEnvelope envelope, String eventType) implements Adapted {
        public Mapped {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(eventType, "eventType");
        }
    }

    /**
     * A record the model has no use for.
     *
     * @param reason    why
     * @param eventType the event type name, or null when the bytes are not a known event
     * @param envelope  the envelope, or null when the bytes are not a known event
     * @param detail    a human-readable explanation
     */
    public record Ignored(IgnoreReason reason, String eventType, EventEnvelope envelope, String detail)
            implements Adapted {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A record that claims to be a public CarbonX record and is not valid.
     *
     * @param reasonCode an {@link EventDecodingException.Reason} name, or {@code NULL_VALUE}
     * @param detail     a human-readable explanation
     */
    public record Broken(String reasonCode, String detail) implements Adapted {
        public Broken {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Reason code of a record without a value. */
    public static final String NULL_VALUE = "NULL_VALUE";

    private final EventCodec codec;

    public JournalRecordAdapter(EventCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** An adapter over the current contract ({@link EventCodec#standard()}). */
    public JournalRecordAdapter() {
        this(EventCodec.standard());
    }

    /**
     * @param value a journal record's value, possibly null
     * @return what it is to the model; never throws for bad bytes
     */
    public Adapted adapt(byte[] value) {
        if (value == null) {
            return new Broken(NULL_VALUE, "the record has no value");
        }
        SpecificRecord record;
        try {
            record = codec.decode(value);
        } catch (EventDecodingException e) {
            return switch (e.reason()) {
                case BAD_MAGIC, UNKNOWN_FINGERPRINT -> new Ignored(IgnoreReason.NOT_A_PUBLIC_EVENT, null, null,
                        e.getMessage());
                default -> new Broken(e.reason().name(), e.getMessage());
            };
        }
        return map(record);
    }

    /**
     * @param record a decoded contract record
     * @return the input it maps to, or why it is ignored
     */
    public Adapted map(SpecificRecord record) {
        Objects.requireNonNull(record, "record");
        if (!EventTypes.isEvent(record.getClass())) {
            return new Ignored(IgnoreReason.NOT_AN_EVENT, null, null,
                    record.getSchema().getName() + " is not an event");
        }
        EventEnvelope env = EventTypes.envelopeOf(record);
        String type = env.getType();
        RatingInput input = toInput(record, env.getEventId(), env.getLogicalTime());
        if (input != null) {
            return new Mapped(input, env, type);
        }
        if (record instanceof ParticipantRegistered registered) {
            return new Ignored(IgnoreReason.ROLE_NOT_RATED, type, env,
                    "role " + registered.getRole() + " is not rated");
        }
        return new Ignored(IgnoreReason.UNUSED_TYPE, type, env, type + " does not affect ratings");
    }

    /** @return the input, or null when the record is not one the model uses */
    private static RatingInput toInput(SpecificRecord record, String id, long t) {
        if (record instanceof ParticipantRegistered e) {
            return e.getRole() == Role.ENTERPRISE ? new RatingInput.ParticipantAppeared(id, t, e.getParticipantId())
                    : null;
        } else if (record instanceof DefaultRecorded e) {
            return new RatingInput.DefaultRecorded(id, t, e.getDefaulterId(), e.getKind(), e.getAmountMinor());
        } else if (record instanceof DepositForfeited e) {
            return new RatingInput.DepositForfeited(id, t, e.getFromParticipantId(), e.getAmountMinor());
        } else if (record instanceof PenaltyApplied e) {
            return new RatingInput.PenaltyApplied(id, t, e.getParticipantId(), e.getAmountMinor(),
                    e.getShortfallTonnes());
        } else if (record instanceof AccountFrozen e) {
            return new RatingInput.AccountFrozen(id, t, e.getParticipantId());
        } else if (record instanceof AccountUnfrozen e) {
            return new RatingInput.AccountUnfrozen(id, t, e.getParticipantId());
        } else if (record instanceof AccountCancelled e) {
            return new RatingInput.AccountCancelled(id, t, e.getParticipantId());
        } else if (record instanceof TradeSettled e) {
            return new RatingInput.TradeSettled(id, t, e.getBuyerId(), e.getSellerId(), e.getNotionalMinor());
        } else if (record instanceof ComplianceSettled e) {
            return new RatingInput.ComplianceSettled(id, t, e.getParticipantId(), e.getShortfallTonnes());
        } else if (record instanceof ClockTicked) {
            return new RatingInput.Tick(id, t);
        }
        return null;
    }
}
