package io.carbonx.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.registry.core.audit.LedgerAudit;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances;
import io.carbonx.registry.core.command.LedgerCommand.ChangeCreditGrade;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.command.LedgerCommand.DefineInstrument;
import io.carbonx.registry.core.command.LedgerCommand.DepositFunds;
import io.carbonx.registry.core.command.LedgerCommand.IssueOffsets;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.command.LedgerCommand.RecordTrade;
import io.carbonx.registry.core.command.LedgerCommand.SubmitOrder;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger with a cast: regulator REG, verifier VER, arbitrator ARB, an exchange operator OPS (role EXCHANGE),
 * enterprises E1..E3; instruments ALW-2025 and ALW-2026 (allowances) and OFS (offsets, 2024). Every accepted
 * command is followed by an audit; every refused one by a check that the state hash did not move. All events
 * are kept for replay checks.
 */
final class LedgerFixture {
    /** 2025-03-01T00:00:00Z. */
    static final long T0 = 1_740_787_200_000L;
    static final String REG = "REG";
    static final String VER = "VER";
    static final String ARB = "ARB";
    static final String OPS = "OPS";
    static final String E1 = "E1";
    static final String E2 = "E2";
    static final String E3 = "E3";
    static final String ALW25 = "ALW-2025";
    static final String ALW26 = "ALW-2026";
    static final String OFS = "OFS";

    final Ledger ledger;
    final List<LedgerEvent> log = new ArrayList<>();
    private long now = T0;
    private int refs;

    LedgerFixture(LedgerConfig config) {
        ledger = new Ledger(config);
        ok(new OpenAccount(REG, Role.REGULATOR, now));
        ok(new OpenAccount(VER, Role.VERIFIER, now));
        ok(new OpenAccount(ARB, Role.ARBITRATOR, now));
        ok(new OpenAccount(OPS, Role.EXCHANGE, now));
        for (String e : List.of(E1, E2, E3)) {
            ok(new OpenAccount(e, Role.ENTERPRISE, now));
        }
        ok(new DefineInstrument(REG, ALW25, InstrumentKind.ALLOWANCE, 2025, now));
        ok(new DefineInstrument(REG, ALW26, InstrumentKind.ALLOWANCE, 2026, now));
        ok(new DefineInstrument(REG, OFS, InstrumentKind.OFFSET, 2024, now));
    }

    LedgerFixture() {
        this(LedgerConfig.defaults());
    }

    /** @return the current logical time, advanced by 1 ms per call */
    long t() {
        return now++;
    }

    /** Jumps the clock. */
    void at(long time) {
        now = time;
    }

    String ref() {
        return "ref-" + (++refs);
    }

    LedgerState state() {
        return ledger.state();
    }

    Account account(String id) {
        return ledger.state().account(id).orElseThrow();
    }

    /** Handles a command that must be accepted; audits; returns its events. */
    List<LedgerEvent> ok(LedgerCommand c) {
        Outcome o = ledger.handle(c);
        assertThat(o.reason()).as("refusal of %s: %s", c, o.detail()).isNull();
        log.addAll(o.events());
        assertThat(LedgerAudit.violations(ledger.state())).as("invariants after %s", c).isEmpty();
        return o.events();
    }

    /** Handles a command that must be refused with {@code code}; checks nothing changed. */
    Outcome refused(LedgerCommand c, ReasonCode code) {
        String before = ledger.stateHash();
        Outcome o = ledger.handle(c);
        assertThat(o.reason()).as("outcome of %s (%s)", c, o.detail()).isEqualTo(code);
        assertThat(ledger.stateHash()).as("state after refused %s", c).isEqualTo(before);
        log.addAll(o.events());
        return o;
    }

    void deposit(String p, long amount) {
        ok(new DepositFunds(ref(), p, amount, t()));
    }

    void allocate(String p, String instrument, long qty) {
        ok(new AllocateAllowances(ref(), REG, p, instrument, qty, t()));
    }

    void issueOffsets(String p, long from, long to) {
        ok(new IssueOffsets(ref(), REG, p, OFS, from, to, t()));
    }

    void grade(String p, CreditGrade g) {
        ok(new ChangeCreditGrade(p, g, t()));
    }

    List<LedgerEvent> buy(String orderId, String p, String instrument, long price, long qty) {
        return ok(new SubmitOrder(orderId, p, instrument, Side.BUY, price, qty, t()));
    }

    List<LedgerEvent> sell(String orderId, String p, String instrument, long price, long qty) {
        return ok(new SubmitOrder(orderId, p, instrument, Side.SELL, price, qty, t()));
    }

    List<LedgerEvent> trade(String tradeId, String buyOrder, String sellOrder, long price, long qty) {
        return ok(new RecordTrade(tradeId, buyOrder, sellOrder, price, qty, t()));
    }

    /** Closes every window up to a time well after everything so far. */
    List<LedgerEvent> closeAll() {
        now += 10 * ledger.config().settlementWindowMs();
        return ok(new CloseSettlementWindow(now));
    }

    /** @return the first emitted event of a type, failing if none */
    static <E extends LedgerEvent> E first(List<LedgerEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + events));
    }

    /** @return all emitted events of a type */
    static <E extends LedgerEvent> List<E> all(List<LedgerEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    long lockedCash(String p) {
        return ledger.state().locksOf(p).stream().mapToLong(l -> l.cashMinor()).sum();
    }

    long lockedQuantity(String p) {
        return ledger.state().locksOf(p).stream().mapToLong(l -> l.quantity()).sum();
    }

    /** Replays the log from genesis and checks the same state hash. */
    void assertReplayMatches() {
        assertThat(Ledger.replay(ledger.config(), log).stateHash()).isEqualTo(ledger.stateHash());
    }
}
