package io.carbonx.registry.core;

import java.math.BigInteger;

/**
 * Integer money arithmetic shared by the deciders. Every result is exact or refused: an overflow is a
 * {@link Refusal} with {@link ReasonCode#ARITHMETIC_OVERFLOW}.
 */
public final class Amounts {
    private static final long BPS = LedgerConfig.BPS;

    private Amounts() {
    }

    /**
     * @param priceMinor price per tonne
     * @param quantity   tonnes
     * @return price x quantity
     * @throws Refusal ARITHMETIC_OVERFLOW if it does not fit a long
     */
    public static long notional(long priceMinor, long quantity) {
        try {
            return Math.multiplyExact(priceMinor, quantity);
        } catch (ArithmeticException e) {
            throw new Refusal(ReasonCode.ARITHMETIC_OVERFLOW, "price x quantity overflows");
        }
    }

    /**
     * Share of an amount in basis points, rounded up (deposits, deemed losses): never under-collateralises.
     *
     * @param amount non-negative amount
     * @param bps    0..10000
     * @return ceil(amount x bps / 10000), at most {@code amount}
     */
    public static long ceilShare(long amount, long bps) {
        long q = amount / BPS;
        long r = amount % BPS;
        return q * bps + (r * bps + BPS - 1) / BPS;
    }

    /**
     * Share of an amount in basis points, rounded down (commissions).
     *
     * @param amount non-negative amount
     * @param bps    0..10000
     * @return floor(amount x bps / 10000)
     */
    public static long floorShare(long amount, long bps) {
        return amount / BPS * bps + amount % BPS * bps / BPS;
    }

    /**
     * Pro-rata portion of a fill: {@code floor(total x part / whole)}, or everything still left when the fill is
     * the last one. Summed over all fills of an order it is exactly {@code total}: each non-last fill takes the
     * floor of its share of the original amount, the last fill takes the remainder.
     *
     * @param total     amount locked for the whole order
     * @param left      amount of it not yet consumed
     * @param part      fill quantity
     * @param whole     original order quantity
     * @param lastFill  true if the fill leaves nothing of the order
     * @return the portion the fill consumes
     */
    public static long proRata(long total, long left, long part, long whole, boolean lastFill) {
        if (lastFill) {
            return left;
        }
        long p = BigInteger.valueOf(total).multiply(BigInteger.valueOf(part))
                .divide(BigInteger.valueOf(whole)).longValueExact();
        return Math.min(p, left);
    }

    /**
     * @param a addend
     * @param b addend
     * @return a + b
     * @throws Refusal ARITHMETIC_OVERFLOW if it does not fit a long
     */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new Refusal(ReasonCode.ARITHMETIC_OVERFLOW, "sum overflows");
        }
    }
}
