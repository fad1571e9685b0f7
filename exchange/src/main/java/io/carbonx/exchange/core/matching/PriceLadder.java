package io.carbonx.exchange.core.matching;

import java.util.Arrays;

/**
 * The price levels of one side, in a sorted array with the best level last (bids ascending by price, asks
 * descending), so the best level is found, matched and removed in O(1); a new or emptied level elsewhere costs
 * a binary search and a short array shift (new levels usually arrive near the top of the book).
 */
final class PriceLadder {

    private final boolean bids;
    PriceLevel[] levels = new PriceLevel[256];
    int size;
    long total;
    private PriceLevel[] pool = new PriceLevel[256];
    private int pooled;

    PriceLadder(boolean bids) {
        this.bids = bids;
    }

    /** The best level, or null. */
    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** True if {@code a} is a strictly better price than {@code b} on this side. */
    boolean better(long a, long b) {
        return bids ? a > b : a < b;
    }

    /** The level at {@code price}, or null. */
    PriceLevel find(long price) {
        int i = indexOf(price);
        return i >= 0 ? levels[i] : null;
    }

    /** The level at {@code price}, created if absent. */
    PriceLevel getOrCreate(long price) {
        if (size > 0) {
            PriceLevel top = levels[size - 1];
            if (top.price == price) {
                return top;
            }
            if (better(price, top.price)) {
                return insertAt(size, price);
            }
        }
        int i = indexOf(price);
        return i >= 0 ? levels[i] : insertAt(-i - 1, price);
    }

    /** Removes an empty level and recycles it. */
    void remove(PriceLevel level) {
        int i = size > 0 && levels[size - 1] == level ? size - 1 : indexOf(level.price);
        System.arraycopy(levels, i + 1, levels, i, size - i - 1);
        levels[--size] = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }

    private PriceLevel insertAt(int index, long price) {
        if (size == levels.length) {
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(levels, index, levels, index + 1, size - index);
        PriceLevel level;
        if (pooled > 0) {
            level = pool[--pooled];
            pool[pooled] = null;
        } else {
            level = new PriceLevel();
        }
        level.reset(price);
        levels[index] = level;
        size++;
        return level;
    }

    /**
     * Index of the level at {@code price}, or {@code -(insertion point) - 1}: a short scan down from the best
     * level (where most activity is), then a binary search.
     */
    int indexOf(long price) {
        int stop = Math.max(0, size - 8);
        for (int i = size - 1; i >= stop; i--) {
            long p = levels[i].price;
            if (p == price) {
                return i;
            }
            if (better(price, p)) {
                return -(i + 1) - 1;
            }
        }
        int lo = 0;
        int hi = stop - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = levels[mid].price;
            if (p == price) {
                return mid;
            }
            if (better(price, p)) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }
}
