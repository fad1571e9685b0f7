package io.carbonx.exchange.core.primary;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;

/** A house with one scheduled auction and short helpers. */
final class AuctionFixtures {

    static final String AUCTION = "A1";
    static final String REGULATOR = "REG";
    static final long OPEN = 1_000;
    static final long CLOSE = 2_000;
    static final long DURING = 1_500;

    private AuctionFixtures() {
    }

    static AuctionSpec spec(long quantity, long reserve) {
        return AuctionSpec.of(AUCTION, "EUA-2026", 2026, REGULATOR, quantity, reserve, OPEN, CLOSE);
    }

    static PrimaryAuctionHouse house(AuctionSpec spec) {
        PrimaryAuctionHouse h = new PrimaryAuctionHouse();
        assertThat(h.schedule(spec, Role.REGULATOR, 0).accepted()).isTrue();
        return h;
    }

    static void bid(PrimaryAuctionHouse h, String bidId, String bidder, long price, long quantity) {
        AuctionReply reply = h.submitBid(AUCTION, new SealedBid(bidId, bidder, price, quantity), DURING);
        assertThat(reply.accepted()).as("%s", reply).isTrue();
    }

    static AuctionResult close(PrimaryAuctionHouse h) {
        CloseOutcome out = h.close(AUCTION, CLOSE);
        assertThat(out.cleared()).as("%s", out.reply()).isTrue();
        return out.result();
    }

    static BidOutcome outcome(AuctionResult r, String bidId) {
        return r.bids().stream().filter(b -> b.bidId().equals(bidId)).findFirst().orElseThrow();
    }
}
