package io.carbonx.exchange.core.matching;

/**
 * An output of a {@link MatchingEngine}: plain records, mapped to Avro events by the adapter. Events are
 * emitted in a deterministic order; every id in them is derived from the input (order ids as given, trade and
 * auction ids from per-instrument sequences).
 */
public sealed interface MatchEvent
        permits OrderAccepted, OrderRejected, TradeExecuted, OrderCancelled, OrderExpired, OrderReplaced,
        AuctionResult, PhaseChanged, ReferencePriceSet {

    /** The instrument. */
    String instrumentId();

    /** Logical time of the command (or session boundary) that produced the event. */
    long timeMs();
}
