package io.carbonx.rating.service;

import java.util.EnumMap;
import java.util.Map;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ConfigException;
import io.carbonx.rating.core.config.GradeBands;
import io.carbonx.rating.core.config.GradeEffects;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.config.SeverityBands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The scorecard and the grade policy as configuration JSON (the {@code scorecard} and {@code policy} sections of
 * {@code services.credit-rating}), both ways. {@link #toJson} of the Java defaults is the default configuration, so the
 * documented numbers live in one place ({@link ScorecardConfig#defaults()}, {@link RatingPolicy#defaults()}).
 *
 * <p>Reading starts from the defaults and applies every key present; a key that is absent keeps its default. A bad
 * value throws {@link IllegalArgumentException} whose message names the key path and the rule, e.g.
 * {@code scorecard.gradeBands.AA: BANDS_NOT_DESCENDING ...}.
 */
public final class ScorecardJson {

    private ScorecardJson() {
    }

    /** @return the scorecard section for {@code c} */
    public static JsonObject toJson(ScorecardConfig c) {
        JsonObject bands = new JsonObject();
        for (CreditGrade g : GradeBands.RATED) {
            bands.put(g.name(), c.gradeBands().min(g));
        }
        JsonObject weights = new JsonObject();
        for (DefaultKind k : DefaultKind.values()) {
            weights.put(k.name(), c.defaultWeightPct(k));
        }
        return new JsonObject()
                .put("maxScore", c.maxScore())
                .put("baseScore", c.baseScore())
                .put("gradeBands", bands)
                .put("halfLifeMs", c.halfLifeMs())
                .put("amountSeverity", bands(c.amountSeverity()))
                .put("shortfallSeverity", bands(c.shortfallSeverity()))
                .put("defaultKindWeightPct", weights)
                .put("depositForfeitWeightPct", c.depositForfeitWeightPct())
                .put("penaltyWeightPct", c.penaltyWeightPct())
                .put("freezePoints", c.freezePoints())
                .put("cleanSettlementPoints", c.cleanSettlementPoints())
                .put("cleanSettlementCap", c.cleanSettlementCap())
                .put("cleanSettlementMinNotionalMinor", c.cleanSettlementMinNotionalMinor())
                .put("cleanCompliancePoints", c.cleanCompliancePoints())
                .put("cleanComplianceCap", c.cleanComplianceCap())
                .put("tenurePeriodMs", c.tenurePeriodMs())
                .put("tenurePointsPerPeriod", c.tenurePointsPerPeriod())
                .put("tenureCap", c.tenureCap())
                .put("dedupWindowMs", c.dedupWindowMs());
    }

    /** @return the policy section for {@code p}: grade → effects */
    public static JsonObject toJson(RatingPolicy p) {
        JsonObject json = new JsonObject();
        for (CreditGrade g : CreditGrade.values()) {
            GradeEffects e = p.effects(g);
            json.put(g.name(), new JsonObject()
                    .put("depositShareBps", e.depositShareBps())
                    .put("priorityTier", e.priorityTier())
                    .put("maxOpenNotionalMinor", e.maxOpenNotionalMinor())
                    .put("canOpenOrders", e.canOpenOrders()));
        }
        return json;
    }

    /** @return the defaults overridden by the keys of {@code json} (null: the defaults) */
    public static ScorecardConfig scorecard(JsonObject json) {
        JsonObject j = merged(toJson(ScorecardConfig.defaults()), json);
        try {
            ScorecardConfig.Builder b = ScorecardConfig.builder()
                    .maxScore(integer(j, "maxScore"))
                    .baseScore(integer(j, "baseScore"))
                    .gradeBands(gradeBands(j.getJsonObject("gradeBands")))
                    .halfLifeMs(j.getLong("halfLifeMs"))
                    .amountSeverity(severity(j.getJsonObject("amountSeverity"), "amountSeverity"))
                    .shortfallSeverity(severity(j.getJsonObject("shortfallSeverity"), "shortfallSeverity"))
                    .depositForfeitWeightPct(integer(j, "depositForfeitWeightPct"))
                    .penaltyWeightPct(integer(j, "penaltyWeightPct"))
                    .freezePoints(integer(j, "freezePoints"))
                    .cleanSettlement(integer(j, "cleanSettlementPoints"), integer(j, "cleanSettlementCap"),
                            j.getLong("cleanSettlementMinNotionalMinor"))
                    .cleanCompliance(integer(j, "cleanCompliancePoints"), integer(j, "cleanComplianceCap"))
                    .tenure(j.getLong("tenurePeriodMs"), integer(j, "tenurePointsPerPeriod"), integer(j, "tenureCap"))
                    .dedupWindowMs(j.getLong("dedupWindowMs"));
            JsonObject weights = j.getJsonObject("defaultKindWeightPct");
            for (DefaultKind k : DefaultKind.values()) {
                b.defaultKindWeightPct(k, weights.getInteger(k.name()));
            }
            return b.build();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("scorecard." + e.field() + ": " + e.getMessage(), e);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("scorecard: a value has the wrong type or is missing: " + e, e);
        }
    }

    /** @return the default policy overridden by the keys of {@code json} (null: the defaults) */
    public static RatingPolicy policy(JsonObject json) {
        JsonObject j = merged(toJson(RatingPolicy.defaults()), json);
        EnumMap<CreditGrade, GradeEffects> effects = new EnumMap<>(CreditGrade.class);
        for (CreditGrade g : CreditGrade.values()) {
            JsonObject e = j.getJsonObject(g.name());
            try {
                effects.put(g, new GradeEffects(integer(e, "depositShareBps"), integer(e, "priorityTier"),
                        e.getLong("maxOpenNotionalMinor"), e.getBoolean("canOpenOrders")));
            } catch (ConfigException ex) {
                throw new IllegalArgumentException("policy." + g + "." + ex.field() + ": " + ex.getMessage(), ex);
            } catch (ClassCastException | NullPointerException ex) {
                throw new IllegalArgumentException("policy." + g + ": a value has the wrong type or is missing", ex);
            }
        }
        try {
            return new RatingPolicy(effects);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.field() + ": " + e.getMessage(), e);
        }
    }

    /** Deep merge: keys of {@code override} replace those of {@code base}; nested objects merge. */
    static JsonObject merged(JsonObject base, JsonObject override) {
        JsonObject out = base.copy();
        if (override == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : override) {
            Object mine = out.getValue(e.getKey());
            if (mine instanceof JsonObject m && e.getValue() instanceof JsonObject o) {
                out.put(e.getKey(), merged(m, o));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static int integer(JsonObject j, String key) {
        long v = j.getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is out of the int range: " + v);
        }
        return (int) v;
    }

    private static GradeBands gradeBands(JsonObject j) {
        return GradeBands.of(integer(j, "AAA"), integer(j, "AA"), integer(j, "A"), integer(j, "BBB"),
                integer(j, "BB"), integer(j, "B"), integer(j, "CCC"), integer(j, "D"));
    }

    private static JsonObject bands(SeverityBands b) {
        JsonArray thresholds = new JsonArray();
        for (long t : b.thresholds()) {
            thresholds.add(t);
        }
        JsonArray points = new JsonArray();
        for (int p : b.points()) {
            points.add(p);
        }
        return new JsonObject().put("thresholds", thresholds).put("points", points);
    }

    private static SeverityBands severity(JsonObject j, String name) {
        JsonArray t = j.getJsonArray("thresholds");
        JsonArray p = j.getJsonArray("points");
        long[] thresholds = new long[t.size()];
        for (int i = 0; i < thresholds.length; i++) {
            thresholds[i] = t.getLong(i);
        }
        int[] points = new int[p.size()];
        for (int i = 0; i < points.length; i++) {
            long v = p.getLong(i);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("scorecard." + name + ".points[" + i + "] out of range: " + v);
            }
            points[i] = (int) v;
        }
        try {
            return new SeverityBands(thresholds, points);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("scorecard." + name + "." + e.field() + ": " + e.getMessage(), e);
        }
    }
}
