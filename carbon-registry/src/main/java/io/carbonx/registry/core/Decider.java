package io.carbonx.registry.core;

import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.state.LedgerState;

/**
 * {@code decide(command, state) → events} for one command type. A decider validates first and throws
 * {@link Refusal} before emitting anything if the command is refused; it reads the state only through its
 * public (read-only) API and changes it only by emitting events.
 *
 * @param <C> the command type
 */
@FunctionalInterface
public interface Decider<C extends LedgerCommand> {
    /**
     * @param command the command
     * @param state   the current state (read-only API)
     * @param out     where events go
     */
    void decide(C command, LedgerState state, Emitter out);
}
