package io.carbonx.exchange.core.agreement;

/**
 * How agreement trades in one instrument are checked.
 *
 * @param instrumentId        the instrument
 * @param referencePriceMinor the reference price the band is centred on (e.g. the book's last or closing price),
 *                            positive
 * @param bandBps             half-width of the allowed band in basis points of the reference (3 000 = ±30 %),
 *                            0..10 000; the band is inclusive
 * @param minQuantity         smallest quantity of an agreement (block-trade minimum), positive
 * @param lotSize             quantities are multiples of this, positive
 * @param tickSizeMinor       prices are multiples of this, positive
 */
public record AgreementInstrumentRules(String instrumentId, long referencePriceMinor, int bandBps, long minQuantity,
                                       long lotSize, long tickSizeMinor) {

    /** Default band: ±30 % of the reference price. */
    public static final int DEFAULT_BAND_BPS = 3_000;

    /** Validates; throws {@link IllegalArgumentException} on unusable rules. */
    public AgreementInstrumentRules {
        if (!AgreementValidator.isValidId(instrumentId)) {
            throw new IllegalArgumentException("invalid instrument id: " + instrumentId);
        }
        if (referencePriceMinor <= 0 || minQuantity <= 0 || lotSize <= 0 || tickSizeMinor <= 0) {
            throw new IllegalArgumentException("reference price, minimum size, lot and tick must be positive");
        }
        if (bandBps < 0 || bandBps > 10_000) {
            throw new IllegalArgumentException("band must be 0..10000 bp: " + bandBps);
        }
    }

    /** Rules with the default ±30 % band, lot and tick 1. */
    public static AgreementInstrumentRules of(String instrumentId, long referencePriceMinor, long minQuantity) {
        return new AgreementInstrumentRules(instrumentId, referencePriceMinor, DEFAULT_BAND_BPS, minQuantity, 1, 1);
    }

    /** A copy with another reference price. */
    public AgreementInstrumentRules withReferencePrice(long priceMinor) {
        return new AgreementInstrumentRules(instrumentId, priceMinor, bandBps, minQuantity, lotSize, tickSizeMinor);
    }

    /** A copy with another band. */
    public AgreementInstrumentRules withBandBps(int bps) {
        return new AgreementInstrumentRules(instrumentId, referencePriceMinor, bps, minQuantity, lotSize,
                tickSizeMinor);
    }

    /** A copy with another lot and tick size. */
    public AgreementInstrumentRules withLotAndTick(long lot, long tick) {
        return new AgreementInstrumentRules(instrumentId, referencePriceMinor, bandBps, minQuantity, lot, tick);
    }
}
