package io.carbonx.eventlog.processing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets any thread read a status derived from a processor's state only while that state is exactly the fold of the
 * committed log, without the loop computing the status after every commit.
 *
 * <p>The loop thread holds the gate from a poll ({@link #transactionOpened()}, from
 * {@link LoopListener#onPolled}) until the transaction commits or aborts ({@link #transactionEnded}), and
 * takes it for every other change of the state ({@link #replaceState}, {@link #updateState}). A reader calls
 * {@link #read}: it waits up to the configured time for the gate; once it has it, the status is refreshed if the state
 * is settled (the committed fold) and then returned; if the gate stays held, the last status is returned unrefreshed
 * (older, but exact for the position it reports). Thread-safe.
 */
public final class CommittedStateGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final long waitMs;
    /** Guarded by {@link #lock}: the state is the fold of the committed log. */
    private boolean settled;

    /** @param waitMs how long {@link #read} waits for an open transaction to end */
    public CommittedStateGate(long waitMs) {
        this.waitMs = waitMs;
    }

    /** Loop thread: a transaction opened or continues; the state leaves the committed fold until it ends. */
    public void transactionOpened() {
        lock.lock();
        settled = false;
    }

    /**
     * Loop thread: the transaction committed or aborted; releases the gate.
     *
     * @param settledNow whether the state is now the committed fold (false after an abort)
     */
    public void transactionEnded(boolean settledNow) {
        settled = settledNow;
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    /**
     * Loop thread: replaces the state (a rebuild, a revocation) under the gate.
     *
     * @param change  the replacement
     * @param settles whether the new state is the committed fold; it counts as settled only outside a transaction
     */
    public void replaceState(Runnable change, boolean settles) {
        boolean inTransaction = lock.isHeldByCurrentThread();
        lock.lock();
        try {
            change.run();
            settled = settles && !inTransaction;
        } finally {
            lock.unlock();
        }
    }

    /** Loop thread: changes the state under the gate without changing whether it is settled. */
    public void updateState(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Any thread: the current status, refreshed first if the state is settled.
     *
     * @param refreshIfSettled recomputes the status from the settled state (runs under the gate)
     * @param current          the status as it stands
     * @param <T>              the status type
     * @return the status
     */
    public <T> T read(Runnable refreshIfSettled, Supplier<T> current) {
        try {
            if (!lock.tryLock(waitMs, TimeUnit.MILLISECONDS)) {
                return current.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return current.get();
        }
        try {
            if (settled) {
                refreshIfSettled.run();
            }
            return current.get();
        } finally {
            lock.unlock();
        }
    }
}
