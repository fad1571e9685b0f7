package io.carbonx.registry.core.defaults;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.DefaultKind;
import io.carbonx.events.Role;
import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.DeciderTable;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.Refusal;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.ReportExternalDefault;
import io.carbonx.registry.core.command.LedgerCommand.UnfreezeAccount;
import io.carbonx.registry.core.event.LedgerEvent.AccountCancelled;
import io.carbonx.registry.core.event.LedgerEvent.AccountUnfrozen;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.PendingTrade;
import java.util.Set;

/**
 * Defaults and freezes use case: external default reports, and the regulator's freeze, unfreeze and cancel.
 * <ul>
 *   <li>External reports (EXTERNAL_BANK, ARBITRATION_RULING) come only from the roles the configuration
 *       authorises for the kind, concern a pending trade, name one of its parties, state the loss, and are
 *       applied by {@link Defaults#apply}. A trade can default once: a second report finds no pending trade.
 *   <li>Unfreeze: FROZEN accounts without penalty debt. Cancel: FROZEN accounts without pending trades or
 *       agreements; cash and holdings move to the escrow account; terminal.
 * </ul>
 */
public final class DefaultDecider {
    private final LedgerConfig config;

    private DefaultDecider(LedgerConfig config) {
        this.config = config;
    }

    /**
     * @param table  decider table
     * @param config rules
     */
    public static void register(DeciderTable table, LedgerConfig config) {
        DefaultDecider d = new DefaultDecider(config);
        table.on(ReportExternalDefault.class, d::report);
        table.on(FreezeAccount.class, DefaultDecider::freeze);
        table.on(UnfreezeAccount.class, DefaultDecider::unfreeze);
        table.on(CancelAccount.class, DefaultDecider::cancel);
    }

    private void report(ReportExternalDefault c, LedgerState s, Emitter out) {
        Guards.id(c.reportId(), "reportId");
        DefaultKind kind = Guards.present(c.kind(), "kind");
        require(kind == DefaultKind.EXTERNAL_BANK || kind == DefaultKind.ARBITRATION_RULING,
                ReasonCode.KIND_NOT_EXTERNAL, kind + " is found at settlement, not reported");
        Set<Role> roles = config.externalReporters().getOrDefault(kind, Set.of());
        Guards.actor(s, c.actorId(), roles.toArray(new Role[0]));
        require(c.lossMinor() >= 0, ReasonCode.NEGATIVE_AMOUNT, "lossMinor " + c.lossMinor());
        Guards.id(c.tradeId(), "tradeId");
        PendingTrade t = s.pendingTrade(c.tradeId()).orElseThrow(() -> new Refusal(ReasonCode.UNKNOWN_TRADE,
                "no pending trade " + c.tradeId()));
        Guards.id(c.defaulterId(), "defaulterId");
        require(t.counterpartyOf(c.defaulterId()) != null, ReasonCode.DEFAULTER_NOT_PARTY,
                c.defaulterId() + " is not a party to " + c.tradeId());
        Defaults.apply(s, config, t, c.defaulterId(), kind, c.lossMinor(), c.time(), out);
    }

    private static void freeze(FreezeAccount c, LedgerState s, Emitter out) {
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        Account a = Guards.account(s, c.participantId());
        require(!a.isSystem(), ReasonCode.SYSTEM_ACCOUNT, a.id() + " is a system account");
        Guards.active(a);
        Freezing.freeze(s, a, FreezeReason.REGULATOR_ORDER, c.time(), out);
    }

    private static void unfreeze(UnfreezeAccount c, LedgerState s, Emitter out) {
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        Account a = frozen(s, c.participantId());
        require(a.debtMinor() == 0, ReasonCode.DEBT_OUTSTANDING, a.id() + " owes " + a.debtMinor());
        out.emit(new AccountUnfrozen(a.id(), c.actorId(), c.time()));
    }

    private static void cancel(CancelAccount c, LedgerState s, Emitter out) {
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        Account a = frozen(s, c.participantId());
        require(a.pendingTradeIds().isEmpty(), ReasonCode.PENDING_OBLIGATIONS,
                a.id() + " has pending trades " + a.pendingTradeIds());
        require(a.openOrderIds().isEmpty(), ReasonCode.PENDING_OBLIGATIONS,
                a.id() + " has orders the book has not cancelled yet " + a.openOrderIds());
        Account escrow = s.account(s.escrowAccountId()).orElseThrow();
        Amounts.add(escrow.cashMinor(), a.cashMinor());
        a.holdings().forEach((i, q) -> Amounts.add(escrow.holding(i), q));
        out.emit(new AccountCancelled(a.id(), c.actorId(), escrow.id(), a.cashMinor(), a.holdings(), c.time()));
    }

    private static Account frozen(LedgerState s, String participantId) {
        Account a = Guards.account(s, participantId);
        Guards.notCancelled(a);
        require(a.status() == AccountStatus.FROZEN, ReasonCode.ACCOUNT_NOT_FROZEN, a.id() + " is " + a.status());
        return a;
    }
}
