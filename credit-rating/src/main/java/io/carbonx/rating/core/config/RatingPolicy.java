package io.carbonx.rating.core.config;

import io.carbonx.events.CreditGrade;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each grade means for trading: the deposit share the registry locks for a new order, the priority tier the
 * exchange uses at equal price (price → tier → time), the maximum open notional, and whether new orders are allowed.
 *
 * <p>Rules, checked on construction: every {@link CreditGrade} including UNRATED has effects; from AAA down to D the
 * deposit share and tier never decrease, the maximum open notional never increases, and once a grade cannot open
 * orders no worse grade can; D cannot open orders and has maximum open notional 0. UNRATED (a participant the rating
 * service has not seen yet) is configured freely within the field ranges.
 *
 * <p>The registry enforces deposits, open-notional limits and "may trade" with its own table
 * ({@code io.carbonx.registry.core.LedgerConfig.gradeTerms}); the two must be equal, grade by grade
 * ({@code RatingPolicyMatchesLedgerConfigTest} checks the defaults). The priority tier is the exchange's.
 *
 * <table>
 *   <caption>Default effects</caption>
 *   <tr><th>grade</th><th>deposit bps</th><th>tier</th><th>max open notional (minor)</th><th>new orders</th></tr>
 *   <tr><td>AAA</td><td>500</td><td>0</td><td>100 000 000 000</td><td>yes</td></tr>
 *   <tr><td>AA</td><td>700</td><td>1</td><td>50 000 000 000</td><td>yes</td></tr>
 *   <tr><td>A</td><td>1 000</td><td>2</td><td>20 000 000 000</td><td>yes</td></tr>
 *   <tr><td>BBB</td><td>1 500</td><td>3</td><td>10 000 000 000</td><td>yes</td></tr>
 *   <tr><td>BB</td><td>2 000</td><td>4</td><td>5 000 000 000</td><td>yes</td></tr>
 *   <tr><td>B</td><td>3 000</td><td>5</td><td>2 000 000 000</td><td>yes</td></tr>
 *   <tr><td>CCC</td><td>5 000</td><td>6</td><td>500 000 000</td><td>yes</td></tr>
 *   <tr><td>D</td><td>10 000</td><td>7</td><td>0</td><td>no</td></tr>
 *   <tr><td>UNRATED</td><td>2 000</td><td>4</td><td>1 000 000 000</td><td>yes</td></tr>
 * </table>
 *
 * @param effects the effects of every grade; copied
 */
public record RatingPolicy(Map<CreditGrade, GradeEffects> effects) {

    /**
     * @throws ConfigException MISSING_ENTRY, EFFECTS_NOT_MONOTONE or GRADE_D_MAY_TRADE naming
     *                         {@code policy.<GRADE>[.field]}
     */
    public RatingPolicy {
        ConfigException.requireValue(effects, "policy");
        EnumMap<CreditGrade, GradeEffects> copy = new EnumMap<>(CreditGrade.class);
        for (CreditGrade grade : CreditGrade.values()) {
            GradeEffects e = effects.get(grade);
            ConfigException.require(e != null, ConfigError.MISSING_ENTRY, "policy." + grade,
                    "every grade needs effects");
            copy.put(grade, e);
        }
        checkMonotone(copy, GradeBands.RATED);
        GradeEffects d = copy.get(CreditGrade.D);
        ConfigException.require(!d.canOpenOrders() && d.maxOpenNotionalMinor() == 0, ConfigError.GRADE_D_MAY_TRADE,
                "policy.D", "D must not open orders and must have maxOpenNotionalMinor 0");
        effects = Collections.unmodifiableMap(copy);
    }

    private static void checkMonotone(Map<CreditGrade, GradeEffects> effects, List<CreditGrade> order) {
        for (int i = 1; i < order.size(); i++) {
            CreditGrade better = order.get(i - 1);
            CreditGrade worse = order.get(i);
            GradeEffects b = effects.get(better);
            GradeEffects w = effects.get(worse);
            String at = "policy." + worse;
            ConfigException.require(w.depositShareBps() >= b.depositShareBps(), ConfigError.EFFECTS_NOT_MONOTONE,
                    at + ".depositShareBps", w.depositShareBps() + " is below " + better + "'s " + b.depositShareBps());
            ConfigException.require(w.priorityTier() >= b.priorityTier(), ConfigError.EFFECTS_NOT_MONOTONE,
                    at + ".priorityTier", w.priorityTier() + " is ahead of " + better + "'s " + b.priorityTier());
            ConfigException.require(w.maxOpenNotionalMinor() <= b.maxOpenNotionalMinor(),
                    ConfigError.EFFECTS_NOT_MONOTONE, at + ".maxOpenNotionalMinor",
                    w.maxOpenNotionalMinor() + " is above " + better + "'s " + b.maxOpenNotionalMinor());
            ConfigException.require(b.canOpenOrders() || !w.canOpenOrders(), ConfigError.EFFECTS_NOT_MONOTONE,
                    at + ".canOpenOrders", "may open orders although " + better + " may not");
        }
    }

    /** @return the documented default policy (table above) */
    public static RatingPolicy defaults() {
        EnumMap<CreditGrade, GradeEffects> map = new EnumMap<>(CreditGrade.class);
        map.put(CreditGrade.AAA, new GradeEffects(500, 0, 100_000_000_000L, true));
        map.put(CreditGrade.AA, new GradeEffects(700, 1, 50_000_000_000L, true));
        map.put(CreditGrade.A, new GradeEffects(1_000, 2, 20_000_000_000L, true));
        map.put(CreditGrade.BBB, new GradeEffects(1_500, 3, 10_000_000_000L, true));
        map.put(CreditGrade.BB, new GradeEffects(2_000, 4, 5_000_000_000L, true));
        map.put(CreditGrade.B, new GradeEffects(3_000, 5, 2_000_000_000L, true));
        map.put(CreditGrade.CCC, new GradeEffects(5_000, 6, 500_000_000L, true));
        map.put(CreditGrade.D, new GradeEffects(10_000, 7, 0L, false));
        map.put(CreditGrade.UNRATED, new GradeEffects(2_000, 4, 1_000_000_000L, true));
        return new RatingPolicy(map);
    }

    /** @return the effects of {@code grade} */
    public GradeEffects effects(CreditGrade grade) {
        return effects.get(grade);
    }

    /** @return the deposit share of {@code grade} in basis points */
    public int depositShareBps(CreditGrade grade) {
        return effects(grade).depositShareBps();
    }

    /** @return the priority tier of {@code grade}; lower matches first at equal price */
    public int priorityTier(CreditGrade grade) {
        return effects(grade).priorityTier();
    }

    /** @return the maximum open notional of {@code grade}, minor units */
    public long maxOpenNotionalMinor(CreditGrade grade) {
        return effects(grade).maxOpenNotionalMinor();
    }

    /** @return whether {@code grade} may open new orders (never for D) */
    public boolean canOpenOrders(CreditGrade grade) {
        return effects(grade).canOpenOrders();
    }

    /**
     * @param grade         the participant's grade
     * @param notionalMinor the order's notional, minor units, ≥ 0
     * @return the deposit to lock: {@code ceil(notional × bps / 10 000)}, overflow-checked
     * @throws ArithmeticException if the product overflows a long
     */
    public long depositForMinor(CreditGrade grade, long notionalMinor) {
        if (notionalMinor < 0) {
            throw new IllegalArgumentException("notionalMinor must be >= 0: " + notionalMinor);
        }
        long product = Math.multiplyExact(notionalMinor, (long) depositShareBps(grade));
        long whole = product / GradeEffects.FULL_BPS;
        return product % GradeEffects.FULL_BPS == 0 ? whole : whole + 1;
    }

    /**
     * @param grade             the participant's grade
     * @param openNotionalMinor the participant's open notional before the order, ≥ 0
     * @param orderNotionalMinor the new order's notional, ≥ 0
     * @return ADMITTED, or the first rule the order breaks
     */
    public OrderAdmission admit(CreditGrade grade, long openNotionalMinor, long orderNotionalMinor) {
        if (openNotionalMinor < 0 || orderNotionalMinor < 0) {
            throw new IllegalArgumentException("notionals must be >= 0");
        }
        if (!canOpenOrders(grade)) {
            return OrderAdmission.GRADE_CANNOT_OPEN_ORDERS;
        }
        long after;
        try {
            after = Math.addExact(openNotionalMinor, orderNotionalMinor);
        } catch (ArithmeticException overflow) {
            return OrderAdmission.MAX_OPEN_NOTIONAL_EXCEEDED;
        }
        return after <= maxOpenNotionalMinor(grade) ? OrderAdmission.ADMITTED
                : OrderAdmission.MAX_OPEN_NOTIONAL_EXCEEDED;
    }
}
