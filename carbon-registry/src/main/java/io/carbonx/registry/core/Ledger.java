package io.carbonx.registry.core;

import io.carbonx.registry.core.accounts.AccountDecider;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.compliance.ComplianceDecider;
import io.carbonx.registry.core.defaults.DefaultDecider;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.orders.OrderDecider;
import io.carbonx.registry.core.quotas.QuotaDecider;
import io.carbonx.registry.core.settlement.SettlementDecider;
import io.carbonx.registry.core.state.Evolver;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.StateHasher;
import java.util.List;
import java.util.Objects;

/**
 * The registry's ledger aggregate: accounts, quotas, order locks, settlement, defaults, freezes and annual
 * compliance, as a pure deterministic state machine.
 *
 * <p>{@link #handle} is {@code decide(command, state) → events}: the decider of the command's type validates
 * it against the state and either refuses it (a {@link ReasonCode}, nothing changed) or emits events, each
 * applied at once by {@link #apply} ({@code evolve(state, event)}), the only way the state changes. Hence the
 * state is the fold of the emitted events from the genesis state, and {@link #replay} of those events gives
 * the same {@link #stateHash()}.
 *
 * <p>Not thread-safe: one writer per ledger partition, as the design requires.
 */
public final class Ledger {
    private final LedgerConfig config;
    private final LedgerState state;
    private final Evolver evolver = new Evolver();
    private final DeciderTable deciders = new DeciderTable();

    /**
     * A ledger in its genesis state (only the system accounts of the configuration exist).
     *
     * @param config the rules
     */
    public Ledger(LedgerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.state = LedgerState.genesis(config.exchangeAccountId(), config.escrowAccountId());
        AccountDecider.register(deciders, config);
        QuotaDecider.register(deciders, config);
        OrderDecider.register(deciders, config);
        SettlementDecider.register(deciders, config);
        DefaultDecider.register(deciders, config);
        ComplianceDecider.register(deciders, config);
    }

    /**
     * Rebuilds a ledger by applying events from genesis.
     *
     * @param config the configuration the events were produced under (its system account ids matter)
     * @param events the events in log order
     * @return the rebuilt ledger
     */
    public static Ledger replay(LedgerConfig config, Iterable<? extends LedgerEvent> events) {
        Ledger ledger = new Ledger(config);
        for (LedgerEvent e : events) {
            ledger.apply(e);
        }
        return ledger;
    }

    /**
     * Decides a command and applies the resulting events.
     *
     * @param command the command (null is refused with MISSING_FIELD)
     * @return the events (applied) or the refusal; a refusal leaves {@link #stateHash()} unchanged
     * @throws IllegalStateException if a decider broke its contract (refused after emitting state changes)
     */
    public Outcome handle(LedgerCommand command) {
        return handle(command, EventObserver.NONE);
    }

    /**
     * As {@link #handle(LedgerCommand)}, showing each emitted event to {@code observer} just before it is applied.
     *
     * @param command  the command (null is refused with MISSING_FIELD)
     * @param observer sees every emitted event with the state it is applied to
     * @return the events (applied) or the refusal
     */
    public Outcome handle(LedgerCommand command, EventObserver observer) {
        Objects.requireNonNull(observer, "observer");
        if (command == null) {
            return new Outcome(List.of(), ReasonCode.MISSING_FIELD, "command is null");
        }
        Emitter out = new Emitter(state, evolver, observer);
        try {
            Guards.time(command.time());
            deciders.decide(command, state, out);
        } catch (Refusal r) {
            requireNothingEmitted(out, r);
            return new Outcome(List.of(), r.code(), r.detail());
        } catch (ArithmeticException e) {
            requireNothingEmitted(out, e);
            return new Outcome(List.of(), ReasonCode.ARITHMETIC_OVERFLOW, String.valueOf(e.getMessage()));
        }
        return out.outcome();
    }

    /**
     * {@code evolve}: applies one event (replay from the log, or a decider's emission).
     *
     * @param event the event
     * @throws IllegalStateException if the event does not fit the state (corrupt or foreign stream)
     */
    public void apply(LedgerEvent event) {
        evolver.apply(state, Objects.requireNonNull(event, "event"));
    }

    /** @return SHA-256 (hex) of the canonical encoding of the state */
    public String stateHash() {
        return StateHasher.hash(state);
    }

    /** @return the state, read-only API */
    public LedgerState state() {
        return state;
    }

    /** @return the configuration */
    public LedgerConfig config() {
        return config;
    }

    private static void requireNothingEmitted(Emitter out, RuntimeException cause) {
        if (!out.isEmpty()) {
            throw new IllegalStateException("decider refused after emitting events", cause);
        }
    }
}
