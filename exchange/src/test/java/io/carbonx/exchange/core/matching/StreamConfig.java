package io.carbonx.exchange.core.matching;

/** Instrument configurations the random-stream tests run under, covering every mode and option. */
enum StreamConfig {
    CONTINUOUS_GRADE_CANCEL_RESTING(SessionSchedule.continuousOnly(), PriorityMode.PRICE_GRADE_TIME,
            SelfTradePrevention.CANCEL_RESTING, 2_000),
    DAILY_PRICE_TIME_CANCEL_AGGRESSOR(daily(), PriorityMode.PRICE_TIME, SelfTradePrevention.CANCEL_AGGRESSOR,
            240_000),
    DAILY_GRADE_CANCEL_RESTING(daily(), PriorityMode.PRICE_GRADE_TIME, SelfTradePrevention.CANCEL_RESTING, 240_000),
    PERIODIC_GRADE_CANCEL_AGGRESSOR(SessionSchedule.periodic(hours(1), hours(2), hours(21), 60_000),
            PriorityMode.PRICE_GRADE_TIME, SelfTradePrevention.CANCEL_AGGRESSOR, 60_000);

    /** 2024-10-04T01:30Z: inside the pre-open of the daily schedules. */
    static final long START_MS = 20_000L * SessionSchedule.DAY_MS + hours(1) + 30 * 60_000L;

    private final SessionSchedule schedule;
    private final PriorityMode priorityMode;
    private final SelfTradePrevention selfTradePrevention;
    private final long maxStepMs;

    StreamConfig(SessionSchedule schedule, PriorityMode priorityMode, SelfTradePrevention selfTradePrevention,
                 long maxStepMs) {
        this.schedule = schedule;
        this.priorityMode = priorityMode;
        this.selfTradePrevention = selfTradePrevention;
        this.maxStepMs = maxStepMs;
    }

    private static long hours(long h) {
        return h * 3_600_000L;
    }

    private static SessionSchedule daily() {
        return SessionSchedule.daily(hours(1), hours(2), hours(20), hours(21));
    }

    InstrumentRules rules() {
        return InstrumentRules.builder("EUA-" + ordinal())
                .tickSize(5)
                .lotSize(10)
                .quantityRange(10, 1_000_000)
                .priceBand(10_000, 500)
                .priorityMode(priorityMode)
                .selfTradePrevention(selfTradePrevention)
                .schedule(schedule)
                .build();
    }

    RandomCommandStream stream(long seed, int targetLive) {
        return new RandomCommandStream(seed, rules(), START_MS, maxStepMs, targetLive);
    }
}
