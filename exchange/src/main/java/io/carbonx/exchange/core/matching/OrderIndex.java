package io.carbonx.exchange.core.matching;

/**
 * Order id &rarr; live {@link Order}: an open-addressing hash table with linear probing and backward-shift
 * deletion, keyed by the order's own id string, so lookups compare a cached hash before touching a string and
 * inserts allocate nothing. Used for lookups only, never iterated.
 */
final class OrderIndex {

    private Order[] slots;
    private int[] hashes;
    private int mask;
    private int size;

    OrderIndex(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        slots = new Order[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /**
     * Murmur3's 32-bit finaliser: ids like "o1", "o2", ... have nearly consecutive {@link String#hashCode}s,
     * which linear probing would pack into one long cluster (making deletes O(n)) without a full avalanche.
     */
    private static int spread(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** The order with this id, or null. */
    Order get(String orderId) {
        int hash = spread(orderId.hashCode());
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Order o = slots[i];
            if (o == null) {
                return null;
            }
            if (hashes[i] == hash && o.orderId.equals(orderId)) {
                return o;
            }
        }
    }

    /** Adds an order whose id is not present. */
    void put(Order order) {
        if (size * 2 >= slots.length) {
            grow();
        }
        insert(order, spread(order.orderId.hashCode()));
        size++;
    }

    private void insert(Order order, int hash) {
        int i = hash & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = order;
        hashes[i] = hash;
    }

    /** Removes the order with this id if present. */
    void remove(String orderId) {
        int hash = spread(orderId.hashCode());
        int i = hash & mask;
        while (true) {
            Order o = slots[i];
            if (o == null) {
                return;
            }
            if (hashes[i] == hash && o.orderId.equals(orderId)) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // backward-shift deletion: move later members of the probe run into the gap
        int gap = i;
        for (int j = (gap + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                slots[gap] = slots[j];
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        slots[gap] = null;
        hashes[gap] = 0;
    }

    /** Length of the longest run of occupied slots (the worst-case probe length), for tests. */
    int longestRun() {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < 2 * slots.length; i++) {
            run = slots[i & mask] != null ? run + 1 : 0;
            longest = Math.max(longest, Math.min(run, slots.length));
        }
        return longest;
    }

    private void grow() {
        Order[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new Order[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                insert(oldSlots[i], oldHashes[i]);
            }
        }
    }
}
