package io.carbonx.node.client.replay;

/**
 * One state hash recomputed from the log next to the live service's.
 *
 * @param service  the service ({@code registry}, {@code exchange}, {@code credit-rating})
 * @param scope    what the hash covers (e.g. {@code ledger}, {@code EUA-2026}, {@code partition 0})
 * @param position how far the log was replayed, as the live service reported it
 * @param live     the live service's hash (or null if it reports none for this scope)
 * @param replayed the hash recomputed here (or null if the replay has none for this scope)
 */
public record Comparison(String service, String scope, String position, String live, String replayed) {

    /** True iff both hashes exist and are equal. */
    public boolean equal() {
        return live != null && live.equals(replayed);
    }
}
