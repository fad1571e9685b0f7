package io.carbonx.exchange.core.market;

import io.carbonx.events.Side;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the adapter layer knows about the live orders of one book, beyond the matching engine: the current external
 * order id of each engine order (a cancel/replace gives the order a new exchange order id while the engine keeps its
 * queue entry under the first id), its limit price (for auction fills) and its GTC expiry time.
 *
 * <p>Ordered structures only ({@link TreeMap}, {@link TreeSet}); the hash map is used for lookups, never iterated.
 */
final class LiveOrders {

    /** No expiry. */
    static final long NEVER = Long.MAX_VALUE;

    /**
     * One live order.
     *
     * @param engineId      its id inside the matching engine (the order's first exchange id)
     * @param externalId    its current exchange order id
     * @param participantId owner
     * @param side          side
     * @param limitPrice    limit price (0 for market orders)
     * @param expiresAtMs   GTC expiry time, or {@link #NEVER}
     * @param arrival       arrival number, orders expiries at equal times
     */
    record Live(String engineId, String externalId, String participantId, Side side, long limitPrice,
                long expiresAtMs, long arrival) {
    }

    private static final Comparator<Live> BY_EXPIRY =
            Comparator.comparingLong(Live::expiresAtMs).thenComparingLong(Live::arrival);

    private final TreeMap<String, Live> byEngine = new TreeMap<>();
    private final Map<String, String> engineByExternal = new HashMap<>();
    private final TreeSet<Live> expiries = new TreeSet<>(BY_EXPIRY);
    private long arrivals;

    /** True if the id is the engine id or the external id of a live order. */
    boolean knows(String id) {
        return byEngine.containsKey(id) || engineByExternal.containsKey(id);
    }

    void add(String id, String participantId, Side side, long limitPrice, long expiresAtMs) {
        put(new Live(id, id, participantId, side, limitPrice, expiresAtMs, ++arrivals));
    }

    Optional<Live> byExternal(String externalId) {
        String engineId = engineByExternal.get(externalId);
        return engineId == null ? Optional.empty() : Optional.of(byEngine.get(engineId));
    }

    /** The live order with this engine id, or null. */
    Live byEngine(String engineId) {
        return byEngine.get(engineId);
    }

    /** The current external id of an engine order (the engine id itself if unknown). */
    String externalOf(String engineId) {
        Live l = byEngine.get(engineId);
        return l == null ? engineId : l.externalId();
    }

    /** A replace took effect: the engine order now answers to {@code newExternalId}. */
    void rename(String engineId, String newExternalId, long newLimitPrice, long newExpiresAtMs) {
        Live old = remove(engineId);
        if (old != null) {
            put(new Live(engineId, newExternalId, old.participantId(), old.side(), newLimitPrice, newExpiresAtMs,
                    ++arrivals));
        }
    }

    /** Forgets an order (filled, cancelled, expired); returns it, or null if it was not live. */
    Live remove(String engineId) {
        Live l = byEngine.remove(engineId);
        if (l != null) {
            engineByExternal.remove(l.externalId());
            expiries.remove(l);
        }
        return l;
    }

    /** The live order expiring first if it expires at or before {@code timeMs}, else null. */
    Live firstExpiringBy(long timeMs) {
        if (expiries.isEmpty()) {
            return null;
        }
        Live first = expiries.first();
        return first.expiresAtMs() <= timeMs ? first : null;
    }

    /** Stops tracking an order's expiry (it is being expired now). */
    void dropExpiry(Live l) {
        expiries.remove(l);
    }

    int size() {
        return byEngine.size();
    }

    /** Feeds the table, in engine id order, into a digest. */
    void digestInto(MessageDigest d) {
        Hashing.putLong(d, arrivals);
        Hashing.putLong(d, byEngine.size());
        for (Live l : byEngine.values()) {
            Hashing.putString(d, l.engineId());
            Hashing.putString(d, l.externalId());
            Hashing.putString(d, l.participantId());
            Hashing.putLong(d, l.side().ordinal());
            Hashing.putLong(d, l.limitPrice());
            Hashing.putLong(d, l.expiresAtMs());
            Hashing.putLong(d, l.arrival());
        }
    }

    private void put(Live l) {
        byEngine.put(l.engineId(), l);
        engineByExternal.put(l.externalId(), l.engineId());
        if (l.expiresAtMs() != NEVER) {
            expiries.add(l);
        }
    }
}
