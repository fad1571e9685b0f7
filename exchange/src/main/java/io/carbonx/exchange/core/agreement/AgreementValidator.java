package io.carbonx.exchange.core.agreement;

import java.math.BigInteger;

/**
 * Checks of agreement terms against an instrument's rules and the logical time, in the order of
 * {@link AgreementRejectReason} from {@code QUANTITY_NOT_POSITIVE} on (the desk checks ids, chain, duplicates,
 * expiry, parties and instrument first).
 *
 * <p>The price band is inclusive and exact: a price is inside when
 * {@code |price − reference| × 10 000 ≤ reference × bandBps}, computed without overflow. With the default
 * 3 000 bp and a reference of 1 000, prices 700..1 300 are accepted and 699 and 1 301 are refused.
 */
final class AgreementValidator {

    static final int MAX_ID_LENGTH = 128;
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private AgreementValidator() {
    }

    static boolean isValidId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH
                && id.chars().noneMatch(Character::isISOControl);
    }

    /** Size, price, band, notional and settlement-date checks; null when the terms pass. */
    static AgreementDecision checkEconomics(AgreementTerms t, AgreementInstrumentRules rules, long nowMs,
                                            long maxSettlementHorizonMs) {
        if (t.quantity() <= 0) {
            return AgreementDecision.refused(AgreementRejectReason.QUANTITY_NOT_POSITIVE, "quantity " + t.quantity());
        }
        if (t.quantity() < rules.minQuantity()) {
            return AgreementDecision.refused(AgreementRejectReason.BELOW_MINIMUM_SIZE,
                    "quantity " + t.quantity() + " < minimum " + rules.minQuantity());
        }
        if (t.quantity() % rules.lotSize() != 0) {
            return AgreementDecision.refused(AgreementRejectReason.OFF_LOT,
                    "quantity " + t.quantity() + ", lot " + rules.lotSize());
        }
        if (t.priceMinor() <= 0) {
            return AgreementDecision.refused(AgreementRejectReason.PRICE_NOT_POSITIVE, "price " + t.priceMinor());
        }
        if (t.priceMinor() % rules.tickSizeMinor() != 0) {
            return AgreementDecision.refused(AgreementRejectReason.OFF_TICK,
                    "price " + t.priceMinor() + ", tick " + rules.tickSizeMinor());
        }
        if (!insideBand(t.priceMinor(), rules.referencePriceMinor(), rules.bandBps())) {
            return AgreementDecision.refused(AgreementRejectReason.PRICE_OUTSIDE_BAND,
                    "price " + t.priceMinor() + " outside ±" + rules.bandBps() + " bp of reference "
                            + rules.referencePriceMinor());
        }
        if (Math.multiplyHigh(t.priceMinor(), t.quantity()) != 0 || t.priceMinor() * t.quantity() < 0) {
            return AgreementDecision.refused(AgreementRejectReason.NOTIONAL_OVERFLOW,
                    t.priceMinor() + " x " + t.quantity());
        }
        if (t.settlementDateMs() <= nowMs) {
            return AgreementDecision.refused(AgreementRejectReason.SETTLEMENT_NOT_IN_FUTURE,
                    "settlement " + t.settlementDateMs() + " <= now " + nowMs);
        }
        if (BigInteger.valueOf(t.settlementDateMs()).subtract(BigInteger.valueOf(nowMs))
                .compareTo(BigInteger.valueOf(maxSettlementHorizonMs)) > 0) {
            return AgreementDecision.refused(AgreementRejectReason.SETTLEMENT_TOO_FAR,
                    "settlement " + t.settlementDateMs() + " more than " + maxSettlementHorizonMs + " ms ahead");
        }
        return null;
    }

    /** {@code |price − reference| × 10 000 ≤ reference × bandBps}. */
    static boolean insideBand(long priceMinor, long referencePriceMinor, int bandBps) {
        BigInteger deviation = BigInteger.valueOf(priceMinor).subtract(BigInteger.valueOf(referencePriceMinor)).abs();
        return deviation.multiply(BPS)
                .compareTo(BigInteger.valueOf(referencePriceMinor).multiply(BigInteger.valueOf(bandBps))) <= 0;
    }
}
