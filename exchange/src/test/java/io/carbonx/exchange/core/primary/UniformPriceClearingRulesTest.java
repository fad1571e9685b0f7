package io.carbonx.exchange.core.primary;

import static io.carbonx.exchange.core.primary.AuctionFixtures.bid;
import static io.carbonx.exchange.core.primary.AuctionFixtures.close;
import static io.carbonx.exchange.core.primary.AuctionFixtures.house;
import static io.carbonx.exchange.core.primary.AuctionFixtures.outcome;
import static io.carbonx.exchange.core.primary.AuctionFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clearing rules of the primary allocation auction. */
class UniformPriceClearingRulesTest {

    @Test
    void uniformClearingPrice_isTheLowestAcceptedBidWhereDemandMeetsSupply() {
        PrimaryAuctionHouse h = house(spec(1_000, 50));
        bid(h, "a", "A", 120, 400);
        bid(h, "b", "B", 110, 300);
        bid(h, "c", "C", 100, 500);
        bid(h, "d", "D", 90, 200);

        AuctionResult r = close(h);

        assertThat(r.status()).isEqualTo(AuctionResult.Status.CLEARED);
        assertThat(r.clearingPriceMinor()).isEqualTo(100);
        assertThat(r.bids()).extracting(BidOutcome::bidId, BidOutcome::allocatedQuantity, BidOutcome::status)
                .containsExactly(tuple("a", 400L, BidOutcome.Status.FILLED), tuple("b", 300L, BidOutcome.Status.FILLED),
                        tuple("c", 300L, BidOutcome.Status.PRO_RATED), tuple("d", 0L, BidOutcome.Status.OUTBID));
        assertThat(r.allocations()).extracting(BidderAllocation::bidderId, BidderAllocation::quantity,
                BidderAllocation::priceMinor, BidderAllocation::amountMinor)
                .containsExactly(tuple("A", 400L, 100L, 40_000L), tuple("B", 300L, 100L, 30_000L),
                        tuple("C", 300L, 100L, 30_000L));
        assertThat(r.allocatedQuantity()).isEqualTo(1_000);
        assertThat(r.unsoldQuantity()).isZero();
    }

    @Test
    void exactlySubscribed_fillsTheMarginalLevelInFull() {
        PrimaryAuctionHouse h = house(spec(500, 50));
        bid(h, "a", "A", 80, 200);
        bid(h, "b", "B", 70, 300);

        AuctionResult r = close(h);

        assertThat(r.clearingPriceMinor()).isEqualTo(70);
        assertThat(r.bids()).extracting(BidOutcome::status).containsOnly(BidOutcome.Status.FILLED);
    }

    @Test
    void marginalBidsAreProRated_thenDrawnDeterministically() {
        PrimaryAuctionHouse h = house(spec(10, 50));
        bid(h, "x", "X", 100, 10);
        bid(h, "y", "Y", 100, 10);
        bid(h, "z", "Z", 100, 10);

        AuctionResult r = close(h);

        // 10 x 10 / 30 = 3.33 each: 3 each, equal remainders, the one leftover tonne goes to the first in the draw
        List<String> drawOrder = independentDrawOrder(r, List.of(new SealedBid("x", "X", 100, 10),
                new SealedBid("y", "Y", 100, 10), new SealedBid("z", "Z", 100, 10)));
        assertThat(outcome(r, drawOrder.get(0)).allocatedQuantity()).isEqualTo(4);
        assertThat(outcome(r, drawOrder.get(1)).allocatedQuantity()).isEqualTo(3);
        assertThat(outcome(r, drawOrder.get(2)).allocatedQuantity()).isEqualTo(3);
        assertThat(r.bids()).extracting(BidOutcome::bidId).containsExactlyElementsOf(drawOrder);

        PrimaryAuctionHouse again = house(spec(10, 50));
        bid(again, "z", "Z", 100, 10);
        bid(again, "x", "X", 100, 10);
        bid(again, "y", "Y", 100, 10);
        assertThat(close(again)).isEqualTo(r);
    }

    @Test
    void largestRemainderWinsBeforeTheDraw() {
        // R = 7 among 6, 3, 1 (M = 10): exact shares 4.2, 2.1, 0.7 -> floors 4, 2, 0; the one lot left goes to the
        // largest remainder (0.7), not to the largest bid
        PrimaryAuctionHouse h = house(spec(7, 50));
        bid(h, "big", "A", 100, 6);
        bid(h, "mid", "B", 100, 3);
        bid(h, "small", "C", 100, 1);

        AuctionResult r = close(h);

        assertThat(outcome(r, "big").allocatedQuantity()).isEqualTo(4);
        assertThat(outcome(r, "mid").allocatedQuantity()).isEqualTo(2);
        assertThat(outcome(r, "small").allocatedQuantity()).isEqualTo(1);
        assertThat(outcome(r, "small").status()).isEqualTo(BidOutcome.Status.FILLED);
    }

    @Test
    void proRataAllocatesWholeLots() {
        PrimaryAuctionHouse h = house(spec(1_000, 50).withLotAndTick(100, 5));
        bid(h, "a", "A", 100, 700);
        bid(h, "b", "B", 100, 700);

        AuctionResult r = close(h);

        assertThat(r.bids()).extracting(BidOutcome::allocatedQuantity).allSatisfy(q -> assertThat(q % 100).isZero());
        assertThat(r.bids()).extracting(BidOutcome::allocatedQuantity).containsExactlyInAnyOrder(500L, 500L);
    }

    @Test
    void bidsBelowReserve_areAcceptedDuringTheWindow_andRejectedAtClose() {
        PrimaryAuctionHouse h = house(spec(100, 50));
        bid(h, "low", "A", 49, 100);
        bid(h, "ok", "B", 60, 100);

        AuctionResult r = close(h);

        assertThat(outcome(r, "low")).extracting(BidOutcome::status, BidOutcome::allocatedQuantity)
                .containsExactly(BidOutcome.Status.REJECTED_BELOW_RESERVE, 0L);
        assertThat(r.clearingPriceMinor()).isEqualTo(60);
        assertThat(r.bids()).extracting(BidOutcome::bidId).containsExactly("ok", "low");
    }

    @Test
    void undersubscribed_clearsAtTheReserve_andLeavesTheRestUnsold() {
        PrimaryAuctionHouse h = house(spec(1_000, 50));
        bid(h, "a", "A", 90, 300);
        bid(h, "b", "B", 70, 200);
        bid(h, "c", "C", 40, 900);

        AuctionResult r = close(h);

        assertThat(r.status()).isEqualTo(AuctionResult.Status.UNDERSUBSCRIBED);
        assertThat(r.clearingPriceMinor()).isEqualTo(50);
        assertThat(r.allocatedQuantity()).isEqualTo(500);
        assertThat(r.unsoldQuantity()).isEqualTo(500);
        assertThat(r.allocations()).extracting(BidderAllocation::amountMinor).containsExactly(15_000L, 10_000L);
    }

    @Test
    void undersubscribed_withCancelPolicy_allocatesNothing() {
        PrimaryAuctionHouse h = house(spec(1_000, 50).withUndersubscription(UndersubscriptionPolicy.CANCEL));
        bid(h, "a", "A", 90, 300);

        AuctionResult r = close(h);

        assertThat(r.status()).isEqualTo(AuctionResult.Status.CANCELLED);
        assertThat(r.allocations()).isEmpty();
        assertThat(r.unsoldQuantity()).isEqualTo(1_000);
        assertThat(outcome(r, "a").status()).isEqualTo(BidOutcome.Status.AUCTION_CANCELLED);
    }

    @Test
    void noBidsAtAll_leavesEverythingUnsold() {
        AuctionResult r = close(house(spec(1_000, 50)));

        assertThat(r.status()).isEqualTo(AuctionResult.Status.UNDERSUBSCRIBED);
        assertThat(r.allocatedQuantity()).isZero();
        assertThat(r.bids()).isEmpty();
    }

    @Test
    void severalBidsOfOneBidder_becomeOneAllocation() {
        PrimaryAuctionHouse h = house(spec(1_000, 50));
        bid(h, "a1", "A", 100, 300);
        bid(h, "a2", "A", 80, 300);
        bid(h, "b", "B", 90, 600);

        AuctionResult r = close(h);

        assertThat(r.clearingPriceMinor()).isEqualTo(80);
        assertThat(r.allocations()).extracting(BidderAllocation::allocationId, BidderAllocation::quantity,
                BidderAllocation::vintage).containsExactly(tuple("A1/A", 400L, 2026), tuple("A1/B", 600L, 2026));
    }

    @Test
    void drawSeedIsPublished_andRecomputableFromTheDocumentedFormula() throws Exception {
        PrimaryAuctionHouse h = house(spec(10, 50));
        List<SealedBid> bids = List.of(new SealedBid("b1", "B", 100, 7), new SealedBid("a1", "A", 100, 7));
        bids.forEach(b -> bid(h, b.bidId(), b.bidderId(), b.priceMinor(), b.quantity()));

        AuctionResult r = close(h);

        MessageDigest book = MessageDigest.getInstance("SHA-256");
        String lines = String.join("\0", "A", "a1", "100", "7") + "\n"
                + String.join("\0", "B", "b1", "100", "7") + "\n";
        book.update(lines.getBytes(StandardCharsets.UTF_8));
        MessageDigest seed = MessageDigest.getInstance("SHA-256");
        seed.update("A1\0".getBytes(StandardCharsets.UTF_8));
        seed.update(book.digest());
        assertThat(r.drawSeedHex()).isEqualTo(HexFormat.of().formatHex(seed.digest()));
    }

    @Test
    void theDrawDependsOnTheWholeSealedBook_soBidIdsCannotBeGroundForPriority() {
        List<SealedBid> book = List.of(new SealedBid("b1", "B", 100, 7), new SealedBid("a1", "A", 100, 7));
        List<SealedBid> otherBook = List.of(new SealedBid("b1", "B", 100, 8), new SealedBid("a1", "A", 100, 7));

        byte[] seed = DrawOrder.seed("A1", book);
        byte[] otherSeed = DrawOrder.seed("A1", otherBook);

        assertThat(seed).isNotEqualTo(otherSeed);
        assertThat(DrawOrder.key(seed, "A", "a1")).isNotEqualTo(DrawOrder.key(otherSeed, "A", "a1"));
        assertThat(DrawOrder.seed("A2", book)).isNotEqualTo(seed);
    }

    /** The draw order recomputed in the test from the documented formula, without {@link DrawOrder}. */
    private static List<String> independentDrawOrder(AuctionResult r, List<SealedBid> bids) {
        byte[] seed = HexFormat.of().parseHex(r.drawSeedHex());
        return bids.stream().map(b -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(seed);
                sha.update((b.bidderId() + "\0" + b.bidId()).getBytes(StandardCharsets.UTF_8));
                return new Object[] {b.bidId(), sha.digest()};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted(Comparator.comparing(o -> (byte[]) o[1], Arrays::compareUnsigned))
                .map(o -> (String) o[0]).toList();
    }
}
