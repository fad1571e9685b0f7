package io.carbonx.chain.testing;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous bound; a test fails on the condition, never on how long it took. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 20 ms for up to {@code timeoutMs}; throws with {@code state} if it never holds. */
    public static void until(String what, long timeoutMs, BooleanSupplier condition, Supplier<Object> state) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeoutMs + " ms: " + what + "; state: " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
