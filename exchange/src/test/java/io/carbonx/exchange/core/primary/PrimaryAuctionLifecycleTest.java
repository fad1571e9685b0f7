package io.carbonx.exchange.core.primary;

import static io.carbonx.exchange.core.primary.AuctionFixtures.AUCTION;
import static io.carbonx.exchange.core.primary.AuctionFixtures.CLOSE;
import static io.carbonx.exchange.core.primary.AuctionFixtures.DURING;
import static io.carbonx.exchange.core.primary.AuctionFixtures.OPEN;
import static io.carbonx.exchange.core.primary.AuctionFixtures.REGULATOR;
import static io.carbonx.exchange.core.primary.AuctionFixtures.bid;
import static io.carbonx.exchange.core.primary.AuctionFixtures.close;
import static io.carbonx.exchange.core.primary.AuctionFixtures.house;
import static io.carbonx.exchange.core.primary.AuctionFixtures.outcome;
import static io.carbonx.exchange.core.primary.AuctionFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scheduling, the bidding window, sealed bids, amendment and withdrawal, refusals that change nothing. */
class PrimaryAuctionLifecycleTest {

    @Test
    void onlyARegulatorCanScheduleAnAuction() {
        PrimaryAuctionHouse h = new PrimaryAuctionHouse();

        AuctionReply reply = h.schedule(spec(100, 50), Role.ENTERPRISE, 0);

        assertThat(reply.reason()).isEqualTo(AuctionRejectReason.NOT_REGULATOR);
        assertThat(h.phase(AUCTION, 0)).isEmpty();
    }

    static Stream<Arguments> badSpecs() {
        AuctionSpec ok = spec(100, 50);
        return Stream.of(
                Arguments.of("blank id", AuctionSpec.of(" ", "EUA", 2026, REGULATOR, 100, 50, OPEN, CLOSE),
                        AuctionRejectReason.INVALID_ID),
                Arguments.of("zero quantity", spec(0, 50), AuctionRejectReason.QUANTITY_NOT_POSITIVE),
                Arguments.of("zero reserve", spec(100, 0), AuctionRejectReason.PRICE_NOT_POSITIVE),
                Arguments.of("off lot", ok.withLotAndTick(30, 1), AuctionRejectReason.OFF_LOT),
                Arguments.of("off tick", ok.withLotAndTick(1, 7), AuctionRejectReason.OFF_TICK),
                Arguments.of("zero lot", ok.withLotAndTick(0, 1), AuctionRejectReason.INVALID_LIMITS),
                Arguments.of("zero bids per bidder", ok.withMaxBidsPerBidder(0), AuctionRejectReason.INVALID_LIMITS),
                Arguments.of("empty window", AuctionSpec.of("A1", "EUA", 2026, REGULATOR, 100, 50, CLOSE, CLOSE),
                        AuctionRejectReason.INVALID_WINDOW),
                Arguments.of("window in the past", AuctionSpec.of("A1", "EUA", 2026, REGULATOR, 100, 50, -10, -1),
                        AuctionRejectReason.WINDOW_IN_PAST),
                Arguments.of("no policy", ok.withUndersubscription(null), AuctionRejectReason.MALFORMED),
                Arguments.of("null spec", null, AuctionRejectReason.MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpec_isRefusedWithAPreciseReason_andChangesNothing(String name, AuctionSpec spec,
                                                              AuctionRejectReason reason) {
        PrimaryAuctionHouse h = new PrimaryAuctionHouse();
        String before = h.stateHash();

        assertThat(h.schedule(spec, Role.REGULATOR, 0).reason()).isEqualTo(reason);
        assertThat(h.stateHash()).isEqualTo(before);
    }

    @Test
    void duplicateAuctionId_isRefused() {
        PrimaryAuctionHouse h = house(spec(100, 50));

        assertThat(h.schedule(spec(200, 50), Role.REGULATOR, 0).reason())
                .isEqualTo(AuctionRejectReason.DUPLICATE_AUCTION_ID);
        assertThat(h.spec(AUCTION)).hasValueSatisfying(s -> assertThat(s.totalQuantity()).isEqualTo(100));
    }

    @Test
    void phasesFollowLogicalTime() {
        PrimaryAuctionHouse h = house(spec(100, 50));

        assertThat(h.phase(AUCTION, OPEN - 1)).contains(AuctionPhase.SCHEDULED);
        assertThat(h.phase(AUCTION, OPEN)).contains(AuctionPhase.OPEN);
        assertThat(h.phase(AUCTION, CLOSE - 1)).contains(AuctionPhase.OPEN);
        assertThat(h.phase(AUCTION, CLOSE)).contains(AuctionPhase.AWAITING_CLEARING);
        close(h);
        assertThat(h.phase(AUCTION, CLOSE)).contains(AuctionPhase.CLEARED);
    }

    @Test
    void bidBeforeTheWindow_isRefused() {
        PrimaryAuctionHouse h = house(spec(100, 50));

        assertThat(h.submitBid(AUCTION, new SealedBid("b", "B", 60, 10), OPEN - 1).reason())
                .isEqualTo(AuctionRejectReason.AUCTION_NOT_OPEN);
    }

    @Test
    void bidAfterClose_isRefusedWithAReason() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        String before = h.stateHash();

        AuctionReply atClose = h.submitBid(AUCTION, new SealedBid("b", "B", 60, 10), CLOSE);

        assertThat(atClose.accepted()).isFalse();
        assertThat(atClose.reason()).isEqualTo(AuctionRejectReason.AUCTION_CLOSED);
        assertThat(atClose.detail()).contains("closed at " + CLOSE);
        assertThat(h.stateHash()).isEqualTo(before);
        close(h);
        assertThat(h.submitBid(AUCTION, new SealedBid("b", "B", 60, 10), DURING).reason())
                .as("even with a stale time, a cleared auction takes no bids")
                .isEqualTo(AuctionRejectReason.AUCTION_CLOSED);
    }

    @Test
    void bidsCanBeAmendedUntilClose_andTheAmendedTermsClear() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        bid(h, "b", "B", 60, 10);

        assertThat(h.amendBid(AUCTION, "B", "b", 70, 100, CLOSE - 1).accepted()).isTrue();
        assertThat(h.amendBid(AUCTION, "B", "b", 80, 100, CLOSE).reason())
                .isEqualTo(AuctionRejectReason.AUCTION_CLOSED);
        AuctionResult r = close(h);

        assertThat(outcome(r, "b")).extracting(BidOutcome::priceMinor, BidOutcome::allocatedQuantity)
                .containsExactly(70L, 100L);
        assertThat(r.clearingPriceMinor()).isEqualTo(70);
    }

    @Test
    void amendmentIsValidatedLikeABid() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        bid(h, "b", "B", 60, 10);
        String before = h.stateHash();

        assertThat(h.amendBid(AUCTION, "B", "b", 0, 10, DURING).reason())
                .isEqualTo(AuctionRejectReason.PRICE_NOT_POSITIVE);
        assertThat(h.amendBid(AUCTION, "B", "b", 60, 101, DURING).reason())
                .isEqualTo(AuctionRejectReason.QUANTITY_EXCEEDS_SUPPLY);
        assertThat(h.stateHash()).isEqualTo(before);
    }

    @Test
    void withdrawnBidTakesNoPart_andItsIdCannotBeReused() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        bid(h, "b", "B", 60, 10);

        assertThat(h.withdrawBid(AUCTION, "B", "b", DURING).accepted()).isTrue();
        assertThat(h.submitBid(AUCTION, new SealedBid("b", "B", 60, 10), DURING).reason())
                .isEqualTo(AuctionRejectReason.DUPLICATE_BID_ID);
        assertThat(h.withdrawBid(AUCTION, "B", "b", DURING).reason()).isEqualTo(AuctionRejectReason.UNKNOWN_BID);
        assertThat(close(h).bids()).isEmpty();
    }

    @Test
    void bidsAreSealed_otherBiddersCanNeitherSeeNorTouchThem() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        bid(h, "b", "B", 60, 10);
        bid(h, "c", "C", 65, 10);

        assertThat(h.bidsOf(AUCTION, "B")).extracting(SealedBid::bidId).containsExactly("b");
        assertThat(h.bidsOf(AUCTION, "C")).extracting(SealedBid::bidId).containsExactly("c");
        assertThat(h.result(AUCTION)).isEmpty();
        AuctionReply foreign = h.amendBid(AUCTION, "C", "b", 99, 10, DURING);
        AuctionReply missing = h.amendBid(AUCTION, "C", "nope", 99, 10, DURING);
        assertThat(foreign.reason()).isEqualTo(AuctionRejectReason.UNKNOWN_BID).isEqualTo(missing.reason());
        assertThat(h.withdrawBid(AUCTION, "C", "b", DURING).reason()).isEqualTo(AuctionRejectReason.UNKNOWN_BID);
        // the same bid id is independent per bidder
        bid(h, "b", "C", 70, 10);
    }

    static Stream<Arguments> badBids() {
        return Stream.of(
                Arguments.of(new SealedBid("", "B", 60, 10), AuctionRejectReason.INVALID_ID),
                Arguments.of(new SealedBid("b", null, 60, 10), AuctionRejectReason.INVALID_ID),
                Arguments.of(new SealedBid("b", REGULATOR, 60, 10), AuctionRejectReason.REGULATOR_CANNOT_BID),
                Arguments.of(new SealedBid("b", "B", 0, 10), AuctionRejectReason.PRICE_NOT_POSITIVE),
                Arguments.of(new SealedBid("b", "B", 61, 10), AuctionRejectReason.OFF_TICK),
                Arguments.of(new SealedBid("b", "B", 60, 0), AuctionRejectReason.QUANTITY_NOT_POSITIVE),
                Arguments.of(new SealedBid("b", "B", 60, 15), AuctionRejectReason.OFF_LOT),
                Arguments.of(new SealedBid("b", "B", 60, 1_010), AuctionRejectReason.QUANTITY_EXCEEDS_SUPPLY),
                Arguments.of(new SealedBid("b", "B", Long.MAX_VALUE / 5 * 5, 10),
                        AuctionRejectReason.NOTIONAL_OVERFLOW),
                Arguments.of(null, AuctionRejectReason.MALFORMED));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badBids")
    void badBid_isRefusedWithAPreciseReason_andChangesNothing(SealedBid bid, AuctionRejectReason reason) {
        PrimaryAuctionHouse h = house(spec(1_000, 50).withLotAndTick(10, 5));
        String before = h.stateHash();

        assertThat(h.submitBid(AUCTION, bid, DURING).reason()).isEqualTo(reason);
        assertThat(h.stateHash()).isEqualTo(before);
    }

    @Test
    void aBidderCanHoldSeveralBids_upToTheLimit() {
        PrimaryAuctionHouse h = house(spec(100, 50).withMaxBidsPerBidder(2));
        bid(h, "b1", "B", 60, 10);
        bid(h, "b2", "B", 55, 10);

        assertThat(h.submitBid(AUCTION, new SealedBid("b3", "B", 50, 10), DURING).reason())
                .isEqualTo(AuctionRejectReason.TOO_MANY_BIDS);
        assertThat(h.withdrawBid(AUCTION, "B", "b1", DURING).accepted()).isTrue();
        bid(h, "b3", "B", 50, 10);
    }

    @Test
    void unknownAuction_isRefused() {
        PrimaryAuctionHouse h = new PrimaryAuctionHouse();

        assertThat(h.submitBid("nope", new SealedBid("b", "B", 60, 10), DURING).reason())
                .isEqualTo(AuctionRejectReason.UNKNOWN_AUCTION);
        assertThat(h.close("nope", CLOSE).reply().reason()).isEqualTo(AuctionRejectReason.UNKNOWN_AUCTION);
        assertThat(h.amendBid("nope", "B", "b", 1, 1, DURING).reason()).isEqualTo(AuctionRejectReason.UNKNOWN_AUCTION);
        assertThat(h.withdrawBid("nope", "B", "b", DURING).reason()).isEqualTo(AuctionRejectReason.UNKNOWN_AUCTION);
    }

    @Test
    void closeBeforeTheWindowEnds_isRefused_andCloseTwiceToo() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        bid(h, "b", "B", 60, 10);

        assertThat(h.close(AUCTION, CLOSE - 1).reply().reason()).isEqualTo(AuctionRejectReason.TOO_EARLY_TO_CLOSE);
        AuctionResult r = close(h);
        String hash = h.stateHash();
        assertThat(h.close(AUCTION, CLOSE + 5).reply().reason()).isEqualTo(AuctionRejectReason.ALREADY_CLOSED);
        assertThat(h.result(AUCTION)).contains(r);
        assertThat(h.stateHash()).isEqualTo(hash);
    }

    @Test
    void sameCommands_giveTheSameStateHash() {
        Function<Integer, PrimaryAuctionHouse> run = ignored -> {
            PrimaryAuctionHouse h = house(spec(100, 50));
            bid(h, "b", "B", 60, 40);
            bid(h, "c", "C", 60, 40);
            bid(h, "d", "D", 60, 40);
            h.amendBid(AUCTION, "D", "d", 55, 50, DURING);
            close(h);
            return h;
        };

        assertThat(run.apply(1).stateHash()).isEqualTo(run.apply(2).stateHash());
        assertThat(run.apply(1).result(AUCTION).orElseThrow().digest())
                .isEqualTo(run.apply(2).result(AUCTION).orElseThrow().digest());
    }
}
