package io.carbonx.exchange.core.primary;

/**
 * The answer to a scheduling, bid, amendment or withdrawal command.
 *
 * @param accepted whether the command took effect
 * @param reason   why it was refused; null when accepted
 * @param detail   human-readable detail (empty when accepted)
 */
public record AuctionReply(boolean accepted, AuctionRejectReason reason, String detail) {

    static final AuctionReply OK = new AuctionReply(true, null, "");

    static AuctionReply refused(AuctionRejectReason reason, String detail) {
        return new AuctionReply(false, reason, detail);
    }
}
