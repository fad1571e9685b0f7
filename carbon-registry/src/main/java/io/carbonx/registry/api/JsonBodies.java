package io.carbonx.registry.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reading and validating JSON request bodies. Each accessor answers a 400 problem itself (reason code
 * MALFORMED_JSON, MISSING_FIELD or INVALID_FIELD naming the field) and throws {@link Invalid} so the handler
 * stops; nothing has been published by then.
 */
public final class JsonBodies {
    /** Thrown after the 400 answer was sent. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String field) {
            super(field, null, false, false);
        }
    }

    private final RoutingContext ctx;
    private final JsonObject json;

    private JsonBodies(RoutingContext ctx, JsonObject json) {
        this.ctx = ctx;
        this.json = json;
    }

    /**
     * @param ctx a request with a JSON object body (an empty body counts as {@code {}})
     * @return the accessor
     * @throws Invalid after answering 400 MALFORMED_JSON
     */
    public static JsonBodies of(RoutingContext ctx) throws Invalid {
        try {
            String text = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
            return new JsonBodies(ctx, text == null || text.isBlank() ? new JsonObject() : new JsonObject(text));
        } catch (DecodeException | ClassCastException e) {
            Problems.send(ctx, 400, "MALFORMED_JSON", "the body is not a JSON object: " + e.getMessage());
            throw new Invalid("body");
        }
    }

    /** @return the parsed body */
    public JsonObject json() {
        return json;
    }

    /**
     * @param field a field
     * @return its non-blank string value
     * @throws Invalid after answering 400 MISSING_FIELD or INVALID_FIELD
     */
    public String string(String field) throws Invalid {
        Object v = json.getValue(field);
        if (v == null) {
            throw invalid("MISSING_FIELD", field, "is required");
        }
        if (!(v instanceof String s) || s.isBlank() || s.length() > 4096) {
            throw invalid("INVALID_FIELD", field, "must be a non-blank string of at most 4096 characters");
        }
        return s;
    }

    /**
     * @param field a field
     * @param fallback value when absent
     * @return its string value or the fallback
     * @throws Invalid after answering 400 INVALID_FIELD if present but not a string
     */
    public String optionalString(String field, String fallback) throws Invalid {
        Object v = json.getValue(field);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || s.length() > 4096) {
            throw invalid("INVALID_FIELD", field, "must be a string of at most 4096 characters");
        }
        return s;
    }

    /**
     * @param field a field
     * @return its integral value (JSON number without fraction)
     * @throws Invalid after answering 400 MISSING_FIELD or INVALID_FIELD
     */
    public long integer(String field) throws Invalid {
        Object v = json.getValue(field);
        if (v == null) {
            throw invalid("MISSING_FIELD", field, "is required");
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw invalid("INVALID_FIELD", field, "must be an integer");
    }

    /**
     * @param field a field
     * @return its int value
     * @throws Invalid after answering 400 MISSING_FIELD or INVALID_FIELD
     */
    public int int32(String field) throws Invalid {
        long v = integer(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid("INVALID_FIELD", field, "must fit a 32-bit integer");
        }
        return (int) v;
    }

    /**
     * @param field a field
     * @param type  the enum
     * @param <E>   the enum type
     * @return the constant its string names
     * @throws Invalid after answering 400 MISSING_FIELD or INVALID_FIELD
     */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) throws Invalid {
        String s = string(field);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw invalid("INVALID_FIELD", field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * @param field a field holding base64 (standard or url alphabet)
     * @return the decoded bytes
     * @throws Invalid after answering 400 MISSING_FIELD or INVALID_FIELD
     */
    public byte[] base64(String field) throws Invalid {
        String s = string(field);
        Optional<byte[]> b = decodeBase64(s);
        if (b.isEmpty()) {
            throw invalid("INVALID_FIELD", field, "must be base64");
        }
        return b.get();
    }

    /**
     * @param field a field holding lower- or upper-case hex
     * @param length the required number of bytes
     * @return the decoded bytes
     * @throws Invalid after answering 400 MISSING_FIELD or INVALID_FIELD
     */
    public byte[] hex(String field, int length) throws Invalid {
        String s = string(field);
        try {
            byte[] b = HexFormat.of().parseHex(s);
            if (b.length == length) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw invalid("INVALID_FIELD", field, "must be " + length + " bytes in hex");
    }

    /**
     * @param text base64 text (standard or url alphabet, padding optional)
     * @return the bytes, empty if not base64
     */
    public static Optional<byte[]> decodeBase64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/').strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Invalid invalid(String code, String field, String what) {
        Problems.send(ctx, 400, code, "field '" + field + "' " + what);
        return new Invalid(field);
    }
}
