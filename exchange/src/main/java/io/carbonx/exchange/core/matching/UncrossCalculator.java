package io.carbonx.exchange.core.matching;

/**
 * Finds the uncross price of two {@link PriceLadder}s in one pass over the crossed price range, without
 * allocating: candidates are the distinct level prices in [best ask, best bid]; prices outside that range
 * execute nothing. Ranking: largest volume min(D, S), then smallest |D - S|, then nearest the reference, then
 * the lowest price (candidates are visited in ascending order and only a strictly better one replaces the best
 * so far). Results are left in the public fields.
 */
final class UncrossCalculator {

    long price;
    long volume;
    long imbalance;
    private long bestDistance;

    /** Computes the uncross of the ladders; false if the book is not crossed (fields then undefined). */
    boolean compute(PriceLadder bids, PriceLadder asks, long referencePrice) {
        PriceLevel bestBid = bids.best();
        PriceLevel bestAsk = asks.best();
        if (bestBid == null || bestAsk == null || bestBid.price < bestAsk.price) {
            return false;
        }
        long low = bestAsk.price;
        long high = bestBid.price;
        int bidStart = insertionPoint(bids, low, true);
        int askEnd = insertionPoint(asks, high, false);
        long bidTotal = 0;
        for (int i = bidStart; i < bids.size; i++) {
            bidTotal += bids.levels[i].total;
        }
        volume = -1;
        int i = bidStart;
        int j = asks.size - 1;
        long bidBelow = 0;
        long askUpTo = 0;
        while (i < bids.size || j >= askEnd) {
            long bidPrice = i < bids.size ? bids.levels[i].price : Long.MAX_VALUE;
            long askPrice = j >= askEnd ? asks.levels[j].price : Long.MAX_VALUE;
            long p = Math.min(bidPrice, askPrice);
            while (j >= askEnd && asks.levels[j].price <= p) {
                askUpTo += asks.levels[j].total;
                j--;
            }
            consider(p, bidTotal - bidBelow, askUpTo, referencePrice);
            while (i < bids.size && bids.levels[i].price <= p) {
                bidBelow += bids.levels[i].total;
                i++;
            }
        }
        return volume > 0;
    }

    private void consider(long p, long demand, long supply, long referencePrice) {
        long v = Math.min(demand, supply);
        long imb = demand - supply;
        long distance = Math.abs(p - referencePrice);
        boolean better;
        if (v != volume) {
            better = v > volume;
        } else if (Math.abs(imb) != Math.abs(imbalance)) {
            better = Math.abs(imb) < Math.abs(imbalance);
        } else {
            better = distance < bestDistance;
        }
        if (better) {
            volume = v;
            imbalance = imb;
            price = p;
            bestDistance = distance;
        }
    }

    /**
     * First index (from the worst end) of the levels that are priced at or better than {@code bound}: bids
     * with price &ge; bound ({@code bidSide}), asks with price &le; bound.
     */
    private static int insertionPoint(PriceLadder ladder, long bound, boolean bidSide) {
        int lo = 0;
        int hi = ladder.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long p = ladder.levels[mid].price;
            boolean inRange = bidSide ? p >= bound : p <= bound;
            if (inRange) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
