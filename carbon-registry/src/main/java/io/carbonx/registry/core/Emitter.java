package io.carbonx.registry.core;

import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.state.Evolver;
import io.carbonx.registry.core.state.LedgerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a decider puts its events. Each event is applied to the state at once (the aggregate's
 * {@code apply(event)}), so a decider emitting several events decides each one against the state its earlier
 * events produced, exactly as a replay will see it.
 */
public final class Emitter {
    private final LedgerState state;
    private final Evolver evolver;
    private final EventObserver observer;
    private final List<LedgerEvent> events = new ArrayList<>();
    private Refusal refusal;

    Emitter(LedgerState state, Evolver evolver, EventObserver observer) {
        this.state = state;
        this.evolver = evolver;
        this.observer = observer;
    }

    /**
     * Applies and records an event.
     *
     * @param event the event
     */
    public void emit(LedgerEvent event) {
        observer.beforeApply(state, event);
        evolver.apply(state, event);
        events.add(event);
    }

    /**
     * Marks the command refused although events (state-neutral rejection events) were emitted.
     *
     * @param reason the refusal
     */
    public void refuse(Refusal reason) {
        this.refusal = reason;
    }

    /** @return true if nothing was emitted yet */
    public boolean isEmpty() {
        return events.isEmpty();
    }

    Outcome outcome() {
        return refusal == null ? Outcome.accepted(events)
                : new Outcome(events, refusal.code(), refusal.detail());
    }
}
