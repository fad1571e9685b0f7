package io.carbonx.exchange.core.matching;

/**
 * Cancels the remaining quantity of a live order. Accepted in every phase, including CLOSED.
 *
 * @param orderId       the live order
 * @param participantId must be the order's owner
 * @param timeMs        logical time
 * @param reason        reported on the OrderCancelled: USER_REQUESTED, or ACCOUNT_FROZEN when the registry asks
 */
public record CancelOrder(String orderId, String participantId, long timeMs, CancelReason reason) implements Command {

    /** The owner's own cancel (USER_REQUESTED). */
    public CancelOrder(String orderId, String participantId, long timeMs) {
        this(orderId, participantId, timeMs, CancelReason.USER_REQUESTED);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.CANCEL;
    }
}
