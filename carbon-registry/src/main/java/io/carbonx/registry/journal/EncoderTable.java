package io.carbonx.registry.journal;

import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.state.LedgerState;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Ledger event class → its Avro encoding. Looked up by class, never iterated. */
final class EncoderTable {

    /** Encodes one ledger event given the state it is applied to and the decision's context. */
    @FunctionalInterface
    interface Encoder<E extends LedgerEvent> {
        SpecificRecord encode(E event, LedgerState before, DecisionContext context);
    }

    private final Map<Class<?>, Encoder<LedgerEvent>> encoders = new HashMap<>();

    <E extends LedgerEvent> void on(Class<E> type, Encoder<E> encoder) {
        encoders.put(type, (e, s, c) -> encoder.encode(type.cast(e), s, c));
    }

    SpecificRecord encode(LedgerEvent event, LedgerState before, DecisionContext context) {
        Encoder<LedgerEvent> encoder = encoders.get(event.getClass());
        if (encoder == null) {
            throw new IllegalStateException("no journal encoding for " + event.getClass().getSimpleName());
        }
        return encoder.encode(event, before, context);
    }
}
