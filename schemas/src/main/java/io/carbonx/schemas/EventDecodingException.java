package io.carbonx.schemas;

import java.util.Objects;

/**
 * Bytes that are not a valid single-object encoded CarbonX record. The {@link #reason()} says precisely why, so a
 * consumer can route the record (dead letter, rejection) without parsing messages.
 *
 * <p>Thrown by {@link EventCodec} decoding methods for every kind of bad input; decoding never throws anything
 * else for bad bytes, and never changes any state.
 */
public final class EventDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why bytes could not be decoded. */
    public enum Reason {
        /** The input ends before the header (10 bytes) or the body is complete, or a length exceeds what remains. */
        TRUNCATED,
        /** The first two bytes are not the single-object marker {@code C3 01}. */
        BAD_MAGIC,
        /** The header's CRC-64-AVRO fingerprint names no schema this codec knows. */
        UNKNOWN_FINGERPRINT,
        /** The body does not follow the writer schema (negative length, bad union or enum index, bad UTF-8, ...). */
        MALFORMED,
        /** A complete record was decoded but bytes were left over. */
        TRAILING_BYTES,
        /** The record decoded is of another type than the caller asked for. */
        WRONG_TYPE,
        /** An event's {@code envelope.type} is not the simple name of its schema. */
        ENVELOPE_TYPE_MISMATCH
    }

    private final Reason reason;

    /**
     * @param reason why decoding failed
     * @param detail human-readable detail (never the raw bytes)
     * @param cause the underlying exception, or null
     */
    public EventDecodingException(Reason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
        this.reason = reason;
    }

    /**
     * @param reason why decoding failed
     * @param detail human-readable detail (never the raw bytes)
     */
    public EventDecodingException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /** @return why decoding failed */
    public Reason reason() {
        return reason;
    }
}
