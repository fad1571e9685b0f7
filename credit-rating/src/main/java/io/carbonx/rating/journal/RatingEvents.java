package io.carbonx.rating.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.RatingFactor;
import io.carbonx.rating.core.Factor;
import io.carbonx.rating.core.RatingChange;
import io.carbonx.rating.core.config.ScorecardConfig;

/**
 * Builds the events the rating service publishes. Everything in them is derived from the input (ids, times) and the
 * configuration, so the same journal gives byte-identical events on every machine.
 *
 * <h2>CreditRatingChanged</h2>
 * Envelope: {@code eventId} = {@link #ratingEventId(String, String)} (a name-based UUID of the causing event id and
 * the participant id: one cause rates a participant at most once), {@code causeId} = the causing event's id,
 * {@code logicalTime} = the causing event's logical time, {@code actor} = {@value #ACTOR}. Body: the change's
 * previous/new score and grade, the causing event's id and type, {@code modelVersion} = {@link #modelVersion} of the
 * scorecard, and one {@link RatingFactor} per {@link Factor} in factor order with its points and how they were
 * computed.
 *
 * <h2>DeadLetter</h2>
 * Envelope: {@code eventId} = {@link #deadLetterEventId(String, int, long)} (a name-based UUID of the source
 * position), {@code causeId} = the source event's id when it could be read, {@code logicalTime} = the source event's
 * logical time, or the latest logical time seen on the partition when it could not, {@code actor} = {@value #ACTOR}.
 */
public final class RatingEvents {

    /** The actor of every event the service publishes. */
    public static final String ACTOR = "credit-rating";

    private final String modelVersion;

    public RatingEvents(ScorecardConfig config) {
        this.modelVersion = modelVersion(config);
    }

    /** @return {@code scorecard-v1/} and the first 16 hex digits of the configuration fingerprint */
    public static String modelVersion(ScorecardConfig config) {
        return "scorecard-v1/" + config.fingerprint().substring(0, 16);
    }

    /** @return the model version every event of this instance carries */
    public String modelVersion() {
        return modelVersion;
    }

    /**
     * @param change    the model's output
     * @param details   factor → how its points were computed (every factor present)
     * @param cause     the causing event's envelope
     * @param causeType the causing event's type name
     * @return the event to publish, keyed by {@code change.participantId()}
     */
    public CreditRatingChanged ratingChanged(RatingChange change, Map<Factor, String> details, EventEnvelope cause,
                                             String causeType) {
        List<RatingFactor> factors = new ArrayList<>(Factor.values().length);
        for (Factor factor : Factor.values()) {
            String detail = Objects.requireNonNull(details.get(factor), () -> "no detail for " + factor);
            factors.add(new RatingFactor(factor.name(), change.breakdown().points(factor), detail));
        }
        EventEnvelope envelope = new EventEnvelope(ratingEventId(cause.getEventId(), change.participantId()),
                CreditRatingChanged.class.getSimpleName(), cause.getEventId(), cause.getLogicalTime(), ACTOR);
        return new CreditRatingChanged(envelope, change.participantId(), change.previousScore(), change.score(),
                change.previousGrade(), change.grade(), change.causeEventId(), causeType, modelVersion, factors);
    }

    /**
     * A copy of a journal record the service could not use, with the reason.
     *
     * @param consumerId  the service's consumer group
     * @param causeId     the source event's id, or null when unreadable
     * @param logicalTime see the class comment
     */
    public DeadLetter deadLetter(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                                 String consumerId, String reasonCode, String detail, String causeId,
                                 long logicalTime) {
        EventEnvelope envelope = new EventEnvelope(deadLetterEventId(sourceTopic, partition, offset),
                DeadLetter.class.getSimpleName(), causeId, logicalTime, ACTOR);
        return new DeadLetter(envelope, sourceTopic, partition, offset, consumerId, reasonCode, detail,
                key == null ? null : ByteBuffer.wrap(key.clone()),
                ByteBuffer.wrap(value == null ? new byte[0] : value.clone()));
    }

    /** @return the deterministic id of the rating change of {@code participantId} caused by {@code causeEventId} */
    public static String ratingEventId(String causeEventId, String participantId) {
        return nameUuid("carbonx.credit-rating.CreditRatingChanged", causeEventId, participantId);
    }

    /** @return the deterministic id of the dead letter of the record at {@code topic/partition/offset} */
    public static String deadLetterEventId(String topic, int partition, long offset) {
        return nameUuid("carbonx.credit-rating.DeadLetter", topic, Integer.toString(partition), Long.toString(offset));
    }

    /** A type-3 (name-based) UUID of length-prefixed parts, so no two part lists share a name. */
    private static String nameUuid(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            name.append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
