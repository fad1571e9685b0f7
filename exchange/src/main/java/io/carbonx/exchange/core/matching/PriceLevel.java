package io.carbonx.exchange.core.matching;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * All resting orders of one side at one price: one FIFO queue per rank (an order's {@link Order#rank}: its
 * priority tier under price-grade-time, 0 under price-time), the non-empty queues kept in a small array sorted by
 * rank ascending, and the total open quantity. The first order in priority order is the head of the lowest rank's
 * queue. Ranks are arbitrary non-negative ints (tiers 0..{@link PlaceOrder#MAX_TIER}), and a level only holds
 * queues for the ranks present, so few distinct tiers cost few slots; lookups are a linear scan of those.
 */
final class PriceLevel {

    private static final int INITIAL_QUEUES = 4;

    long price;
    long total;
    int count;
    /** Number of non-empty queues: slots {@code [0, queues)} of the arrays below are in use. */
    private int queues;
    private int[] ranks = new int[INITIAL_QUEUES];
    private Order[] heads = new Order[INITIAL_QUEUES];
    private Order[] tails = new Order[INITIAL_QUEUES];

    boolean isEmpty() {
        return count == 0;
    }

    /** The first order in priority order, or null. */
    Order first() {
        return queues == 0 ? null : heads[0];
    }

    /** Appends at the back of the order's rank queue (creating it in rank order) and adds its remaining quantity. */
    void append(Order order) {
        int q = slotFor(order.rank);
        Order tail = tails[q];
        order.level = this;
        order.next = null;
        order.prev = tail;
        if (tail == null) {
            heads[q] = order;
        } else {
            tail.next = order;
        }
        tails[q] = order;
        total += order.remaining;
        count++;
    }

    /** Unlinks the order (dropping its queue if that empties it) and subtracts its remaining quantity. */
    void unlink(Order order) {
        int q = indexOf(order.rank);
        Order prev = order.prev;
        Order next = order.next;
        if (prev == null) {
            heads[q] = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            tails[q] = prev;
        } else {
            next.prev = prev;
        }
        if (heads[q] == null) {
            removeSlot(q);
        }
        order.prev = null;
        order.next = null;
        order.level = null;
        total -= order.remaining;
        count--;
    }

    /** Visits the orders in priority order; the visitor must not modify this level. */
    void forEach(Consumer<Order> visitor) {
        for (int q = 0; q < queues; q++) {
            for (Order o = heads[q]; o != null; o = o.next) {
                visitor.accept(o);
            }
        }
    }

    /** Number of non-empty queues (for allocation-free iteration with {@link #head}). */
    int queueCount() {
        return queues;
    }

    /** The head of the {@code q}-th non-empty queue in rank order, {@code 0 <= q < queueCount()}. */
    Order head(int q) {
        return heads[q];
    }

    /** Readies an empty (new or recycled) level for a price; an empty level holds no queue. */
    void reset(long newPrice) {
        price = newPrice;
        total = 0;
        count = 0;
        queues = 0;
    }

    private int indexOf(int rank) {
        for (int q = 0; q < queues; q++) {
            if (ranks[q] == rank) {
                return q;
            }
        }
        throw new IllegalStateException("no queue for rank " + rank);
    }

    /** The slot of the rank's queue, inserting an empty one at its sorted position if there is none. */
    private int slotFor(int rank) {
        int q = 0;
        while (q < queues && ranks[q] < rank) {
            q++;
        }
        if (q < queues && ranks[q] == rank) {
            return q;
        }
        if (queues == ranks.length) {
            int grown = ranks.length * 2;
            ranks = Arrays.copyOf(ranks, grown);
            heads = Arrays.copyOf(heads, grown);
            tails = Arrays.copyOf(tails, grown);
        }
        int moved = queues - q;
        System.arraycopy(ranks, q, ranks, q + 1, moved);
        System.arraycopy(heads, q, heads, q + 1, moved);
        System.arraycopy(tails, q, tails, q + 1, moved);
        ranks[q] = rank;
        heads[q] = null;
        tails[q] = null;
        queues++;
        return q;
    }

    private void removeSlot(int q) {
        int moved = queues - q - 1;
        System.arraycopy(ranks, q + 1, ranks, q, moved);
        System.arraycopy(heads, q + 1, heads, q, moved);
        System.arraycopy(tails, q + 1, tails, q, moved);
        queues--;
        heads[queues] = null;
        tails[queues] = null;
    }
}
