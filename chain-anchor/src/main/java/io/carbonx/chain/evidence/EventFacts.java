package io.carbonx.chain.evidence;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.RequestSignature;
import io.carbonx.schemas.EventTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Generic facts about a decoded event, read through its schema so that every event type (present and future)
 * is handled the same way: its ids, the participants it involves, and the participant-signed requests it carries
 * (every field of type {@code RequestSignature}, over the event's one {@code bytes} field named {@code ...Bytes}).
 */
public final class EventFacts {

    /** Full name of the signature record. */
    static final String REQUEST_SIGNATURE = RequestSignature.getClassSchema().getFullName();

    private EventFacts() {
    }

    /**
     * A participant-signed request carried by an event.
     *
     * @param field     the signature field's name (e.g. {@code signature}, {@code buyerSignature})
     * @param bytes     the exact signed bytes the event keeps
     * @param signature the signature record
     */
    public record SignedRequest(String field, byte[] bytes, RequestSignature signature) {
    }

    /** The event type (its schema's simple name). */
    public static String type(SpecificRecord event) {
        return event.getSchema().getName();
    }

    /** The envelope. */
    public static EventEnvelope envelope(SpecificRecord event) {
        return EventTypes.envelopeOf(event);
    }

    /** The string value of top-level field {@code name}, if the event has it and it is set. */
    public static Optional<String> string(SpecificRecord event, String name) {
        Schema.Field f = event.getSchema().getField(name);
        if (f == null) {
            return Optional.empty();
        }
        Object v = event.get(f.pos());
        return v instanceof CharSequence s ? Optional.of(s.toString()) : Optional.empty();
    }

    /** The signed requests, in field order. */
    public static List<SignedRequest> signedRequests(SpecificRecord event) {
        byte[] bytes = null;
        List<SignedRequest> out = new ArrayList<>();
        for (Schema.Field f : event.getSchema().getFields()) {
            if (f.schema().getType() == Schema.Type.BYTES && f.name().endsWith("Bytes")) {
                bytes = bytes(event.get(f.pos()));
            }
        }
        for (Schema.Field f : event.getSchema().getFields()) {
            if (f.schema().getType() == Schema.Type.RECORD && f.schema().getFullName().equals(REQUEST_SIGNATURE)
                    && bytes != null) {
                out.add(new SignedRequest(f.name(), bytes, (RequestSignature) event.get(f.pos())));
            }
        }
        return out;
    }

    /** True when the event names {@code id} in the field(s) a subject of {@code kind} is identified by. */
    public static boolean mentions(SpecificRecord event, EvidenceKind kind, String id) {
        return switch (kind) {
            case TRADE -> string(event, "tradeId").filter(id::equals).isPresent();
            case ORDER -> string(event, "orderId").filter(id::equals).isPresent()
                    || string(event, "buyOrderId").filter(id::equals).isPresent()
                    || string(event, "sellOrderId").filter(id::equals).isPresent();
            case DEFAULT -> string(event, "defaultId").filter(id::equals).isPresent();
            case PENALTY -> string(event, "penaltyId").filter(id::equals).isPresent();
            case PARTICIPANT -> involves(event, id);
        };
    }

    /** True when any string anywhere in the event (envelope actor included) equals {@code participantId}. */
    public static boolean involves(SpecificRecord event, String participantId) {
        return containsString(event, participantId);
    }

    private static boolean containsString(IndexedRecord record, String value) {
        for (Schema.Field f : record.getSchema().getFields()) {
            Object v = record.get(f.pos());
            if (v instanceof CharSequence s && s.toString().equals(value)) {
                return true;
            }
            if (v instanceof IndexedRecord nested && containsString(nested, value)) {
                return true;
            }
            if (v instanceof List<?> list) {
                for (Object o : list) {
                    if ((o instanceof CharSequence s && s.toString().equals(value))
                            || (o instanceof IndexedRecord r && containsString(r, value))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A copy of a ByteBuffer's remaining bytes (without moving it), or null. */
    static byte[] bytes(Object value) {
        if (!(value instanceof ByteBuffer buffer)) {
            return null;
        }
        ByteBuffer view = buffer.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }
}
