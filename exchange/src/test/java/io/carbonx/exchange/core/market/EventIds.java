package io.carbonx.exchange.core.market;

import io.carbonx.events.EventEnvelope;

/** Reads the envelope of an output event (every event's first field). */
final class EventIds {

    private EventIds() {
    }

    static EventEnvelope of(MarketOutput output) {
        return (EventEnvelope) output.event().get(0);
    }
}
