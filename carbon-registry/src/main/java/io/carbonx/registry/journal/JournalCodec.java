package io.carbonx.registry.journal;

import io.carbonx.registry.core.EventObserver;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.identity.IdentityRecord;
import io.carbonx.schemas.EventCodec;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The registry journal's encoding: every ledger event and identity record as an Avro event
 * ({@link io.carbonx.schemas.Topics#REGISTRY_JOURNAL}). Encoding a ledger event needs the state it is applied
 * to (what a cancelled order was for), so it happens in the ledger's {@link EventObserver}
 * ({@link #observer}); decoding needs nothing but the record, and gives back the very same ledger event
 * ({@link LedgerEventDecoder}) or identity record ({@link IdentityRecordCodec}), so folding the decoded journal
 * rebuilds the same state. Stateless and thread-safe.
 */
public final class JournalCodec {
    private final EncoderTable table = new EncoderTable();

    /** Builds the encodings of every ledger event type. */
    public JournalCodec() {
        AccountEncodings.register(table);
        TradingEncodings.register(table);
        ComplianceEncodings.register(table);
    }

    /** A decoded journal entry. */
    public sealed interface Entry {
        /** @return the Avro record as stored */
        SpecificRecord record();
    }

    /**
     * A ledger event.
     *
     * @param event  the ledger event
     * @param record its journal record
     */
    public record LedgerEntry(LedgerEvent event, SpecificRecord record) implements Entry { }

    /**
     * An identity decision.
     *
     * @param identity the identity record
     * @param record   its journal record
     */
    public record IdentityEntry(IdentityRecord identity, SpecificRecord record) implements Entry { }

    /**
     * An observer encoding each event of one decision into {@code sink}, in emission order.
     *
     * @param context the decision's context
     * @param sink    receives the journal records
     * @return the observer to pass to {@code Ledger.handle}
     */
    public EventObserver observer(DecisionContext context, List<SpecificRecord> sink) {
        return (before, event) -> sink.add(table.encode(event, before, context));
    }

    /**
     * @param record a record read from the journal
     * @return the entry it holds
     * @throws IllegalArgumentException if the record is neither a ledger event nor an identity record
     */
    public static Entry entryOf(SpecificRecord record) {
        Optional<LedgerEvent> ledger = LedgerEventDecoder.decode(record);
        if (ledger.isPresent()) {
            return new LedgerEntry(ledger.get(), record);
        }
        return IdentityRecordCodec.decode(record).<Entry>map(i -> new IdentityEntry(i, record))
                .orElseThrow(() -> new IllegalArgumentException(record.getSchema().getName()
                        + " is not a journal record"));
    }

    /**
     * @param bytes a journal record's value
     * @return the entry it holds
     * @throws io.carbonx.schemas.EventDecodingException if the bytes are not a contract record
     * @throws IllegalArgumentException                  if the record is not a journal record
     */
    public static Entry decode(byte[] bytes) {
        return entryOf(EventCodec.standard().decode(bytes));
    }
}
