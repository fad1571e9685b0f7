package io.carbonx.exchange.service;

import io.carbonx.events.InstrumentKind;
import io.carbonx.exchange.core.agreement.AgreementInstrumentRules;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.core.matching.PriorityMode;
import io.carbonx.exchange.core.matching.SelfTradePrevention;
import io.carbonx.exchange.core.matching.SessionSchedule;
import io.carbonx.exchange.core.pool.PoolConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the instrument list of {@code services.exchange.instruments}. Each entry is a mapping:
 * <pre>
 * id: EUA-2026                  # required
 * kind: ALLOWANCE               # ALLOWANCE | OFFSET | ENERGY
 * vintage: 2026                 # ALLOWANCE, OFFSET
 * tickSize: 1                   # price minor units
 * lotSize: 1
 * minQuantity: 1
 * maxQuantity: 1000000000
 * referencePriceMinor: 8000     # 0 = none
 * bandBps: 1000                 # price band around the reference, 0 = none
 * priority: PRICE_GRADE_TIME    # or PRICE_TIME
 * selfTradePrevention: CANCEL_RESTING   # or CANCEL_AGGRESSOR
 * session: {mode: CONTINUOUS_ONLY}      # or {mode: DAILY, preOpenMs, openMs, closingAuctionMs, closeMs}
 *                                       # or {mode: PERIODIC, preOpenMs, openMs, closeMs, periodMs} (ms of the UTC day)
 * agreementMinQuantity: 1000    # &gt; 0 enables agreement trades (band agreementBandBps, default 3000 = ±30 %)
 * # ENERGY only:
 * periodMs: 30000
 * poolPriceMinorPerKwh: 43
 * platformId: EXCHANGE          # the pool's account: must be services.registry.exchangeAccountId
 * firstPeriodStartMs: 0
 * </pre>
 * Anything wrong is an {@link IllegalArgumentException} naming the entry and the key, thrown at start.
 */
public final class InstrumentConfig {

    private static final Set<String> BOOK_KEYS = Set.of("id", "kind", "vintage", "tickSize", "lotSize",
            "minQuantity", "maxQuantity", "referencePriceMinor", "bandBps", "priority", "selfTradePrevention",
            "session", "agreementMinQuantity", "agreementBandBps");
    private static final Set<String> ENERGY_KEYS = Set.of("id", "kind", "periodMs", "poolPriceMinorPerKwh",
            "platformId", "firstPeriodStartMs");

    private InstrumentConfig() {
    }

    /** Parses the list. */
    public static List<MarketDefinition> parse(JsonArray instruments) {
        List<MarketDefinition> out = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            Object entry = instruments.getValue(i);
            if (!(entry instanceof JsonObject json)) {
                throw new IllegalArgumentException("instruments[" + i + "]: must be a mapping");
            }
            try {
                out.add(parse(json));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("instruments[" + i + "] (" + json.getValue("id") + "): "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    static MarketDefinition parse(JsonObject json) {
        String id = string(json, "id", null);
        InstrumentKind kind = InstrumentKind.valueOf(string(json, "kind", "ALLOWANCE").toUpperCase(Locale.ROOT));
        if (kind == InstrumentKind.ENERGY) {
            unknownKeys(json, ENERGY_KEYS);
            PoolConfig pool = PoolConfig.defaults(id)
                    .withPeriodMs(number(json, "periodMs", PoolConfig.DEFAULT_PERIOD_MS))
                    .withPoolPrice(number(json, "poolPriceMinorPerKwh", PoolConfig.DEFAULT_POOL_PRICE_MINOR_PER_KWH));
            String platform = string(json, "platformId", PoolConfig.DEFAULT_PLATFORM_ID);
            pool = new PoolConfig(id, platform, pool.periodMs(), pool.poolPriceMinorPerKwh(), pool.poolCapacityKwh(),
                    pool.rankingKey(), pool.maxCycles(), pool.commission(), pool.maxOrdersPerPeriod(),
                    pool.maxQuantityKwh(), pool.maxPriceMinorPerKwh());
            return MarketDefinition.energy(pool, number(json, "firstPeriodStartMs", 0));
        }
        unknownKeys(json, BOOK_KEYS);
        long reference = number(json, "referencePriceMinor", 0);
        InstrumentRules rules = InstrumentRules.builder(id)
                .tickSize(number(json, "tickSize", 1)).lotSize(number(json, "lotSize", 1))
                .quantityRange(number(json, "minQuantity", 1), number(json, "maxQuantity", 1_000_000_000L))
                .priceBand(reference, (int) number(json, "bandBps", 0))
                .priorityMode(PriorityMode.valueOf(string(json, "priority", "PRICE_GRADE_TIME")))
                .selfTradePrevention(SelfTradePrevention.valueOf(string(json, "selfTradePrevention",
                        "CANCEL_RESTING")))
                .schedule(session(json.getValue("session"))).build();
        long agreementMin = number(json, "agreementMinQuantity", 0);
        AgreementInstrumentRules agreements = null;
        if (agreementMin > 0) {
            if (reference <= 0) {
                throw new IllegalArgumentException("agreement trades need referencePriceMinor > 0");
            }
            agreements = new AgreementInstrumentRules(id, reference, (int) number(json, "agreementBandBps",
                    AgreementInstrumentRules.DEFAULT_BAND_BPS), agreementMin, rules.lotSize(), rules.tickSize());
        }
        return MarketDefinition.book(kind, (int) number(json, "vintage", 0), rules, agreements);
    }

    private static SessionSchedule session(Object value) {
        if (value == null) {
            return SessionSchedule.continuousOnly();
        }
        if (!(value instanceof JsonObject s)) {
            throw new IllegalArgumentException("session: must be a mapping");
        }
        String mode = string(s, "mode", "CONTINUOUS_ONLY");
        return switch (mode) {
            case "CONTINUOUS_ONLY" -> SessionSchedule.continuousOnly();
            case "DAILY" -> SessionSchedule.daily(number(s, "preOpenMs", 0), number(s, "openMs", 0),
                    number(s, "closingAuctionMs", 0), number(s, "closeMs", 0));
            case "PERIODIC" -> SessionSchedule.periodic(number(s, "preOpenMs", 0), number(s, "openMs", 0),
                    number(s, "closeMs", 0), number(s, "periodMs", 0));
            default -> throw new IllegalArgumentException("session.mode: CONTINUOUS_ONLY, DAILY or PERIODIC, was "
                    + mode);
        };
    }

    private static void unknownKeys(JsonObject json, Set<String> known) {
        for (String key : json.fieldNames()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key " + key + " (known: " + new java.util.TreeSet<>(known)
                        + ")");
            }
        }
    }

    private static String string(JsonObject json, String key, String fallback) {
        Object v = json.getValue(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(key + ": must be a non-empty string");
        }
        return s;
    }

    private static long number(JsonObject json, String key, long fallback) {
        Object v = json.getValue(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new IllegalArgumentException(key + ": must be an integer");
        }
        return ((Number) v).longValue();
    }

    /** The default instruments: allowances of two vintages, an offset, an energy product. */
    public static JsonArray defaults() {
        return new JsonArray()
                .add(new JsonObject().put("id", "EUA-2026").put("kind", "ALLOWANCE").put("vintage", 2026)
                        .put("tickSize", 1).put("lotSize", 1).put("referencePriceMinor", 8_000)
                        .put("bandBps", 2_000).put("priority", "PRICE_GRADE_TIME")
                        .put("session", new JsonObject().put("mode", "CONTINUOUS_ONLY"))
                        .put("agreementMinQuantity", 1_000))
                .add(new JsonObject().put("id", "EUA-2027").put("kind", "ALLOWANCE").put("vintage", 2027)
                        .put("tickSize", 5).put("lotSize", 10).put("referencePriceMinor", 8_500)
                        .put("bandBps", 2_000).put("priority", "PRICE_TIME")
                        .put("session", new JsonObject().put("mode", "CONTINUOUS_ONLY"))
                        .put("agreementMinQuantity", 1_000))
                .add(new JsonObject().put("id", "CCER-OFFSET").put("kind", "OFFSET").put("vintage", 2025)
                        .put("tickSize", 1).put("lotSize", 1).put("referencePriceMinor", 5_000).put("bandBps", 3_000)
                        .put("priority", "PRICE_GRADE_TIME")
                        .put("session", new JsonObject().put("mode", "PERIODIC").put("preOpenMs", 0)
                                .put("openMs", 0).put("closeMs", 86_399_000).put("periodMs", 60_000))
                        .put("agreementMinQuantity", 500))
                .add(new JsonObject().put("id", "ENERGY-PEAK").put("kind", "ENERGY")
                        .put("periodMs", PoolConfig.DEFAULT_PERIOD_MS)
                        .put("poolPriceMinorPerKwh", PoolConfig.DEFAULT_POOL_PRICE_MINOR_PER_KWH)
                        .put("platformId", PoolConfig.DEFAULT_PLATFORM_ID));
    }
}
