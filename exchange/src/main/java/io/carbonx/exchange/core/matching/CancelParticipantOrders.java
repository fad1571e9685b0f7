package io.carbonx.exchange.core.matching;

/**
 * Cancels every live order of a participant (e.g. when its account is frozen), bids first, each side in
 * priority order. A participant with no orders produces no events.
 *
 * @param participantId the participant
 * @param timeMs        logical time
 */
public record CancelParticipantOrders(String participantId, long timeMs) implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.CANCEL_PARTICIPANT_ORDERS;
    }
}
