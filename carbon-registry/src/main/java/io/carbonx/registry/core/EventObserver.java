package io.carbonx.registry.core;

import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.state.LedgerState;

/**
 * Sees each event a decision emits, just before it is applied: adapters use it to describe the event for the
 * outside world (which instrument a cancelled order was for, which orders a freeze cancels) from the state the
 * event is applied to. It must only read the state.
 */
@FunctionalInterface
public interface EventObserver {

    /** An observer that does nothing. */
    EventObserver NONE = (before, event) -> { };

    /**
     * @param before the state the event is about to be applied to (read only)
     * @param event  the event
     */
    void beforeApply(LedgerState before, LedgerEvent event);
}
