package io.carbonx.exchange.core.matching;

/**
 * Cancels the remaining quantity of a live order. Accepted in every phase, including CLOSED.
 *
 * @param orderId       the live order
 * @param participantId must be the order's owner
 * @param timeMs        logical time
 */
public record CancelOrder(String orderId, String participantId, long timeMs) implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.CANCEL;
    }
}
