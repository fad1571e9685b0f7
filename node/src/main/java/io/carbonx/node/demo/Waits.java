package io.carbonx.node.demo;

import io.carbonx.node.client.ClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/** Bounded waiting and parallel work, for a loaded machine: generous time-outs, never a timing assertion. */
public final class Waits {

    /** The default bound of one wait. */
    public static final Duration DEFAULT = Duration.ofSeconds(120);

    private Waits() {
    }

    /**
     * Polls {@code probe} every {@code pauseMs} until it answers non-null, then returns that answer.
     *
     * @throws DemoException naming {@code what} when {@code timeout} passes first
     */
    public static <T> T until(String what, Duration timeout, long pauseMs, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T v = probe.get();
                if (v != null) {
                    return v;
                }
            } catch (ClientException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoException("timed out after " + timeout.toSeconds() + " s waiting until " + what
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
            }
            sleep(pauseMs);
        }
    }

    /** {@link #until} with the default bound and a 250 ms pause. */
    public static <T> T until(String what, Supplier<T> probe) {
        return until(what, DEFAULT, 250, probe);
    }

    /** Sleeps; an interrupt becomes a {@link DemoException}. */
    public static void sleep(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }

    /** Sleeps until the wall clock reaches {@code epochMs}. */
    public static void untilTime(long epochMs) {
        sleep(epochMs - System.currentTimeMillis());
    }

    /** Runs {@code work} on every item in {@code pool} and returns the results in item order. */
    public static <I, O> List<O> parallel(ExecutorService pool, List<I> items, Function<I, O> work) {
        List<Future<O>> futures = new ArrayList<>();
        items.forEach(i -> futures.add(pool.submit(() -> work.apply(i))));
        List<O> out = new ArrayList<>();
        for (Future<O> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new DemoException(String.valueOf(c), c);
            }
        }
        return out;
    }
}
