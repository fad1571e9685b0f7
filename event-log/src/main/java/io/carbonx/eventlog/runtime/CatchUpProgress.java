package io.carbonx.eventlog.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;

/**
 * How far one reader (a follower or a loop's consumer) is in replaying its input up to the end offsets it observed
 * when it was positioned (see {@link CatchUpTracker}).
 *
 * @param caughtUp        true once every partition's position reached its target; never false again after that
 * @param assigned        false while the reader has no partitions yet (a group member before its first
 *                        assignment): then it is not caught up and {@code remainingByTopic} is empty
 * @param remainingByTopic offsets left to read per topic (records plus transaction markers), sorted by topic;
 *                        all zero or empty once caught up
 */
public record CatchUpProgress(boolean caughtUp, boolean assigned, Map<String, Long> remainingByTopic) {

    /** A reader that has not been given its partitions yet. */
    public static final CatchUpProgress AWAITING_ASSIGNMENT = new CatchUpProgress(false, false, Map.of());

    /** A reader with nothing to replay (e.g. one that starts at the end of its topics). */
    public static final CatchUpProgress CAUGHT_UP = new CatchUpProgress(true, true, Map.of());

    public CatchUpProgress {
        remainingByTopic = Collections.unmodifiableMap(new TreeMap<>(remainingByTopic));
    }

    /** @return the offsets left over all topics (saturating at {@link Long#MAX_VALUE}) */
    public long remaining() {
        long sum = 0;
        for (long r : remainingByTopic.values()) {
            sum = sum > Long.MAX_VALUE - r ? Long.MAX_VALUE : sum + r;
        }
        return sum;
    }

    /** {@code {"caughtUp":false,"assigned":true,"remaining":1200,"topics":{"carbonx.orders":1200}}}. */
    public JsonObject toJson() {
        JsonObject topics = new JsonObject();
        remainingByTopic.forEach(topics::put);
        return new JsonObject().put("caughtUp", caughtUp).put("assigned", assigned).put("remaining", remaining())
                .put("topics", topics);
    }

    /** A short human-readable summary, e.g. {@code "1200 offsets left on carbonx.orders"}. */
    public String describe() {
        if (caughtUp) {
            return "caught up";
        }
        if (!assigned) {
            return "awaiting partition assignment";
        }
        return remaining() + " offsets left on " + String.join(", ", remainingByTopic.keySet());
    }
}
