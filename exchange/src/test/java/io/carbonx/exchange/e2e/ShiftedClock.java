package io.carbonx.exchange.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The wall clock plus an offset the test moves forward (the registry's settlement clock). */
final class ShiftedClock extends Clock {
    private volatile long offsetMs;

    void advance(Duration d) {
        offsetMs += d.toMillis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMs);
    }
}
