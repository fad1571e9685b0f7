package io.carbonx.exchange.core.gateway;

import java.util.Optional;

/**
 * What order entry reads of the published requests: per participant, the highest sequence published and the first
 * result of every client order id. {@link SubmittedState} is the folded topic; {@link PendingView} adds the events
 * of a batch that are decided but not yet acknowledged.
 */
public interface SubmittedView {

    /** The highest sequence published for the participant, if any. */
    Optional<Long> lastSequence(String participantId);

    /** The first result for a participant's client order id, if it was accepted before. */
    Optional<SubmittedState.FirstResult> firstResult(String participantId, String clientOrderId);
}
