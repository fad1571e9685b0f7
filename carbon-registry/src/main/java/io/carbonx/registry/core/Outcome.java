package io.carbonx.registry.core;

import io.carbonx.registry.core.event.LedgerEvent;
import java.util.List;
import java.util.Optional;

/**
 * What a command produced: the events, in order, already applied to the ledger's state; and, for a refused
 * command, the reason. A refused command leaves the state unchanged; its {@code events} are empty, except for
 * order submissions and agreement registrations whose refusal is itself published ({@code OrderRejected},
 * {@code AgreementRejected}: events that change no state).
 *
 * @param events the emitted events (unmodifiable)
 * @param reason the refusal reason, or null if the command was accepted
 * @param detail detail text of the refusal, empty when accepted
 */
public record Outcome(List<LedgerEvent> events, ReasonCode reason, String detail) {

    /** Defensive copy. */
    public Outcome {
        events = List.copyOf(events);
        detail = detail == null ? "" : detail;
    }

    /**
     * @param events the events of an accepted command
     * @return an accepted outcome
     */
    public static Outcome accepted(List<LedgerEvent> events) {
        return new Outcome(events, null, "");
    }

    /** @return true if the command was accepted */
    public boolean isAccepted() {
        return reason == null;
    }

    /** @return the refusal reason, empty if accepted */
    public Optional<ReasonCode> rejection() {
        return Optional.ofNullable(reason);
    }
}
