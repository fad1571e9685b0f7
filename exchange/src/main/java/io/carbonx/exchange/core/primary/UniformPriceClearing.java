package io.carbonx.exchange.core.primary;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clears a sealed-bid, uniform-price primary auction — a pure function of the spec and the live bids (their order
 * does not matter: there is no time priority in a sealed-bid auction).
 *
 * <p>The rule (modelled on the EU ETS auctions, Regulation (EU) 1031/2010 Art. 7):
 * <ol>
 *   <li>Bids priced below the reserve are rejected. The rest are <em>valid</em>.</li>
 *   <li>Valid bids are sorted by price, highest first. Walking down the distinct prices, the clearing price P* is
 *       the first price at which the cumulative quantity bid at or above it reaches the quantity offered Q — the
 *       lowest accepted bid price at which demand ≥ supply.</li>
 *   <li>Bids above P* are filled in full. The R = Q − (quantity above P*) tonnes left are shared among the
 *       marginal bids at P*: each gets {@code floor(R × q / M)} lots (M = lots bid at P*), and the lots still left
 *       go one each to the marginal bids with the largest remainders {@code R × q mod M}, equal remainders in
 *       {@link DrawOrder} (SHA-256 seeded by the auction id and the sealed book). A bid never gets more than it
 *       asked.</li>
 *   <li>Bids below P* get nothing.</li>
 *   <li>If all valid bids together ask for less than Q, the auction is undersubscribed: by default
 *       ({@link UndersubscriptionPolicy#CLEAR_AT_RESERVE}) every valid bid is filled in full at P* = the reserve
 *       and the rest stays unsold; under {@link UndersubscriptionPolicy#CANCEL} nothing is allocated.</li>
 * </ol>
 * Everyone allocated pays P* per tonne.
 */
public final class UniformPriceClearing {

    private UniformPriceClearing() {
    }

    /** A bid with its draw key. */
    private record Ranked(SealedBid bid, byte[] key) {
    }

    private static final Comparator<Ranked> PRICE_THEN_DRAW = (a, b) -> {
        int c = Long.compare(b.bid().priceMinor(), a.bid().priceMinor());
        return c != 0 ? c : DrawOrder.compare(a.key(), a.bid(), b.key(), b.bid());
    };

    /** Clears the auction; the bids must have passed the auction's validation (positive, lot and tick aligned). */
    public static AuctionResult clear(AuctionSpec spec, Collection<SealedBid> bids, long closedAtMs) {
        byte[] seed = DrawOrder.seed(spec.auctionId(), bids);
        List<Ranked> valid = new ArrayList<>();
        List<Ranked> belowReserve = new ArrayList<>();
        for (SealedBid b : bids) {
            Ranked r = new Ranked(b, DrawOrder.key(seed, b.bidderId(), b.bidId()));
            (b.priceMinor() >= spec.reservePriceMinor() ? valid : belowReserve).add(r);
        }
        valid.sort(PRICE_THEN_DRAW);
        belowReserve.sort(PRICE_THEN_DRAW);
        long[] allocated = new long[valid.size()];
        BidOutcome.Status[] status = new BidOutcome.Status[valid.size()];
        AuctionResult.Status auctionStatus;
        long price;
        int marginalStart = findMarginal(valid, spec.totalQuantity());
        if (marginalStart >= 0) {
            auctionStatus = AuctionResult.Status.CLEARED;
            price = valid.get(marginalStart).bid().priceMinor();
            allocateCleared(spec, valid, marginalStart, allocated, status);
        } else if (spec.undersubscription() == UndersubscriptionPolicy.CLEAR_AT_RESERVE) {
            auctionStatus = AuctionResult.Status.UNDERSUBSCRIBED;
            price = spec.reservePriceMinor();
            for (int i = 0; i < valid.size(); i++) {
                allocated[i] = valid.get(i).bid().quantity();
                status[i] = BidOutcome.Status.FILLED;
            }
        } else {
            auctionStatus = AuctionResult.Status.CANCELLED;
            price = 0;
            Arrays.fill(status, BidOutcome.Status.AUCTION_CANCELLED);
        }
        return result(spec, closedAtMs, seed, auctionStatus, price, valid, allocated, status, belowReserve);
    }

    /** Index of the first bid at the clearing price, or -1 if valid demand is below {@code total}. */
    private static int findMarginal(List<Ranked> valid, long total) {
        long above = 0;
        int i = 0;
        while (i < valid.size()) {
            long price = valid.get(i).bid().priceMinor();
            long level = 0;
            int j = i;
            while (j < valid.size() && valid.get(j).bid().priceMinor() == price) {
                level = saturatingAdd(level, valid.get(j).bid().quantity());
                j++;
            }
            if (saturatingAdd(above, level) >= total) {
                return i;
            }
            above += level;
            i = j;
        }
        return -1;
    }

    private static void allocateCleared(AuctionSpec spec, List<Ranked> valid, int marginalStart, long[] allocated,
                                        BidOutcome.Status[] status) {
        long price = valid.get(marginalStart).bid().priceMinor();
        long above = 0;
        for (int i = 0; i < marginalStart; i++) {
            allocated[i] = valid.get(i).bid().quantity();
            status[i] = BidOutcome.Status.FILLED;
            above += allocated[i];
        }
        int marginalEnd = marginalStart;
        while (marginalEnd < valid.size() && valid.get(marginalEnd).bid().priceMinor() == price) {
            marginalEnd++;
        }
        List<Long> marginalQuantities = new ArrayList<>();
        for (int i = marginalStart; i < marginalEnd; i++) {
            marginalQuantities.add(valid.get(i).bid().quantity());
        }
        long[] shares = ProRata.allocate(spec.totalQuantity() - above, marginalQuantities, spec.lotSize());
        for (int i = marginalStart; i < marginalEnd; i++) {
            allocated[i] = shares[i - marginalStart];
            status[i] = allocated[i] == valid.get(i).bid().quantity()
                    ? BidOutcome.Status.FILLED : BidOutcome.Status.PRO_RATED;
        }
        for (int i = marginalEnd; i < valid.size(); i++) {
            status[i] = BidOutcome.Status.OUTBID;
        }
    }

    private static AuctionResult result(AuctionSpec spec, long closedAtMs, byte[] seed,
                                        AuctionResult.Status auctionStatus,
                                        long price, List<Ranked> valid, long[] allocated,
                                        BidOutcome.Status[] status, List<Ranked> belowReserve) {
        List<BidOutcome> outcomes = new ArrayList<>();
        Map<String, Long> perBidder = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < valid.size(); i++) {
            SealedBid b = valid.get(i).bid();
            outcomes.add(new BidOutcome(b.bidId(), b.bidderId(), b.priceMinor(), b.quantity(), allocated[i],
                    status[i]));
            if (allocated[i] > 0) {
                perBidder.merge(b.bidderId(), allocated[i], Math::addExact);
                total = Math.addExact(total, allocated[i]);
            }
        }
        for (Ranked r : belowReserve) {
            SealedBid b = r.bid();
            outcomes.add(new BidOutcome(b.bidId(), b.bidderId(), b.priceMinor(), b.quantity(), 0,
                    BidOutcome.Status.REJECTED_BELOW_RESERVE));
        }
        List<BidderAllocation> allocations = new ArrayList<>();
        for (Map.Entry<String, Long> e : perBidder.entrySet()) {
            allocations.add(new BidderAllocation(spec.auctionId() + "/" + e.getKey(), spec.auctionId(), e.getKey(),
                    spec.instrumentId(), spec.vintage(), e.getValue(), price,
                    Math.multiplyExact(e.getValue(), price)));
        }
        return new AuctionResult(spec.auctionId(), spec.instrumentId(), spec.vintage(), auctionStatus, price,
                spec.reservePriceMinor(), spec.totalQuantity(), total, spec.totalQuantity() - total, closedAtMs,
                HexFormat.of().formatHex(seed), outcomes, allocations);
    }

    private static long saturatingAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** Largest-remainder pro-rata rationing in whole lots. */
    static final class ProRata {

        private ProRata() {
        }

        /**
         * Shares {@code available} tonnes among {@code quantities} (in draw order) in proportion to the quantities,
         * in whole lots: floor shares first, then one lot each to the largest remainders, equal remainders in the
         * given (draw) order. Requires {@code 0 <= available < sum(quantities)} or equal, everything a multiple of
         * {@code lot}.
         */
        static long[] allocate(long available, List<Long> quantities, long lot) {
            BigInteger r = BigInteger.valueOf(available / lot);
            BigInteger m = BigInteger.ZERO;
            for (long q : quantities) {
                m = m.add(BigInteger.valueOf(q / lot));
            }
            int n = quantities.size();
            long[] lots = new long[n];
            long[] remainder = new long[n];
            long given = 0;
            for (int i = 0; i < n; i++) {
                BigInteger[] qr = r.multiply(BigInteger.valueOf(quantities.get(i) / lot)).divideAndRemainder(m);
                lots[i] = qr[0].longValueExact();
                remainder[i] = qr[1].longValueExact();
                given += lots[i];
            }
            long leftover = available / lot - given;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
            for (int k = 0; k < leftover; k++) {
                lots[order.get(k)]++;
            }
            long[] tonnes = new long[n];
            for (int i = 0; i < n; i++) {
                tonnes[i] = Math.multiplyExact(lots[i], lot);
                if (tonnes[i] > quantities.get(i)) {
                    throw new IllegalStateException("pro rata exceeded a bid: " + tonnes[i] + " > " + quantities.get(i));
                }
            }
            return tonnes;
        }
    }
}
