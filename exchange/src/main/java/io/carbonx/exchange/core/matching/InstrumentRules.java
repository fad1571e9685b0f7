package io.carbonx.exchange.core.matching;

/**
 * The trading rules of one instrument. Configuration errors throw {@link IllegalArgumentException} at
 * construction; orders breaking the rules are rejected with a {@link RejectReason}, never with an exception.
 *
 * @param instrumentId        the instrument's id (part of every event and derived id)
 * @param tickSize            prices must be multiples of this (price minor units, &ge; 1)
 * @param lotSize             quantities must be multiples of this (whole units, &ge; 1)
 * @param minQuantity         smallest order quantity (&ge; 1)
 * @param maxQuantity         largest order quantity (&ge; minQuantity)
 * @param referencePrice      initial reference price for the band and the auction tie-break (0 = none);
 *                            replaced by every auction clearing price and by {@link SetReferencePrice}
 * @param bandBps             half-width of the price band in basis points of the reference (0 = no band, &le; 10000)
 * @param priorityMode        ranking at equal price
 * @param selfTradePrevention what continuous matching does on a self-match
 * @param schedule            the session timetable
 */
public record InstrumentRules(String instrumentId, long tickSize, long lotSize, long minQuantity, long maxQuantity,
                              long referencePrice, int bandBps, PriorityMode priorityMode,
                              SelfTradePrevention selfTradePrevention, SessionSchedule schedule) {

    /** Validates the configuration. */
    public InstrumentRules {
        require(instrumentId != null && !instrumentId.isBlank(), "instrumentId is required");
        require(tickSize >= 1, "tickSize must be >= 1");
        require(lotSize >= 1, "lotSize must be >= 1");
        require(minQuantity >= 1 && maxQuantity >= minQuantity, "need 1 <= minQuantity <= maxQuantity");
        require(referencePrice >= 0, "referencePrice must be >= 0");
        require(bandBps >= 0 && bandBps <= 10_000, "bandBps must be in [0, 10000]");
        require(priorityMode != null && selfTradePrevention != null && schedule != null,
                "priorityMode, selfTradePrevention and schedule are required");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A builder with defaults: tick 1, lot 1, quantity 1..10^12, no reference, no band, price-grade-time,
     *  cancel-resting, continuous only. */
    public static Builder builder(String instrumentId) {
        return new Builder(instrumentId);
    }

    /** Mutable builder for {@link InstrumentRules}. */
    public static final class Builder {
        private final String instrumentId;
        private long tickSize = 1;
        private long lotSize = 1;
        private long minQuantity = 1;
        private long maxQuantity = 1_000_000_000_000L;
        private long referencePrice;
        private int bandBps;
        private PriorityMode priorityMode = PriorityMode.PRICE_GRADE_TIME;
        private SelfTradePrevention selfTradePrevention = SelfTradePrevention.CANCEL_RESTING;
        private SessionSchedule schedule = SessionSchedule.continuousOnly();

        private Builder(String instrumentId) {
            this.instrumentId = instrumentId;
        }

        public Builder tickSize(long value) {
            tickSize = value;
            return this;
        }

        public Builder lotSize(long value) {
            lotSize = value;
            return this;
        }

        public Builder quantityRange(long min, long max) {
            minQuantity = min;
            maxQuantity = max;
            return this;
        }

        public Builder priceBand(long reference, int bps) {
            referencePrice = reference;
            bandBps = bps;
            return this;
        }

        public Builder priorityMode(PriorityMode value) {
            priorityMode = value;
            return this;
        }

        public Builder selfTradePrevention(SelfTradePrevention value) {
            selfTradePrevention = value;
            return this;
        }

        public Builder schedule(SessionSchedule value) {
            schedule = value;
            return this;
        }

        public InstrumentRules build() {
            return new InstrumentRules(instrumentId, tickSize, lotSize, minQuantity, maxQuantity, referencePrice,
                    bandBps, priorityMode, selfTradePrevention, schedule);
        }
    }
}
