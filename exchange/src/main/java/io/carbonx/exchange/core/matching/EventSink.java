package io.carbonx.exchange.core.matching;

/** Receives a {@link MatchingEngine}'s events in order, synchronously, on the engine's thread. */
@FunctionalInterface
public interface EventSink {

    /** Called once per event, in output order. */
    void accept(MatchEvent event);
}
