package io.carbonx.registry.journal;

import io.carbonx.events.EventEnvelope;
import io.carbonx.registry.core.LedgerConfig;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one decision's events are described with, beyond the ledger events themselves: the input that caused
 * them (an Avro command or event, or {@code null}), its id, time and actor, and the ledger rules. The envelope
 * of the {@code n}-th event of the decision is {@code eventId = <causeId>#<n>}, {@code causeId}, the event's
 * logical time and the actor. Mutable only in its memo of earlier events of the same decision (a forfeit names
 * the loss of the default before it, a freeze the default or penalty that caused it). One per decision; not
 * thread-safe.
 */
public final class DecisionContext {
    /** Actor of the registry's own decisions (settlement, defaults found at settlement, the bootstrap). */
    public static final String REGISTRY_ACTOR = "carbonx-registry";

    private final String causeId;
    private final String actor;
    private final SpecificRecord source;
    private final LedgerConfig config;
    private int next;
    private long lastLossMinor;
    private String lastDefaultId;
    private String lastPenaltyId;

    /**
     * @param causeId id of the input (command id or input event id); event ids derive from it
     * @param actor   participant (or service) that acted
     * @param source  the input record, or null
     * @param config  ledger rules (deposit share of a grade, penalty parameters)
     */
    public DecisionContext(String causeId, String actor, SpecificRecord source, LedgerConfig config) {
        this.causeId = Objects.requireNonNull(causeId, "causeId");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.source = source;
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the input id */
    public String causeId() {
        return causeId;
    }

    /** @return the acting participant or service */
    public String actor() {
        return actor;
    }

    /** @return the ledger rules */
    public LedgerConfig config() {
        return config;
    }

    /**
     * @param type the expected input type
     * @param <T>  that type
     * @return the input if it is of that type, else null
     */
    public <T extends SpecificRecord> T source(Class<T> type) {
        return type.isInstance(source) ? type.cast(source) : null;
    }

    /**
     * The envelope of the next event of this decision.
     *
     * @param type  the event type name
     * @param time  logical time of the event
     * @param actor acting participant
     * @return a new envelope with the next event id
     */
    public EventEnvelope nextEnvelope(String type, long time, String actor) {
        return EventEnvelope.newBuilder().setEventId(causeId + "#" + next++).setType(type).setCauseId(causeId)
                .setLogicalTime(time).setActor(actor).build();
    }

    /** @return the envelope of the next event, acted by the decision's actor */
    EventEnvelope nextEnvelope(String type, long time) {
        return nextEnvelope(type, time, actor);
    }

    void rememberDefault(String defaultId, long lossMinor) {
        lastDefaultId = defaultId;
        lastLossMinor = lossMinor;
    }

    void rememberPenalty(String penaltyId) {
        lastPenaltyId = penaltyId;
    }

    long lastLossMinor() {
        return lastLossMinor;
    }

    String lastDefaultId() {
        return lastDefaultId;
    }

    String lastPenaltyId() {
        return lastPenaltyId;
    }
}
