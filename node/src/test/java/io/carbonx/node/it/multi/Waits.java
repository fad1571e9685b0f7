package io.carbonx.node.it.multi;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: every wait names what it waits for and fails with a description of the state. */
final class Waits {

    private Waits() {
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Polls {@code condition} every {@code periodMs} until true; fails after {@code timeout} with {@code state}. */
    static void until(String what, Duration timeout, long periodMs, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what + "; state: "
                        + state.get());
            }
            sleep(periodMs);
        }
    }
}
