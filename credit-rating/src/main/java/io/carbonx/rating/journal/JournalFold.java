package io.carbonx.rating.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.carbonx.events.EventEnvelope;
import io.carbonx.rating.core.CreditRatingModel;
import io.carbonx.rating.core.Factor;
import io.carbonx.rating.core.RatingChange;
import io.carbonx.rating.core.RatingOutcome;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.journal.JournalRecordAdapter.Adapted;
import io.carbonx.rating.journal.JournalRecordAdapter.Broken;
import io.carbonx.rating.journal.JournalRecordAdapter.IgnoreReason;
import io.carbonx.rating.journal.JournalRecordAdapter.Ignored;
import io.carbonx.rating.journal.JournalRecordAdapter.Mapped;
import io.carbonx.schemas.EventCodec;

/**
 * The rating state of one journal partition: a {@link CreditRatingModel} folded over the partition's records in
 * offset order, and the events each record causes. No Kafka client here; the caller feeds records and publishes (or,
 * while rebuilding, drops) what {@link #apply} returns.
 *
 * <p>Per record, in order:
 * <ul>
 *   <li>{@link Mapped}: the input goes to the model; every {@link RatingChange} becomes a CreditRatingChanged on the
 *       ratings topic, keyed by participant id. A refused input becomes a DeadLetter with reason
 *       {@code REJECTED_<RejectReason>} (e.g. {@code REJECTED_NOT_FROZEN}) and changes nothing.</li>
 *   <li>{@link Ignored}: nothing is published; counted per {@link IgnoreReason}.</li>
 *   <li>{@link Broken}: a DeadLetter with the decoding reason code; nothing else changes.</li>
 * </ul>
 * Nothing here throws for bad data, so a bad record can never stop the service: it is skipped, with its reason on the
 * dead-letter topic. The same records in the same order give the same outputs, byte for byte, and the same
 * {@link #stateHash()}. Not thread-safe: one loop thread.
 */
public final class JournalFold {

    /** Where a fold publishes and how it names itself. */
    public record Settings(String journalTopic, int partition, String ratingsTopic, String deadLetterTopic,
                           String consumerId, ScorecardConfig scorecard) {
        public Settings {
            Objects.requireNonNull(journalTopic, "journalTopic");
            Objects.requireNonNull(ratingsTopic, "ratingsTopic");
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(consumerId, "consumerId");
            Objects.requireNonNull(scorecard, "scorecard");
        }
    }

    /** One record to publish: topic, key bytes, value bytes (an {@link EventCodec}-encoded event). */
    public record Output(String topic, byte[] key, byte[] value) {
    }

    /** Reason-code prefix of the dead letters of refused inputs. */
    public static final String REJECTED_PREFIX = "REJECTED_";

    private final Settings settings;
    private final CreditRatingModel model;
    private final JournalRecordAdapter adapter;
    private final RatingEvents events;
    private final EventCodec codec;
    private final EnumMap<IgnoreReason, Long> ignored = new EnumMap<>(IgnoreReason.class);
    private long nextOffset;
    private long latestLogicalTime;
    private long applied;
    private long rejected;
    private long broken;
    private long published;

    public JournalFold(Settings settings, JournalRecordAdapter adapter, EventCodec codec) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.model = new CreditRatingModel(settings.scorecard());
        this.events = new RatingEvents(settings.scorecard());
        for (IgnoreReason reason : IgnoreReason.values()) {
            ignored.put(reason, 0L);
        }
    }

    /**
     * Folds the record at {@code offset} (must be ≥ {@link #nextOffset()}).
     *
     * @param emit false while rebuilding: the state changes exactly as with {@code true}, but no event is built
     * @return the events to publish, in order; empty when {@code emit} is false
     */
    public List<Output> apply(long offset, byte[] key, byte[] value, boolean emit) {
        if (offset < nextOffset) {
            throw new IllegalArgumentException("offset " + offset + " is before the next offset " + nextOffset);
        }
        nextOffset = offset + 1;
        Adapted adapted = adapter.adapt(value);
        List<Output> outputs = new ArrayList<>(2);
        if (adapted instanceof Mapped mapped) {
            latestLogicalTime = Math.max(latestLogicalTime, mapped.envelope().getLogicalTime());
            applyInput(mapped, offset, key, value, emit, outputs);
        } else if (adapted instanceof Ignored skip) {
            if (skip.envelope() != null) {
                latestLogicalTime = Math.max(latestLogicalTime, skip.envelope().getLogicalTime());
            }
            ignored.merge(skip.reason(), 1L, Long::sum);
        } else {
            Broken bad = (Broken) adapted;
            broken++;
            if (emit) {
                outputs.add(deadLetter(offset, key, value, bad.reasonCode(), bad.detail(), null, latestLogicalTime));
            }
        }
        published += outputs.size();
        return outputs;
    }

    private void applyInput(Mapped mapped, long offset, byte[] key, byte[] value, boolean emit, List<Output> out) {
        RatingOutcome outcome = model.apply(mapped.input());
        EventEnvelope cause = mapped.envelope();
        if (!outcome.isAccepted()) {
            rejected++;
            if (emit) {
                String reason = outcome.rejection().name();
                out.add(deadLetter(offset, key, value, REJECTED_PREFIX + reason,
                        mapped.eventType() + " refused by the rating model: " + reason + " " + outcome.detail(),
                        cause.getEventId(), cause.getLogicalTime()));
            }
            return;
        }
        applied++;
        if (!emit) {
            return;
        }
        for (RatingChange change : outcome.changes()) {
            Map<Factor, String> details = model.explain(change.participantId(), change.timeMs())
                    .orElseThrow(() -> new IllegalStateException("rated participant unknown: "
                            + change.participantId()));
            byte[] bytes = codec.encode(events.ratingChanged(change, details, cause, mapped.eventType()));
            out.add(new Output(settings.ratingsTopic(), utf8(change.participantId()), bytes));
        }
    }

    private Output deadLetter(long offset, byte[] key, byte[] value, String reasonCode, String detail,
                              String causeId, long logicalTime) {
        byte[] bytes = codec.encode(events.deadLetter(settings.journalTopic(), settings.partition(), offset, key, value,
                settings.consumerId(), reasonCode, detail, causeId, logicalTime));
        return new Output(settings.deadLetterTopic(), utf8(settings.journalTopic()), bytes);
    }

    /**
     * Declares that every record before {@code offset} has been folded (the offsets between the last record and
     * {@code offset} held transaction markers or aborted records, which a {@code read_committed} reader never sees).
     */
    public void skipTo(long offset) {
        if (offset < nextOffset) {
            throw new IllegalArgumentException("cannot go back from " + nextOffset + " to " + offset);
        }
        nextOffset = offset;
    }

    /** @return the offset of the next record to fold: everything before it is in the state */
    public long nextOffset() {
        return nextOffset;
    }

    /** @return the model (read it on the fold's thread only) */
    public CreditRatingModel model() {
        return model;
    }

    /** @return SHA-256 of the model's canonical state, lower-case hex */
    public String stateHash() {
        return model.stateHash();
    }

    /** @return counters of what was folded so far */
    public FoldCounters counters() {
        return new FoldCounters(applied, rejected, broken, new EnumMap<>(ignored), published);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
