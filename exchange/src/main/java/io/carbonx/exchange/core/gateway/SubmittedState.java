package io.carbonx.exchange.core.gateway;

import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderReplaceRequested;
import io.carbonx.events.OrderSubmitted;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The gateway's event-sourced state: the fold of {@code carbonx.orders.submitted} (OrderSubmitted,
 * OrderCancelRequested, OrderReplaceRequested). Per participant: the highest sequence number published (a request
 * must carry a higher one), and the first result for every client order id (a repeat gets it back). Rebuilt from
 * the topic at start, so a replayed request is refused after a restart too. {@link #apply} is idempotent (a record
 * seen twice changes nothing). Not thread-safe.
 */
public final class SubmittedState implements SubmittedView {

    /**
     * The first result for a client order id.
     *
     * @param orderId       the exchange order id assigned
     * @param sequence      the request's sequence number
     * @param clientOrderId the client order id
     * @param eventId       the event published for it
     */
    public record FirstResult(String orderId, long sequence, String clientOrderId, String eventId) {
    }

    private static final class Participant {
        long lastSequence = Long.MIN_VALUE;
        final TreeMap<String, FirstResult> byClientOrderId = new TreeMap<>();
    }

    private final TreeMap<String, Participant> participants = new TreeMap<>();
    private long applied;

    /** Folds one record of the topic; other record types are ignored. */
    public void apply(SpecificRecord event) {
        if (event instanceof OrderSubmitted s) {
            Participant p = participant(s.getParticipantId(), s.getSequence());
            p.byClientOrderId.putIfAbsent(s.getClientOrderId(), new FirstResult(s.getOrderId(), s.getSequence(),
                    s.getClientOrderId(), s.getEnvelope().getEventId()));
        } else if (event instanceof OrderReplaceRequested r) {
            Participant p = participant(r.getParticipantId(), r.getSequence());
            p.byClientOrderId.putIfAbsent(r.getClientOrderId(), new FirstResult(r.getNewOrderId(), r.getSequence(),
                    r.getClientOrderId(), r.getEnvelope().getEventId()));
        } else if (event instanceof OrderCancelRequested c) {
            participant(c.getParticipantId(), c.getSequence());
        } else {
            return;
        }
        applied++;
    }

    private Participant participant(String id, long sequence) {
        Participant p = participants.computeIfAbsent(id, k -> new Participant());
        p.lastSequence = Math.max(p.lastSequence, sequence);
        return p;
    }

    @Override
    public Optional<Long> lastSequence(String participantId) {
        Participant p = participants.get(participantId);
        return p == null ? Optional.empty() : Optional.of(p.lastSequence);
    }

    @Override
    public Optional<FirstResult> firstResult(String participantId, String clientOrderId) {
        Participant p = participants.get(participantId);
        return p == null ? Optional.empty() : Optional.ofNullable(p.byClientOrderId.get(clientOrderId));
    }

    /** Records folded so far. */
    public long applied() {
        return applied;
    }
}
