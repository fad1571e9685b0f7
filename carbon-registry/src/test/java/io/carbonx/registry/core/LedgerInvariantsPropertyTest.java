package io.carbonx.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.core.audit.LedgerAudit;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.command.LedgerCommand.RunAnnualSettlement;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRejected;
import io.carbonx.registry.core.event.LedgerEvent.AllowancesSurrendered;
import io.carbonx.registry.core.event.LedgerEvent.DefaultRecorded;
import io.carbonx.registry.core.event.LedgerEvent.FundsDeposited;
import io.carbonx.registry.core.event.LedgerEvent.FundsWithdrawn;
import io.carbonx.registry.core.event.LedgerEvent.OffsetIssued;
import io.carbonx.registry.core.event.LedgerEvent.OrderRejected;
import io.carbonx.registry.core.event.LedgerEvent.PenaltyApplied;
import io.carbonx.registry.core.event.LedgerEvent.QuotaAllocated;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/**
 * Seeded random streams of every command; after every step the invariants hold. The conservation checks
 * compare sums over the raw state with totals the test accumulates itself from the emitted events, so they do
 * not trust the ledger's own counters:
 * <ul>
 *   <li>cash: {@code deposits - withdrawals = sum(unlocked cash) + sum(locked cash) + penalties paid}, over
 *       every account (exchange commissions and escrow included); the exchange account's cash equals the
 *       commissions of settled trades plus its own deposits minus its withdrawals;
 *   <li>quotas, per instrument: {@code allocated + issued = held + locked + surrendered + escrowed};
 *   <li>no negative cash, holding or lock; {@link LedgerAudit} finds nothing;
 *   <li>a refused command leaves the state hash unchanged and emits only OrderRejected/AgreementRejected;
 *   <li>replaying the emitted events from genesis gives the same state hash (checked every 40 steps and at
 *       the end);
 *   <li>at the end, after cancelling every open order and closing every window, no lock is left.
 * </ul>
 * The seed is a jqwik parameter (reported on failure) and in every assertion message.
 */
class LedgerInvariantsPropertyTest {
    private static final int STEPS = 400;

    @Property(tries = 120)
    @Tag("property")
    void invariantsHoldAfterEveryStepOfARandomStream(@ForAll long seed) {
        Run run = new Run(seed);
        for (int step = 0; step < STEPS; step++) {
            run.step(step);
        }
        run.drainAndCheckEveryLockReleasedOrConsumed();
    }

    @Property(tries = 15)
    @Tag("property")
    void sameSeedGivesSameEventsAndStateHash(@ForAll long seed) {
        Run a = new Run(seed);
        Run b = new Run(seed);
        for (int step = 0; step < 150; step++) {
            a.step(step);
            b.step(step);
        }
        assertThat(b.events).isEqualTo(a.events);
        assertThat(b.ledger.stateHash()).isEqualTo(a.ledger.stateHash());
    }

    /** One seeded run with its own event-derived model of the totals. */
    static final class Run {
        final long seed;
        final RandomOperations ops;
        final Ledger ledger = new Ledger(LedgerConfig.defaults());
        final List<LedgerEvent> events = new ArrayList<>();
        long deposited;
        long withdrawn;
        long penaltiesPaid;
        long commissions;
        long exchangeIn;
        long exchangeOut;
        int defaults;
        final TreeMap<String, Long> created = new TreeMap<>();
        final TreeMap<String, Long> surrendered = new TreeMap<>();

        Run(long seed) {
            this.seed = seed;
            this.ops = new RandomOperations(seed);
            for (LedgerCommand c : ops.genesis()) {
                Outcome o = ledger.handle(c);
                assertThat(o.isAccepted()).as("seed %d genesis %s", seed, c).isTrue();
                record(o);
            }
        }

        void step(int step) {
            LedgerCommand c = ops.next(ledger.state());
            String before = ledger.stateHash();
            Outcome o = ledger.handle(c);
            String where = "seed " + seed + " step " + step + " " + c + " -> " + o.reason() + " " + o.detail();
            if (!o.isAccepted()) {
                assertThat(ledger.stateHash()).as("refusal changed state: %s", where).isEqualTo(before);
                assertThat(o.events()).as(where)
                        .allMatch(e -> e instanceof OrderRejected || e instanceof AgreementRejected);
            } else if (c instanceof RunAnnualSettlement r) {
                ops.yearSettled(r.year());
            }
            record(o);
            checkInvariants(where);
            if (step % 40 == 39) {
                assertThat(Ledger.replay(ledger.config(), events).stateHash()).as("replay %s", where)
                        .isEqualTo(ledger.stateHash());
            }
        }

        void drainAndCheckEveryLockReleasedOrConsumed() {
            for (String orderId : new ArrayList<>(ledger.state().openOrders().keySet())) {
                Outcome o = ledger.handle(new CancelOrder(orderId, ops.now()));
                assertThat(o.isAccepted()).as("seed %d cancel %s", seed, orderId).isTrue();
                record(o);
            }
            Outcome close = ledger.handle(new CloseSettlementWindow(ops.now() + 30L * 86_400_000L));
            assertThat(close.isAccepted()).as("seed %d final close %s", seed, close.detail()).isTrue();
            record(close);
            String where = "seed " + seed + " after draining";
            checkInvariants(where);
            assertThat(ledger.state().openOrders()).as(where).isEmpty();
            assertThat(ledger.state().pendingTrades()).as(where).isEmpty();
            assertThat(ledger.state().locks()).as("every lock released or consumed, %s", where).isEmpty();
            assertThat(Ledger.replay(ledger.config(), events).stateHash()).as("replay %s", where)
                    .isEqualTo(ledger.stateHash());
        }

        private void record(Outcome o) {
            for (LedgerEvent e : o.events()) {
                events.add(e);
                if (e instanceof FundsDeposited d) {
                    deposited += d.amountMinor();
                    penaltiesPaid += d.debtRepaidMinor();
                    exchangeIn += isExchange(d.participantId()) ? d.amountMinor() : 0;
                } else if (e instanceof FundsWithdrawn w) {
                    withdrawn += w.amountMinor();
                    exchangeOut += isExchange(w.participantId()) ? w.amountMinor() : 0;
                } else if (e instanceof PenaltyApplied p) {
                    penaltiesPaid += p.paidMinor();
                } else if (e instanceof TradeSettled t) {
                    commissions += t.commissionMinor();
                } else if (e instanceof QuotaAllocated q) {
                    created.merge(q.instrumentId(), q.credited(), Long::sum);
                } else if (e instanceof OffsetIssued i) {
                    created.merge(i.instrumentId(), i.quantity(), Long::sum);
                } else if (e instanceof AllowancesSurrendered s) {
                    surrendered.merge(s.instrumentId(), s.quantity(), Long::sum);
                } else if (e instanceof DefaultRecorded) {
                    defaults++;
                }
            }
        }

        private boolean isExchange(String id) {
            return ledger.state().exchangeAccountId().equals(id);
        }

        private void checkInvariants(String where) {
            LedgerState s = ledger.state();
            assertThat(LedgerAudit.violations(s)).as(where).isEmpty();
            long cash = 0;
            TreeMap<String, Long> units = new TreeMap<>();
            for (Account a : s.accounts().values()) {
                assertThat(a.cashMinor()).as("cash of %s, %s", a.id(), where).isNotNegative();
                cash += a.cashMinor();
                a.holdings().forEach((i, q) -> {
                    assertThat(q).as("holding %s of %s, %s", i, a.id(), where).isPositive();
                    units.merge(i, q, Long::sum);
                });
            }
            for (Lock l : s.locks().values()) {
                assertThat(l.cashMinor()).as(where).isNotNegative();
                assertThat(l.quantity()).as(where).isNotNegative();
                cash += l.cashMinor();
                if (l.quantity() > 0) {
                    units.merge(l.instrumentId(), l.quantity(), Long::sum);
                }
            }
            assertThat(cash + penaltiesPaid).as("cash conserved, %s", where).isEqualTo(deposited - withdrawn);
            assertThat(s.account(s.exchangeAccountId()).orElseThrow().cashMinor()).as("commissions, %s", where)
                    .isEqualTo(commissions + exchangeIn - exchangeOut);
            TreeSet<String> instruments = new TreeSet<>(created.keySet());
            instruments.addAll(units.keySet());
            for (String i : instruments) {
                assertThat(units.getOrDefault(i, 0L) + surrendered.getOrDefault(i, 0L))
                        .as("quota %s conserved, %s", i, where).isEqualTo(created.getOrDefault(i, 0L));
            }
            assertThat(s.totals().depositedMinor()).as(where).isEqualTo(deposited);
            assertThat(s.totals().withdrawnMinor()).as(where).isEqualTo(withdrawn);
            assertThat(s.totals().penaltiesPaidMinor()).as(where).isEqualTo(penaltiesPaid);
            assertThat(s.totals().commissionsMinor()).as(where).isEqualTo(commissions);
        }
    }
}
