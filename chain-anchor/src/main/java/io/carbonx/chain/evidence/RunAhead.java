package io.carbonx.chain.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The independent, pure computations of one verification (signature checks over bytes of the bundle: commit
 * signatures, signed requests, time-stamp tokens), started ahead on a small pool so that they run on the machine's
 * other cores while the verifying thread does the rest; the verifying thread then takes each result at the point
 * where the sequential verification computed it, and records the checks itself, in the same order. The report is
 * therefore the same as a sequential run's, whatever the number of cores or the scheduling.
 *
 * <p>Nothing is shared between verifications: a {@code RunAhead} belongs to one verification and its results are
 * dropped with it. A result the verification never asks for (it failed earlier) is computed for nothing, but never
 * reported; an exception of a computation is rethrown where its result is asked for, as the sequential code threw it.
 * The verifying thread never waits idle: asked for a result still being computed by the pool, it computes the
 * others that nobody has started (from the last submitted), so progress never depends on the pool (a busy or
 * absent pool degrades to the sequential run).
 *
 * <p>Confined to the verifying thread (the pool runs only the submitted computations).
 */
final class RunAhead {

    /** Pool threads: the other cores (the verifying thread is one worker), at most 3; none on one core. */
    static final int POOL_THREADS = Math.max(0, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));

    private final Executor executor;
    private final List<FutureTask<?>> tasks = new ArrayList<>();

    private RunAhead(Executor executor) {
        this.executor = executor;
    }

    /** Computations run on the verifying thread when asked for: the sequential verification. */
    static RunAhead inline() {
        return new RunAhead(null);
    }

    /** Computations started on the shared verification pool (inline if this machine has one core). */
    static RunAhead onPool() {
        return new RunAhead(Pool.EXECUTOR);
    }

    /** Computations started on {@code executor} (null: inline). */
    static RunAhead on(Executor executor) {
        return new RunAhead(executor);
    }

    /** Starts {@code work} ahead (or queues it for the caller to run, inline). */
    <T> Pending<T> submit(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        tasks.add(task);
        if (executor != null) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // computed by the verifying thread when asked for
            }
        }
        return new Pending<>(task);
    }

    /** A result to come; {@link #get()} only on the verifying thread. */
    final class Pending<T> {
        private final FutureTask<T> task;

        private Pending(FutureTask<T> task) {
            this.task = task;
        }

        /**
         * The result, computing it now if nobody started it; while the pool computes it, the caller computes
         * not-yet-started others. Rethrows the computation's unchecked exception or error.
         */
        T get() {
            task.run();
            for (int i = tasks.size() - 1; i >= 0 && !task.isDone(); i--) {
                tasks.get(i).run();
            }
            try {
                return task.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a signature check", e);
            }
        }
    }

    /**
     * The process-wide pool of verification threads: {@link #POOL_THREADS} daemon threads, created on first use and
     * ended after 30 s idle. Bounded in threads; its queue holds only computations whose submitters will also run
     * them themselves if the pool has not, so a saturated pool slows no verification below its sequential speed.
     */
    private static final class Pool {
        static final ThreadPoolExecutor EXECUTOR = create();

        private Pool() {
        }

        private static ThreadPoolExecutor create() {
            if (POOL_THREADS == 0) {
                return null;
            }
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "evidence-verify-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
