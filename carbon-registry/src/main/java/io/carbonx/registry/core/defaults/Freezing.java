package io.carbonx.registry.core.defaults;

import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.event.LedgerEvent.AccountFrozen;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;

/**
 * Freezing an account: AccountFrozen, nothing else. The account's open orders stay open, with their locks, until
 * the book reports what became of them: the book is the authority over what rests, and a fill it executed before
 * it saw the freeze is an accepted trade. The registry service asks the book to cancel each of them (an
 * OrderCancelRequested per open order, published with the freeze, in order id order); the book cancels what still
 * rests and reports OrderCancelled (reason ACCOUNT_FROZEN), whose {@code CancelOrder} (cause ACCOUNT_FROZEN)
 * releases the share of the lock of the quantity taken off; fills executed before the cancel arrive as
 * TradeExecuted and settle like any fill, in either order (see {@code OrderDecider}). A frozen account opens no new
 * order, and cannot be cancelled while orders remain open. Trade and agreement locks stay: those obligations still
 * settle (or default) at their due time.
 */
public final class Freezing {
    private Freezing() {
    }

    /**
     * @param s      state
     * @param a      an ACTIVE account
     * @param reason why
     * @param time   logical time
     * @param out    emitter
     */
    public static void freeze(LedgerState s, Account a, FreezeReason reason, long time, Emitter out) {
        out.emit(new AccountFrozen(a.id(), reason, time));
    }
}
