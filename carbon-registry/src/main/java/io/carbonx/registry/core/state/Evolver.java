package io.carbonx.registry.core.state;

import io.carbonx.registry.core.event.LedgerEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code evolve(state, event)}: the one way the ledger state changes. Applies an event in place, trusting the
 * amounts it carries (they were decided against the same state); an event that does not fit the state (an
 * unknown account, a balance that would turn negative) is a corrupt stream and throws
 * {@link IllegalStateException}. The handler table is looked up by the event's class, never iterated.
 */
public final class Evolver {
    private final Map<Class<?>, BiConsumer<LedgerState, LedgerEvent>> handlers = new HashMap<>();

    /** Builds the handler table of every event type. */
    public Evolver() {
        AccountEvolution.register(this);
        OrderEvolution.register(this);
        SettlementEvolution.register(this);
        ComplianceEvolution.register(this);
    }

    /**
     * Applies one event.
     *
     * @param state the state to change
     * @param event the event
     */
    public void apply(LedgerState state, LedgerEvent event) {
        BiConsumer<LedgerState, LedgerEvent> h = handlers.get(event.getClass());
        if (h == null) {
            throw new IllegalStateException("no evolution for " + event.getClass().getSimpleName());
        }
        h.accept(state, event);
    }

    <E extends LedgerEvent> void on(Class<E> type, BiConsumer<LedgerState, E> handler) {
        handlers.put(type, (s, e) -> handler.accept(s, type.cast(e)));
    }
}
