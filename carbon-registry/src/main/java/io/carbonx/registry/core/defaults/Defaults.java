package io.carbonx.registry.core.defaults;

import io.carbonx.events.DefaultKind;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.LedgerConfig.FreezePolicy;
import io.carbonx.registry.core.event.LedgerEvent.DefaultRecorded;
import io.carbonx.registry.core.event.LedgerEvent.DepositForfeited;
import io.carbonx.registry.core.event.LedgerEvent.TradeUnwound;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.core.state.PendingTrade;

/**
 * Applying a default to a pending trade, the same way whether found at settlement or reported from outside:
 * <ol>
 *   <li>DefaultRecorded (defaulter, counterparty, trade, amount = the trade's notional, loss, kind);
 *   <li>DepositForfeited: all cash in the defaulter's trade lock goes to the counterparty;
 *   <li>TradeUnwound: what is left in both trade locks (the counterparty's deposit, a seller's locked
 *       quantity) returns to its owner;
 *   <li>freeze policy: if the defaulter is ACTIVE and the forfeited deposit is smaller than the loss, it is
 *       frozen (DEPOSIT_SHORTFALL); otherwise if it now has {@code maxDefaults} defaults within
 *       {@code (t - defaultWindowMs, t]}, it is frozen (REPEATED_DEFAULTS).
 * </ol>
 */
public final class Defaults {
    private Defaults() {
    }

    /**
     * @param s          state
     * @param config     rules
     * @param t          the pending trade
     * @param defaulterId buyer or seller of {@code t}
     * @param kind       the default kind
     * @param lossMinor  the loss the default caused
     * @param time       logical time
     * @param out        emitter
     */
    public static void apply(LedgerState s, LedgerConfig config, PendingTrade t, String defaulterId,
                             DefaultKind kind, long lossMinor, long time, Emitter out) {
        String counterparty = t.counterpartyOf(defaulterId);
        boolean buyerDefaults = t.buyerId().equals(defaulterId);
        String defaulterLock = buyerDefaults ? Lock.buyerLockId(t.tradeId()) : Lock.sellerLockId(t.tradeId());
        long forfeited = s.lock(defaulterLock).orElseThrow().cashMinor();
        out.emit(new DefaultRecorded(t.tradeId(), defaulterId, counterparty, kind, t.notionalMinor(), lossMinor,
                time));
        out.emit(new DepositForfeited(t.tradeId(), defaulterId, counterparty, forfeited, time));
        Lock buyerLock = s.lock(Lock.buyerLockId(t.tradeId())).orElseThrow();
        Lock sellerLock = s.lock(Lock.sellerLockId(t.tradeId())).orElseThrow();
        out.emit(new TradeUnwound(t.tradeId(), t.buyerId(), t.sellerId(), buyerLock.cashMinor(),
                sellerLock.cashMinor(), sellerLock.quantity(), time));
        Account d = s.account(defaulterId).orElseThrow();
        if (d.status() != AccountStatus.ACTIVE || d.isSystem()) {
            return;
        }
        FreezePolicy p = config.freezePolicy();
        if (forfeited < lossMinor) {
            Freezing.freeze(s, d, FreezeReason.DEPOSIT_SHORTFALL, time, out);
        } else if (d.defaultsWithin(time - p.defaultWindowMs(), time) >= p.maxDefaults()) {
            Freezing.freeze(s, d, FreezeReason.REPEATED_DEFAULTS, time, out);
        }
    }
}
