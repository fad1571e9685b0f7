package io.carbonx.rating.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a score is what it is: the points of every {@link Factor}, all factors present, in factor order. The score is
 * {@link #total()}.
 *
 * @param points points per factor (every factor present); copied
 */
public record ScoreBreakdown(Map<Factor, Integer> points) {

    /**
     * @throws IllegalArgumentException if a factor is missing
     */
    public ScoreBreakdown {
        EnumMap<Factor, Integer> copy = new EnumMap<>(Factor.class);
        for (Factor factor : Factor.values()) {
            Integer p = points.get(factor);
            if (p == null) {
                throw new IllegalArgumentException("breakdown lacks " + factor);
            }
            copy.put(factor, p);
        }
        points = Collections.unmodifiableMap(copy);
    }

    /** @return the points of {@code factor} */
    public int points(Factor factor) {
        return points.get(factor);
    }

    /** @return the sum of all factors: the score */
    public int total() {
        long sum = 0;
        for (int p : points.values()) {
            sum += p;
        }
        return Math.toIntExact(sum);
    }

    /** @return factor name → points, in factor order (the form an event or a UI shows) */
    public Map<String, Integer> byName() {
        LinkedHashMap<String, Integer> named = new LinkedHashMap<>();
        points.forEach((factor, p) -> named.put(factor.name(), p));
        return Collections.unmodifiableMap(named);
    }
}
