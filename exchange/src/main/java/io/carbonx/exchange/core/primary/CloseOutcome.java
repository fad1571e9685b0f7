package io.carbonx.exchange.core.primary;

/**
 * The answer to a close command: the result when the auction was cleared now, else the reason it was not.
 *
 * @param result the auction result; null when refused
 * @param reply  accepted, or the refusal reason
 */
public record CloseOutcome(AuctionResult result, AuctionReply reply) {

    static CloseOutcome cleared(AuctionResult result) {
        return new CloseOutcome(result, AuctionReply.OK);
    }

    static CloseOutcome refused(AuctionRejectReason reason, String detail) {
        return new CloseOutcome(null, AuctionReply.refused(reason, detail));
    }

    /** Whether the auction was cleared by this command. */
    public boolean cleared() {
        return result != null;
    }
}
