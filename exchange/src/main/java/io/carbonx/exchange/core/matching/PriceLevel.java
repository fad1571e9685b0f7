package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import java.util.function.Consumer;

/**
 * All resting orders of one side at one price: one FIFO queue per grade rank, a bit mask of the non-empty
 * queues, and the total open quantity. The first order in priority order is the head of the lowest
 * non-empty rank.
 */
final class PriceLevel {

    /** Number of grade ranks (one per {@link CreditGrade}). */
    static final int RANKS = CreditGrade.values().length;

    long price;
    long total;
    int count;
    private int mask;
    private final Order[] heads = new Order[RANKS];
    private final Order[] tails = new Order[RANKS];

    boolean isEmpty() {
        return count == 0;
    }

    /** The first order in priority order, or null. */
    Order first() {
        return mask == 0 ? null : heads[Integer.numberOfTrailingZeros(mask)];
    }

    /** Appends at the back of the order's rank queue and adds its remaining quantity to the total. */
    void append(Order order) {
        int rank = order.rank;
        Order tail = tails[rank];
        order.level = this;
        order.next = null;
        order.prev = tail;
        if (tail == null) {
            heads[rank] = order;
            mask |= 1 << rank;
        } else {
            tail.next = order;
        }
        tails[rank] = order;
        total += order.remaining;
        count++;
    }

    /** Unlinks the order and subtracts its remaining quantity from the total. */
    void unlink(Order order) {
        int rank = order.rank;
        Order prev = order.prev;
        Order next = order.next;
        if (prev == null) {
            heads[rank] = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            tails[rank] = prev;
        } else {
            next.prev = prev;
        }
        if (heads[rank] == null) {
            mask &= ~(1 << rank);
        }
        order.prev = null;
        order.next = null;
        order.level = null;
        total -= order.remaining;
        count--;
    }

    /** Visits the orders in priority order; the visitor must not modify this level. */
    void forEach(Consumer<Order> visitor) {
        int bits = mask;
        while (bits != 0) {
            int rank = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            for (Order o = heads[rank]; o != null; o = o.next) {
                visitor.accept(o);
            }
        }
    }

    /** The head of the given rank's queue (for allocation-free iteration with {@link #nextRank}). */
    Order head(int rank) {
        return heads[rank];
    }

    /** The lowest non-empty rank at or above {@code from}, or -1. */
    int nextRank(int from) {
        if (from >= RANKS) {
            return -1;
        }
        int bits = mask & (-1 << from);
        return bits == 0 ? -1 : Integer.numberOfTrailingZeros(bits);
    }

    /** Readies an empty (new or recycled) level for a price; an empty level's queues are already empty. */
    void reset(long newPrice) {
        price = newPrice;
        total = 0;
        count = 0;
        mask = 0;
    }
}
