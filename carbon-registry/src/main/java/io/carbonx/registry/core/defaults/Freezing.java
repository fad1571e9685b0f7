package io.carbonx.registry.core.defaults;

import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.event.LedgerEvent.AccountFrozen;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.model.CancelCause;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.core.state.OpenOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Freezing an account: AccountFrozen, then one OrderCancelled (cause ACCOUNT_FROZEN) per open order in order
 * id order, each releasing exactly what its lock holds. Trade and agreement locks stay: those obligations
 * still settle (or default) at their due time.
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
        List<String> open = new ArrayList<>(a.openOrderIds());
        for (String orderId : open) {
            OpenOrder o = s.openOrder(orderId).orElseThrow();
            Lock l = s.lock(Lock.orderLockId(orderId)).orElseThrow();
            out.emit(new OrderCancelled(o.orderId(), o.participantId(), l.cashMinor(), l.quantity(),
                    CancelCause.ACCOUNT_FROZEN, o.remaining(), time));
        }
    }
}
