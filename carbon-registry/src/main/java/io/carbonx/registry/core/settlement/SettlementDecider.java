package io.carbonx.registry.core.settlement;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.DefaultKind;
import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.DeciderTable;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.Refusal;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.command.LedgerCommand.RegisterAgreement;
import io.carbonx.registry.core.defaults.Defaults;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRegistered;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRejected;
import io.carbonx.registry.core.event.LedgerEvent.SettlementWindowClosed;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import io.carbonx.registry.core.model.TradeKind;
import io.carbonx.registry.core.orders.Collateral;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.core.state.PendingTrade;

/**
 * Settlement use case: agreement registration and the window close that settles due trades.
 * <ul>
 *   <li>Agreements lock each party's deposit (its own grade's share of the notional) at registration; refusals
 *       are published as AgreementRejected (state-neutral), except a missing or duplicate id.
 *   <li>Window close at t (t never before the previous close) takes every pending trade due at or before t,
 *       in due-time then registration order, and for each, atomically as one event, either settles it
 *       delivery-versus-payment (TradeSettled) or applies a default ({@link Defaults#apply}):
 *       <ul>
 *         <li>agreement: the seller must hold the quantity unlocked, else it defaults (DELIVERY);
 *         <li>the buyer pays the notional (plus its commission) from its trade deposit first, then from unlocked
 *             cash; if the two do not cover it, the buyer defaults (PAYMENT). Deposit beyond that is released.
 *         <li>an ENERGY instrument settles the cash only: its energy is delivered through the grid, and its
 *             pool trades have the exchange account (the platform) as buyer or seller, paying from its cash.
 *       </ul>
 *       The seller's commission, {@code floor(notional x rate / 10000)} with the venue's rate or else
 *       {@code commissionBps}, is taken from the seller's proceeds; the buyer's (the venue's rate, else none) is
 *       paid on top of the notional; both are credited to the exchange account. The deemed loss of these defaults is
 *       {@code ceil(notional x deemedLossBps / 10000)}.
 * </ul>
 */
public final class SettlementDecider {
    private final LedgerConfig config;

    private SettlementDecider(LedgerConfig config) {
        this.config = config;
    }

    /**
     * @param table  decider table
     * @param config rules
     */
    public static void register(DeciderTable table, LedgerConfig config) {
        SettlementDecider d = new SettlementDecider(config);
        table.on(RegisterAgreement.class, d::register);
        table.on(CloseSettlementWindow.class, d::close);
    }

    private void register(RegisterAgreement c, LedgerState s, Emitter out) {
        Guards.id(c.agreementId(), "agreementId");
        require(!s.tradeIdUsed(c.agreementId()), ReasonCode.DUPLICATE_TRADE_ID,
                c.agreementId() + " was registered");
        AgreementRegistered registered;
        try {
            registered = validate(c, s);
        } catch (Refusal r) {
            out.emit(new AgreementRejected(c.agreementId(), r.code(), r.detail(), c.time()));
            out.refuse(r);
            return;
        }
        out.emit(registered);
    }

    private AgreementRegistered validate(RegisterAgreement c, LedgerState s) {
        Guards.id(c.buyerId(), "buyerId");
        Guards.id(c.sellerId(), "sellerId");
        Guards.positivePrice(c.priceMinor());
        Guards.positiveQuantity(c.quantity(), "quantity");
        Guards.instrument(s, c.instrumentId());
        require(c.settleAt() > c.time(), ReasonCode.SETTLEMENT_DATE_NOT_AFTER_REGISTRATION,
                "settleAt " + c.settleAt() + " <= " + c.time());
        require(!c.buyerId().equals(c.sellerId()), ReasonCode.SELF_TRADE, c.buyerId() + " on both sides");
        Account buyer = Collateral.trader(s, config, c.buyerId(), "buyer");
        Account seller = Collateral.trader(s, config, c.sellerId(), "seller");
        long notional = Amounts.notional(c.priceMinor(), c.quantity());
        long buyerDeposit = Collateral.deposit(config, buyer, notional);
        long sellerDeposit = Collateral.deposit(config, seller, notional);
        Collateral.requireCashFor(buyer, buyerDeposit, "buyer");
        Collateral.requireCashFor(seller, sellerDeposit, "seller");
        return new AgreementRegistered(c.agreementId(), buyer.id(), seller.id(), c.instrumentId(), c.priceMinor(),
                c.quantity(), buyerDeposit, sellerDeposit, c.settleAt(), c.time());
    }

    private void close(CloseSettlementWindow c, LedgerState s, Emitter out) {
        require(!s.anyWindowClosed() || c.time() >= s.lastWindowClose(), ReasonCode.WINDOW_TIME_REGRESSION,
                "close at " + c.time() + " before previous close " + s.lastWindowClose());
        int settled = 0;
        int defaulted = 0;
        for (PendingTrade t : s.dueTrades(c.time())) {
            if (settleOrDefault(s, t, c.time(), out)) {
                settled++;
            } else {
                defaulted++;
            }
        }
        out.emit(new SettlementWindowClosed(c.time(), settled, defaulted));
    }

    private boolean settleOrDefault(LedgerState s, PendingTrade t, long now, Emitter out) {
        long notional = t.notionalMinor();
        long loss = Amounts.ceilShare(notional, config.freezePolicy().deemedLossBps());
        Account buyer = s.account(t.buyerId()).orElseThrow();
        Account seller = s.account(t.sellerId()).orElseThrow();
        if (t.kind() == TradeKind.AGREEMENT && seller.holding(t.instrumentId()) < t.quantity()) {
            Defaults.apply(s, config, t, seller.id(), DefaultKind.DELIVERY, loss, now, out);
            return false;
        }
        Lock buyerLock = s.lock(Lock.buyerLockId(t.tradeId())).orElseThrow();
        Lock sellerLock = s.lock(Lock.sellerLockId(t.tradeId())).orElseThrow();
        long buyerCommission = Amounts.floorShare(notional, t.buyerCommissionBps() == null ? 0
                : t.buyerCommissionBps());
        long sellerCommission = Amounts.floorShare(notional, t.sellerCommissionBps() == null
                ? config.commissionBps() : t.sellerCommissionBps());
        long owed = Amounts.add(notional, buyerCommission);
        long applied = Math.min(buyerLock.cashMinor(), owed);
        long cashPaid = owed - applied;
        if (buyer.cashMinor() < cashPaid) {
            Defaults.apply(s, config, t, buyer.id(), DefaultKind.PAYMENT, loss, now, out);
            return false;
        }
        out.emit(new TradeSettled(t.tradeId(), t.kind(), buyer.id(), seller.id(), t.instrumentId(), t.quantity(),
                t.priceMinor(), notional, sellerCommission, buyerCommission, applied, cashPaid,
                buyerLock.cashMinor() - applied, sellerLock.cashMinor(), sellerLock.quantity(), t.tradeTime(), now));
        return true;
    }
}
