package io.carbonx.registry.core.compliance;

import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.LedgerConfig.CompliancePolicy;
import io.carbonx.registry.core.model.PenaltyBasis;
import io.carbonx.registry.core.model.PenaltyPolicyKind;
import java.math.BigInteger;

/**
 * The per-tonne penalty price and the penalty of a shortfall, in integer arithmetic:
 * <ul>
 *   <li>FIXED_PER_TONNE: {@code price = fixedPerTonneMinor};
 *   <li>AVERAGE_PRICE_MULTIPLE: {@code vwap = floor(sum(notional) / sum(quantity))} over allowance trades
 *       settled with a trade time in the compliance year (UTC), {@code price = floor(vwap x multipleBps /
 *       10000)}; with no such trade, {@code price = fallbackPerTonneMinor} (basis FALLBACK_FIXED);
 *   <li>{@code penalty = shortfall x price}.
 * </ul>
 */
public final class Penalties {
    private Penalties() {
    }

    /**
     * A computed penalty.
     *
     * @param basis              how the price was found
     * @param pricePerTonneMinor per-tonne price
     * @param penaltyMinor       shortfall x price
     */
    public record Penalty(PenaltyBasis basis, long pricePerTonneMinor, long penaltyMinor) {
    }

    /**
     * @param policy     compliance policy
     * @param priceStats {sum of notional, sum of quantity} of the year's settled allowance trades
     * @param shortfall  tonnes short
     * @return the penalty
     * @throws ArithmeticException if the penalty does not fit a long
     */
    public static Penalty of(CompliancePolicy policy, BigInteger[] priceStats, long shortfall) {
        PenaltyBasis basis;
        long price;
        if (policy.penaltyPolicy() == PenaltyPolicyKind.FIXED_PER_TONNE) {
            basis = PenaltyBasis.FIXED_PER_TONNE;
            price = policy.fixedPerTonneMinor();
        } else if (priceStats[1].signum() == 0) {
            basis = PenaltyBasis.FALLBACK_FIXED;
            price = policy.fallbackPerTonneMinor();
        } else {
            basis = PenaltyBasis.AVERAGE_PRICE_MULTIPLE;
            BigInteger vwap = priceStats[0].divide(priceStats[1]);
            price = vwap.multiply(BigInteger.valueOf(policy.priceMultipleBps()))
                    .divide(BigInteger.valueOf(LedgerConfig.BPS)).longValueExact();
        }
        return new Penalty(basis, price, Math.multiplyExact(shortfall, price));
    }
}
