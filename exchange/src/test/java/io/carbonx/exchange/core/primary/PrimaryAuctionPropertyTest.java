package io.carbonx.exchange.core.primary;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Allocation invariants of the primary auction over seeded random books (the seed is the reported sample). */
class PrimaryAuctionPropertyTest {

    private record Book(AuctionSpec spec, List<SealedBid> bids) {
    }

    private static Book randomBook(long seed) {
        Random r = new Random(seed);
        long lot = 1 + r.nextInt(3) * 4L;
        long tick = 1 + r.nextInt(2) * 4L;
        long total = lot * (1 + r.nextInt(200));
        long reserve = tick * (5 + r.nextInt(10));
        UndersubscriptionPolicy policy = r.nextInt(4) == 0 ? UndersubscriptionPolicy.CANCEL
                : UndersubscriptionPolicy.CLEAR_AT_RESERVE;
        AuctionSpec spec = AuctionSpec.of("AUC-" + seed, "EUA-2026", 2026, "REG", total, reserve, 0, 100)
                .withLotAndTick(lot, tick).withUndersubscription(policy).withMaxBidsPerBidder(5);
        List<SealedBid> bids = new ArrayList<>();
        int bidders = 1 + r.nextInt(8);
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) {
            long quantity = lot * (1 + r.nextInt((int) (total / lot)));
            long price = tick * (3 + r.nextInt(15)); // few distinct prices: many ties at the margin
            bids.add(new SealedBid("bid" + i, "E" + r.nextInt(bidders), price, quantity));
        }
        return new Book(spec, bids);
    }

    private static PrimaryAuctionHouse load(Book b, List<SealedBid> order) {
        PrimaryAuctionHouse h = new PrimaryAuctionHouse();
        assertThat(h.schedule(b.spec(), Role.REGULATOR, 0).accepted()).isTrue();
        for (SealedBid bid : order) {
            h.submitBid(b.spec().auctionId(), bid, 50); // TOO_MANY_BIDS refusals are part of the input
        }
        return h;
    }

    private static AuctionResult clear(PrimaryAuctionHouse h, Book b) {
        return h.close(b.spec().auctionId(), 100).result();
    }

    @Property(tries = 500)
    void allocationsAreConservedAndRespectEveryBid(@ForAll long seed) {
        Book b = randomBook(seed);
        AuctionResult r = clear(load(b, b.bids()), b);
        AuctionSpec s = b.spec();

        long byBid = r.bids().stream().mapToLong(BidOutcome::allocatedQuantity).sum();
        long byBidder = r.allocations().stream().mapToLong(BidderAllocation::quantity).sum();
        assertThat(byBid).isEqualTo(byBidder).isEqualTo(r.allocatedQuantity());
        assertThat(r.allocatedQuantity() + r.unsoldQuantity()).isEqualTo(s.totalQuantity());
        assertThat(r.allocatedQuantity()).isBetween(0L, s.totalQuantity());
        for (BidOutcome o : r.bids()) {
            assertThat(o.allocatedQuantity()).isBetween(0L, o.quantity());
            assertThat(o.allocatedQuantity() % s.lotSize()).isZero();
            if (o.priceMinor() < s.reservePriceMinor()) {
                assertThat(o.status()).isEqualTo(BidOutcome.Status.REJECTED_BELOW_RESERVE);
            }
        }
        for (BidderAllocation a : r.allocations()) {
            assertThat(a.quantity()).isPositive();
            assertThat(a.amountMinor()).isEqualTo(a.quantity() * r.clearingPriceMinor());
        }
    }

    @Property(tries = 500)
    void clearingPriceIsTheLowestAcceptedPriceWhereDemandMeetsSupply(@ForAll long seed) {
        Book b = randomBook(seed);
        AuctionResult r = clear(load(b, b.bids()), b);
        AuctionSpec s = b.spec();
        List<BidOutcome> valid = r.bids().stream().filter(o -> o.priceMinor() >= s.reservePriceMinor()).toList();
        long validDemand = valid.stream().mapToLong(BidOutcome::quantity).sum();

        if (validDemand >= s.totalQuantity()) {
            long p = r.clearingPriceMinor();
            assertThat(r.status()).isEqualTo(AuctionResult.Status.CLEARED);
            assertThat(r.allocatedQuantity()).isEqualTo(s.totalQuantity());
            assertThat(valid.stream().filter(o -> o.priceMinor() >= p).mapToLong(BidOutcome::quantity).sum())
                    .isGreaterThanOrEqualTo(s.totalQuantity());
            assertThat(valid.stream().filter(o -> o.priceMinor() > p).mapToLong(BidOutcome::quantity).sum())
                    .isLessThan(s.totalQuantity());
            valid.stream().filter(o -> o.priceMinor() > p)
                    .forEach(o -> assertThat(o.allocatedQuantity()).isEqualTo(o.quantity()));
            valid.stream().filter(o -> o.priceMinor() < p)
                    .forEach(o -> assertThat(o.allocatedQuantity()).isZero());
        } else if (s.undersubscription() == UndersubscriptionPolicy.CLEAR_AT_RESERVE) {
            assertThat(r.status()).isEqualTo(AuctionResult.Status.UNDERSUBSCRIBED);
            assertThat(r.clearingPriceMinor()).isEqualTo(s.reservePriceMinor());
            valid.forEach(o -> assertThat(o.allocatedQuantity()).isEqualTo(o.quantity()));
        } else {
            assertThat(r.status()).isEqualTo(AuctionResult.Status.CANCELLED);
            assertThat(r.allocatedQuantity()).isZero();
        }
    }

    @Property(tries = 500)
    void marginalBidsGetTheirProRataShareWithinOneLot(@ForAll long seed) {
        Book b = randomBook(seed);
        AuctionResult r = clear(load(b, b.bids()), b);
        if (r.status() != AuctionResult.Status.CLEARED) {
            return;
        }
        long p = r.clearingPriceMinor();
        long lot = b.spec().lotSize();
        List<BidOutcome> marginal = r.bids().stream().filter(o -> o.priceMinor() == p).toList();
        long above = r.bids().stream().filter(o -> o.priceMinor() > p).mapToLong(BidOutcome::quantity).sum();
        BigInteger rest = BigInteger.valueOf((b.spec().totalQuantity() - above) / lot);
        BigInteger m = BigInteger.valueOf(marginal.stream().mapToLong(o -> o.quantity() / lot).sum());
        for (BidOutcome o : marginal) {
            long floor = rest.multiply(BigInteger.valueOf(o.quantity() / lot)).divide(m).longValueExact();
            assertThat(o.allocatedQuantity() / lot).isBetween(floor, floor + 1);
        }
    }

    @Property(tries = 300)
    void submissionOrderDoesNotMatter_noTimePriorityInASealedAuction(@ForAll long seed) {
        Book b = randomBook(seed);
        // the per-bidder limit makes feed order decide which bids are admitted: shuffle the admitted ones
        List<SealedBid> admitted = admittedBids(b);
        List<SealedBid> shuffledAdmitted = new ArrayList<>(admitted);
        Collections.shuffle(shuffledAdmitted, new Random(seed));

        PrimaryAuctionHouse first = load(b, admitted);
        PrimaryAuctionHouse second = load(b, shuffledAdmitted);

        assertThat(clear(second, b)).isEqualTo(clear(first, b));
        assertThat(second.stateHash()).isEqualTo(first.stateHash());
    }

    @Property(tries = 200)
    void sameInputSameResultAndStateHash(@ForAll long seed) {
        Book b = randomBook(seed);
        PrimaryAuctionHouse one = load(b, b.bids());
        PrimaryAuctionHouse two = load(randomBook(seed), randomBook(seed).bids());

        assertThat(clear(one, b).digest()).isEqualTo(clear(two, b).digest());
        assertThat(one.stateHash()).isEqualTo(two.stateHash());
    }

    /** The bids a house admits when fed in list order (the per-bidder limit refuses the rest). */
    private static List<SealedBid> admittedBids(Book b) {
        PrimaryAuctionHouse h = new PrimaryAuctionHouse();
        h.schedule(b.spec(), Role.REGULATOR, 0);
        List<SealedBid> admitted = new ArrayList<>();
        for (SealedBid bid : b.bids()) {
            if (h.submitBid(b.spec().auctionId(), bid, 50).accepted()) {
                admitted.add(bid);
            }
        }
        return admitted;
    }
}
