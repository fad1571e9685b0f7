package io.carbonx.registry.core.audit;

import io.carbonx.events.Side;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.TradeKind;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.core.state.OpenOrder;
import io.carbonx.registry.core.state.PendingTrade;
import io.carbonx.registry.core.state.Totals;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ledger's invariants, checked from the raw state (the regulator's replay check and the property tests run
 * it after every step). {@link #violations} lists every broken one; an empty list means:
 * <ol>
 *   <li>no negative cash, debt, holding, locked amount, remaining quantity or remaining deposit;
 *   <li>cash: {@code deposited - withdrawn = sum(unlocked cash) + sum(locked cash) + penaltiesPaid}, over all
 *       accounts including the exchange (commissions) and escrow accounts;
 *   <li>per instrument: {@code allocated + issued = held + locked + surrendered + escrowed + delivered};
 *   <li>debt: {@code sum(debt) = debtRecorded - debtRepaid};
 *   <li>locks: every lock belongs to exactly one open order ({@code order/<id>}: cash = remaining deposit,
 *       quantity = remaining for a sell, 0 for a buy or an ENERGY supply; a storage offer's, remaining) or to one
 *       side of one pending trade (buyer: no quantity; seller: the trade quantity for an exchange trade, none for
 *       an agreement or an ENERGY trade but a sale from storage); every open order and every pending trade has its locks; owners match;
 *   <li>status: CANCELLED accounts have no open orders (a FROZEN account's orders stay open until the book
 *       reports their cancel or fills); ACTIVE accounts have no debt; CANCELLED accounts hold nothing; system accounts never hold orders or debt, and trades only as the exchange account on the pool
 *       side of ENERGY trades; the exchange holds no quotas;
 *   <li>indexes: each account's open-order and pending-trade ids are exactly its orders and trades, and every
 *       pending trade is in the settlement queue.
 * </ol>
 */
public final class LedgerAudit {
    private final LedgerState s;
    private final List<String> violations = new ArrayList<>();

    private LedgerAudit(LedgerState s) {
        this.s = s;
    }

    /**
     * @param state a state
     * @return the broken invariants, empty if all hold
     */
    public static List<String> violations(LedgerState state) {
        LedgerAudit a = new LedgerAudit(state);
        a.nonNegative();
        a.cashConserved();
        a.quotasConserved();
        a.locksConsistent();
        a.statusRules();
        a.indexes();
        return a.violations;
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            violations.add(what);
        }
    }

    private void nonNegative() {
        for (Account a : s.accounts().values()) {
            check(a.cashMinor() >= 0, "negative cash " + a.id());
            check(a.debtMinor() >= 0, "negative debt " + a.id());
            a.holdings().forEach((i, q) -> check(q > 0, "non-positive holding entry " + a.id() + " " + i));
        }
        for (Lock l : s.locks().values()) {
            check(l.cashMinor() >= 0 && l.quantity() >= 0, "negative lock " + l.lockId());
        }
        for (OpenOrder o : s.openOrders().values()) {
            check(o.remaining() > 0 && o.depositRemainingMinor() >= 0, "bad open order " + o.orderId());
        }
    }

    private void cashConserved() {
        Totals t = s.totals();
        BigInteger held = BigInteger.valueOf(t.penaltiesPaidMinor());
        BigInteger debt = BigInteger.ZERO;
        for (Account a : s.accounts().values()) {
            held = held.add(BigInteger.valueOf(a.cashMinor()));
            debt = debt.add(BigInteger.valueOf(a.debtMinor()));
        }
        for (Lock l : s.locks().values()) {
            held = held.add(BigInteger.valueOf(l.cashMinor()));
        }
        BigInteger in = BigInteger.valueOf(t.depositedMinor()).subtract(BigInteger.valueOf(t.withdrawnMinor()));
        check(in.equals(held), "cash not conserved: deposited - withdrawn = " + in + ", held + penalties = " + held);
        BigInteger owed = BigInteger.valueOf(t.debtRecordedMinor()).subtract(BigInteger.valueOf(t.debtRepaidMinor()));
        check(debt.equals(owed), "debt not conserved: " + debt + " vs recorded - repaid " + owed);
    }

    private void quotasConserved() {
        TreeMap<String, BigInteger> accounted = new TreeMap<>();
        for (Account a : s.accounts().values()) {
            a.holdings().forEach((i, q) -> accounted.merge(i, BigInteger.valueOf(q), BigInteger::add));
        }
        for (Lock l : s.locks().values()) {
            if (l.quantity() > 0) {
                accounted.merge(l.instrumentId(), BigInteger.valueOf(l.quantity()), BigInteger::add);
            }
        }
        s.totals().surrendered().forEach((i, q) -> accounted.merge(i, BigInteger.valueOf(q), BigInteger::add));
        s.totals().delivered().forEach((i, q) -> accounted.merge(i, BigInteger.valueOf(q), BigInteger::add));
        TreeSet<String> instruments = new TreeSet<>(accounted.keySet());
        instruments.addAll(s.totals().created().keySet());
        for (String i : instruments) {
            BigInteger created = BigInteger.valueOf(s.totals().created().getOrDefault(i, 0L));
            BigInteger found = accounted.getOrDefault(i, BigInteger.ZERO);
            check(created.equals(found), "quota " + i + " not conserved: created " + created
                    + " vs held + locked + surrendered + escrowed " + found);
        }
    }

    private void locksConsistent() {
        TreeSet<String> expected = new TreeSet<>();
        for (OpenOrder o : s.openOrders().values()) {
            String id = Lock.orderLockId(o.orderId());
            expected.add(id);
            Lock l = s.lock(id).orElse(null);
            // an ENERGY sell locks its quantity only as a storage offer (of stored energy)
            boolean locksQuantity = o.side() == Side.SELL
                    && (!s.isEnergy(o.instrumentId()) || l != null && l.quantity() > 0);
            check(l != null && l.ownerId().equals(o.participantId()) && l.cashMinor() == o.depositRemainingMinor()
                    && l.quantity() == (locksQuantity ? o.remaining() : 0), "order lock mismatch " + id);
        }
        for (PendingTrade t : s.pendingTrades().values()) {
            String b = Lock.buyerLockId(t.tradeId());
            String sl = Lock.sellerLockId(t.tradeId());
            expected.add(b);
            expected.add(sl);
            Lock bl = s.lock(b).orElse(null);
            Lock sk = s.lock(sl).orElse(null);
            // an ENERGY trade's seller lock holds the quantity only for a sale from storage
            boolean energy = s.isEnergy(t.instrumentId());
            long sellerQty = t.kind() != TradeKind.EXCHANGE ? 0 : !energy ? t.quantity()
                    : sk != null && sk.quantity() > 0 ? t.quantity() : 0;
            check(bl != null && bl.ownerId().equals(t.buyerId()) && bl.quantity() == 0, "buyer lock mismatch " + b);
            check(sk != null && sk.ownerId().equals(t.sellerId()) && sk.quantity() == sellerQty,
                    "seller lock mismatch " + sl);
        }
        check(expected.equals(s.locks().keySet()), "orphan or missing locks: expected " + expected
                + ", live " + s.locks().keySet());
    }

    private void statusRules() {
        for (Account a : s.accounts().values()) {
            if (a.status() == AccountStatus.CANCELLED) {
                check(a.openOrderIds().isEmpty(), a.status() + " account with open orders " + a.id());
            }
            if (a.status() == AccountStatus.ACTIVE) {
                check(a.debtMinor() == 0, "ACTIVE account with debt " + a.id());
            }
            if (a.status() == AccountStatus.CANCELLED) {
                check(a.cashMinor() == 0 && a.holdings().isEmpty() && s.locksOf(a.id()).isEmpty(),
                        "cancelled account still holds value " + a.id());
            }
            if (a.isSystem()) {
                boolean poolTradesOnly = a.pendingTradeIds().stream().allMatch(id -> a.id()
                        .equals(s.exchangeAccountId()) && s.isEnergy(s.pendingTrade(id).orElseThrow().instrumentId()));
                check(a.openOrderIds().isEmpty() && poolTradesOnly && a.debtMinor() == 0
                        && a.status() == AccountStatus.ACTIVE, "system account misused " + a.id());
            }
        }
        check(s.account(s.exchangeAccountId()).orElseThrow().holdings().isEmpty(), "exchange holds quotas");
    }

    private void indexes() {
        Map<String, TreeSet<String>> orders = new TreeMap<>();
        Map<String, TreeSet<String>> trades = new TreeMap<>();
        s.openOrders().values().forEach(o -> orders.computeIfAbsent(o.participantId(), k -> new TreeSet<>())
                .add(o.orderId()));
        for (PendingTrade t : s.pendingTrades().values()) {
            trades.computeIfAbsent(t.buyerId(), k -> new TreeSet<>()).add(t.tradeId());
            trades.computeIfAbsent(t.sellerId(), k -> new TreeSet<>()).add(t.tradeId());
        }
        for (Account a : s.accounts().values()) {
            check(a.openOrderIds().equals(orders.getOrDefault(a.id(), new TreeSet<>())), "order index " + a.id());
            check(a.pendingTradeIds().equals(trades.getOrDefault(a.id(), new TreeSet<>())), "trade index " + a.id());
        }
        check(s.dueTrades(Long.MAX_VALUE).size() == s.pendingTrades().size(), "settlement queue out of step");
    }
}
