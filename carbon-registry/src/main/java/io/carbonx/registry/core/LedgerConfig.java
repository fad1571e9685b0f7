package io.carbonx.registry.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.Role;
import io.carbonx.registry.core.model.PenaltyPolicyKind;
import io.carbonx.registry.core.model.ShortfallTreatment;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything configurable about the ledger's rules. Immutable; the {@code with*} methods return copies.
 * Configuration drives decisions only: every amount a decision derives from it is written into the events,
 * so replaying events never consults the configuration (except the two system account ids, which define the
 * genesis state).
 *
 * @param exchangeAccountId   account credited with commissions (role EXCHANGE, exists from genesis)
 * @param escrowAccountId     regulator escrow account receiving a cancelled account's cash and holdings
 * @param commissionBps       exchange commission, basis points of the notional, paid out of the seller's
 *                            proceeds, rounded down; 0..10000
 * @param settlementWindowMs  length of a settlement window; a trade executed at t is due at the end of
 *                            its window, {@code (floorDiv(t, len) + 1) * len}
 * @param gradeTerms          trading terms for every credit grade (all grades must be present)
 * @param freezePolicy        when defaults freeze an account
 * @param externalReporters   which roles may report each external default kind
 * @param compliance          surrender caps, penalty policy and shortfall treatment
 */
public record LedgerConfig(
        String exchangeAccountId,
        String escrowAccountId,
        int commissionBps,
        long settlementWindowMs,
        Map<CreditGrade, GradeTerms> gradeTerms,
        FreezePolicy freezePolicy,
        Map<DefaultKind, Set<Role>> externalReporters,
        CompliancePolicy compliance) {

    /** Basis points in one whole. */
    public static final int BPS = 10_000;
    /** The largest priority tier (the rating policy and the exchange bound tiers the same way). */
    public static final int MAX_PRIORITY_TIER = 1_000;

    /**
     * Trading terms of one credit grade.
     *
     * @param depositBps           share of the notional locked as deposit, 0..10000, rounded up
     * @param priorityTier         the exchange's tie-break at equal price (price-grade-time instruments): lower
     *                             tiers match first, equal tiers by time; 0..{@value #MAX_PRIORITY_TIER}. Stamped
     *                             on every OrderAccepted, so the book ranks by the tier configured here when the
     *                             order arrived
     * @param maxOpenNotionalMinor ceiling on the sum of price x remaining quantity over open orders
     * @param mayTrade             false: the grade cannot open orders or agreements
     */
    public record GradeTerms(int depositBps, int priorityTier, long maxOpenNotionalMinor, boolean mayTrade) {
        /** Validates ranges. */
        public GradeTerms {
            requireBps(depositBps, "depositBps");
            if (priorityTier < 0 || priorityTier > MAX_PRIORITY_TIER) {
                throw new IllegalArgumentException("priorityTier must be within 0..1000");
            }
            if (maxOpenNotionalMinor < 0) {
                throw new IllegalArgumentException("maxOpenNotionalMinor < 0");
            }
        }
    }

    /**
     * Freeze policy for defaults. After every default the defaulter (if ACTIVE) is frozen when the deposit it
     * forfeited is smaller than the loss, or when it has {@code maxDefaults} or more defaults with a time in
     * {@code (t - defaultWindowMs, t]}.
     *
     * @param deemedLossBps   the loss of an internal (payment/delivery) default, as basis points of the
     *                        notional, rounded up; external reports state their loss themselves
     * @param maxDefaults     number of defaults within the window that freezes (>= 1)
     * @param defaultWindowMs the window length (> 0)
     */
    public record FreezePolicy(int deemedLossBps, int maxDefaults, long defaultWindowMs) {
        /** Validates ranges. */
        public FreezePolicy {
            requireBps(deemedLossBps, "deemedLossBps");
            if (maxDefaults < 1 || defaultWindowMs <= 0) {
                throw new IllegalArgumentException("maxDefaults >= 1 and defaultWindowMs > 0 required");
            }
        }
    }

    /**
     * Annual compliance rules.
     *
     * @param offsetCapBps          offsets may cover at most this share of a year's obligation (rounded down)
     * @param penaltyPolicy         fixed per tonne, or a multiple of the average price
     * @param fixedPerTonneMinor    the price per tonne of the fixed policy
     * @param priceMultipleBps      the multiple of the average price (30000 = 3x)
     * @param fallbackPerTonneMinor per-tonne price of the average policy when no allowance traded that year
     * @param shortfallTreatment    carry forward, or deduct from next allocation
     */
    public record CompliancePolicy(int offsetCapBps, PenaltyPolicyKind penaltyPolicy, long fixedPerTonneMinor,
                                   long priceMultipleBps, long fallbackPerTonneMinor,
                                   ShortfallTreatment shortfallTreatment) {
        /** Validates ranges. */
        public CompliancePolicy {
            requireBps(offsetCapBps, "offsetCapBps");
            Objects.requireNonNull(penaltyPolicy, "penaltyPolicy");
            Objects.requireNonNull(shortfallTreatment, "shortfallTreatment");
            if (fixedPerTonneMinor < 0 || priceMultipleBps < 0 || fallbackPerTonneMinor < 0) {
                throw new IllegalArgumentException("negative penalty parameter");
            }
        }
    }

    /** Validates and copies. */
    public LedgerConfig {
        requireId(exchangeAccountId, "exchangeAccountId");
        requireId(escrowAccountId, "escrowAccountId");
        if (exchangeAccountId.equals(escrowAccountId)) {
            throw new IllegalArgumentException("exchange and escrow accounts must differ");
        }
        requireBps(commissionBps, "commissionBps");
        if (settlementWindowMs <= 0) {
            throw new IllegalArgumentException("settlementWindowMs must be > 0");
        }
        EnumMap<CreditGrade, GradeTerms> terms = new EnumMap<>(CreditGrade.class);
        terms.putAll(gradeTerms);
        for (CreditGrade g : CreditGrade.values()) {
            Objects.requireNonNull(terms.get(g), () -> "grade terms missing for " + g);
        }
        gradeTerms = Collections.unmodifiableMap(terms);
        Objects.requireNonNull(freezePolicy, "freezePolicy");
        EnumMap<DefaultKind, Set<Role>> reporters = new EnumMap<>(DefaultKind.class);
        externalReporters.forEach((k, v) -> reporters.put(k, Collections.unmodifiableSet(EnumSet.copyOf(v))));
        externalReporters = Collections.unmodifiableMap(reporters);
        Objects.requireNonNull(compliance, "compliance");
    }

    /** @return the documented defaults (demo-sized: one-second windows) */
    public static LedgerConfig defaults() {
        EnumMap<CreditGrade, GradeTerms> terms = new EnumMap<>(CreditGrade.class);
        terms.put(CreditGrade.AAA, new GradeTerms(500, 0, 100_000_000_000L, true));
        terms.put(CreditGrade.AA, new GradeTerms(700, 1, 50_000_000_000L, true));
        terms.put(CreditGrade.A, new GradeTerms(1_000, 2, 20_000_000_000L, true));
        terms.put(CreditGrade.BBB, new GradeTerms(1_500, 3, 10_000_000_000L, true));
        terms.put(CreditGrade.BB, new GradeTerms(2_000, 4, 5_000_000_000L, true));
        terms.put(CreditGrade.B, new GradeTerms(3_000, 5, 2_000_000_000L, true));
        terms.put(CreditGrade.CCC, new GradeTerms(5_000, 6, 500_000_000L, true));
        terms.put(CreditGrade.D, new GradeTerms(10_000, 7, 0L, false));
        terms.put(CreditGrade.UNRATED, new GradeTerms(2_000, 4, 1_000_000_000L, true));
        Map<DefaultKind, Set<Role>> reporters = new EnumMap<>(DefaultKind.class);
        reporters.put(DefaultKind.EXTERNAL_BANK, EnumSet.of(Role.EXCHANGE, Role.REGULATOR));
        reporters.put(DefaultKind.ARBITRATION_RULING, EnumSet.of(Role.ARBITRATOR, Role.COURT));
        return new LedgerConfig("EXCHANGE", "REGULATOR-ESCROW", 10, 1_000L, terms,
                new FreezePolicy(1_000, 3, 30L * 24 * 3_600_000L), reporters,
                new CompliancePolicy(500, PenaltyPolicyKind.FIXED_PER_TONNE, 10_000L, 30_000L, 10_000L,
                        ShortfallTreatment.CARRY_FORWARD));
    }

    /**
     * @param grade a credit grade
     * @return its trading terms
     */
    public GradeTerms terms(CreditGrade grade) {
        return gradeTerms.get(grade);
    }

    /**
     * @param bps new commission
     * @return a copy with it
     */
    public LedgerConfig withCommissionBps(int bps) {
        return new LedgerConfig(exchangeAccountId, escrowAccountId, bps, settlementWindowMs, gradeTerms,
                freezePolicy, externalReporters, compliance);
    }

    /**
     * @param windowMs new settlement window length
     * @return a copy with it
     */
    public LedgerConfig withSettlementWindowMs(long windowMs) {
        return new LedgerConfig(exchangeAccountId, escrowAccountId, commissionBps, windowMs, gradeTerms,
                freezePolicy, externalReporters, compliance);
    }

    /**
     * @param grade the grade to change
     * @param terms its new terms
     * @return a copy with them
     */
    public LedgerConfig withGradeTerms(CreditGrade grade, GradeTerms terms) {
        EnumMap<CreditGrade, GradeTerms> copy = new EnumMap<>(gradeTerms);
        copy.put(grade, terms);
        return new LedgerConfig(exchangeAccountId, escrowAccountId, commissionBps, settlementWindowMs, copy,
                freezePolicy, externalReporters, compliance);
    }

    /**
     * @param policy new freeze policy
     * @return a copy with it
     */
    public LedgerConfig withFreezePolicy(FreezePolicy policy) {
        return new LedgerConfig(exchangeAccountId, escrowAccountId, commissionBps, settlementWindowMs,
                gradeTerms, policy, externalReporters, compliance);
    }

    /**
     * @param policy new compliance policy
     * @return a copy with it
     */
    public LedgerConfig withCompliance(CompliancePolicy policy) {
        return new LedgerConfig(exchangeAccountId, escrowAccountId, commissionBps, settlementWindowMs,
                gradeTerms, freezePolicy, externalReporters, policy);
    }

    private static void requireBps(long bps, String name) {
        if (bps < 0 || bps > BPS) {
            throw new IllegalArgumentException(name + " must be within 0..10000 bps");
        }
    }

    private static void requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
