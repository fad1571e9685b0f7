package io.carbonx.registry.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders contract records as JSON for API responses: fields in schema order, {@code long}s as JSON numbers,
 * enums as their names, {@code bytes} as standard base64, nested records as objects. One-way (responses only).
 */
public final class AvroJson {
    private AvroJson() {
    }

    /**
     * @param record an Avro record
     * @return its JSON form
     */
    public static JsonObject of(IndexedRecord record) {
        JsonObject out = new JsonObject();
        for (Schema.Field f : record.getSchema().getFields()) {
            out.put(f.name(), value(record.get(f.pos())));
        }
        return out;
    }

    /**
     * @param event an event record
     * @return the API's JSON form of an event (the contract's {@code Event}): {@code "type"}, the record's schema
     *     name, then its fields as {@link #of}
     */
    public static JsonObject event(IndexedRecord event) {
        return new JsonObject().put("type", event.getSchema().getName()).mergeIn(of(event));
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof CharSequence || v instanceof Enum<?>) {
            return v.toString();
        }
        if (v instanceof ByteBuffer b) {
            ByteBuffer view = b.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof IndexedRecord r) {
            return of(r);
        }
        if (v instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(x -> a.add(value(x)));
            return a;
        }
        return v.toString();
    }
}
