package io.carbonx.registry.core.state;

/** Lock bookkeeping shared by the evolutions: moving amounts between an owner's available balance and a lock. */
final class Locks {
    private Locks() {
    }

    /** Creates a lock and moves {@code cash} and {@code quantity} of the owner's available amounts into it. */
    static Lock lockFromAvailable(LedgerState s, String lockId, String ownerId, String instrumentId, long cash,
                                  long quantity) {
        if (s.locks.containsKey(lockId)) {
            throw new IllegalStateException("lock exists: " + lockId);
        }
        Account owner = s.requireAccount(ownerId);
        owner.addCash(-cash);
        owner.addHolding(instrumentId, -quantity);
        Lock l = new Lock(lockId, ownerId, instrumentId);
        l.addCash(cash);
        l.addQuantity(quantity);
        s.locks.put(lockId, l);
        return l;
    }

    /** Creates an empty lock (filled by transfers from another lock). */
    static Lock emptyLock(LedgerState s, String lockId, String ownerId, String instrumentId) {
        if (s.locks.containsKey(lockId)) {
            throw new IllegalStateException("lock exists: " + lockId);
        }
        Lock l = new Lock(lockId, ownerId, instrumentId);
        s.locks.put(lockId, l);
        return l;
    }

    static Lock require(LedgerState s, String lockId) {
        return StateMath.present(s.locks.get(lockId), "lock " + lockId);
    }

    /**
     * Releases everything left in a lock to its owner and removes it; the released amounts must be exactly the
     * ones the event states.
     */
    static void releaseAll(LedgerState s, String lockId, long expectCash, long expectQuantity) {
        Lock l = require(s, lockId);
        if (l.cashMinor() != expectCash || l.quantity() != expectQuantity) {
            throw new IllegalStateException("release of " + lockId + " states " + expectCash + "/"
                    + expectQuantity + " but lock holds " + l.cashMinor() + "/" + l.quantity());
        }
        Account owner = s.requireAccount(l.ownerId());
        owner.addCash(l.cashMinor());
        owner.addHolding(l.instrumentId(), l.quantity());
        s.locks.remove(lockId);
    }

    /** Moves part of a lock back to its owner's available balance; the lock stays. */
    static void release(LedgerState s, String lockId, long cash, long quantity) {
        Lock l = require(s, lockId);
        if (cash > l.cashMinor() || quantity > l.quantity() || cash < 0 || quantity < 0) {
            throw new IllegalStateException("release of " + cash + "/" + quantity + " from " + lockId + " holding "
                    + l.cashMinor() + "/" + l.quantity());
        }
        l.addCash(-cash);
        l.addQuantity(-quantity);
        Account owner = s.requireAccount(l.ownerId());
        owner.addCash(cash);
        owner.addHolding(l.instrumentId(), quantity);
    }

    /** Removes a lock that must be empty. */
    static void removeEmpty(LedgerState s, String lockId) {
        Lock l = require(s, lockId);
        if (!l.isEmpty()) {
            throw new IllegalStateException("lock " + lockId + " not empty at removal");
        }
        s.locks.remove(lockId);
    }
}
