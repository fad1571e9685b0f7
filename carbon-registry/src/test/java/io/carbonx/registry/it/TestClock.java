package io.carbonx.registry.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The wall clock plus an offset the test moves forward (certificate, challenge and token expiry). */
final class TestClock extends Clock {
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
