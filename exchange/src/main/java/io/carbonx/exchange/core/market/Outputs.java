package io.carbonx.exchange.core.market;

import io.carbonx.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Collects the outputs of one input event and numbers their envelopes: the n-th envelope handed out (0-based) gets
 * the id {@code <cause id>/<n>}, so ids depend on the input alone and a replay reproduces identical bytes.
 */
final class Outputs {

    /** The actor of every event the exchange writes. */
    static final String ACTOR = "exchange";

    private final String causeId;
    private final List<MarketOutput> outputs = new ArrayList<>();
    private int next;

    Outputs(String causeId) {
        this.causeId = causeId;
    }

    /** The next envelope: call it right when building the event that will be added next. */
    EventEnvelope envelope(String type, long logicalTimeMs) {
        return EventEnvelope.newBuilder().setEventId(causeId + "/" + next++).setType(type).setCauseId(causeId)
                .setLogicalTime(logicalTimeMs).setActor(ACTOR).build();
    }

    void add(Destination destination, String key, SpecificRecord event) {
        outputs.add(new MarketOutput(destination, key, event));
    }

    String causeId() {
        return causeId;
    }

    List<MarketOutput> list() {
        return List.copyOf(outputs);
    }
}
