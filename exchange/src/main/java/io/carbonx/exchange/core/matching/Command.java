package io.carbonx.exchange.core.matching;

/**
 * An input to a {@link MatchingEngine}. Every command carries the logical time (ms since the epoch) at which
 * it takes effect; times must not decrease from one command to the next.
 */
public sealed interface Command
        permits PlaceOrder, CancelOrder, ReplaceOrder, AdvanceTime, CancelParticipantOrders, SetReferencePrice {

    /** Logical time of the command, ms since the epoch. */
    long timeMs();

    /** What kind of command this is. */
    CommandKind kind();
}
