package io.carbonx.registry.core;

import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.state.LedgerState;
import java.util.HashMap;
import java.util.Map;

/** Command type → decider. Looked up by class, never iterated. */
public final class DeciderTable {
    private final Map<Class<?>, Decider<LedgerCommand>> deciders = new HashMap<>();

    DeciderTable() {
    }

    /**
     * Registers the decider of a command type.
     *
     * @param type    command class
     * @param decider its decider
     * @param <C>     command type
     */
    public <C extends LedgerCommand> void on(Class<C> type, Decider<C> decider) {
        deciders.put(type, (c, s, out) -> decider.decide(type.cast(c), s, out));
    }

    void decide(LedgerCommand command, LedgerState state, Emitter out) {
        Decider<LedgerCommand> d = deciders.get(command.getClass());
        if (d == null) {
            throw new IllegalStateException("no decider for " + command.getClass().getSimpleName());
        }
        d.decide(command, state, out);
    }
}
