package io.carbonx.exchange.core.gateway;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * A batch's view for group commit: the folded {@link SubmittedState} plus the events decided earlier in the same
 * batch and not yet acknowledged, so two requests of one participant in a batch see each other's sequence and client
 * order id exactly as if the first had been published and folded before the second was decided. The base is only
 * read (the caller holds whatever lock guards it); the pending events are folded here, never into the base. Not
 * thread-safe.
 */
public final class PendingView implements SubmittedView {

    private final SubmittedView base;
    private final SubmittedState pending = new SubmittedState();

    /** @param base the state as folded from acknowledged events */
    public PendingView(SubmittedView base) {
        this.base = base;
    }

    /** Adds an event decided in this batch (published next). */
    public void add(SpecificRecord event) {
        pending.apply(event);
    }

    @Override
    public Optional<Long> lastSequence(String participantId) {
        Optional<Long> folded = base.lastSequence(participantId);
        Optional<Long> batch = pending.lastSequence(participantId);
        if (folded.isEmpty()) {
            return batch;
        }
        return batch.isEmpty() ? folded : Optional.of(Math.max(folded.get(), batch.get()));
    }

    @Override
    public Optional<SubmittedState.FirstResult> firstResult(String participantId, String clientOrderId) {
        return base.firstResult(participantId, clientOrderId).or(() -> pending.firstResult(participantId,
                clientOrderId));
    }
}
