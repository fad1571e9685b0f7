package io.carbonx.schemas;

import io.carbonx.events.EventEnvelope;
import io.carbonx.schemas.EventDecodingException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes every CarbonX record ({@link EventTypes#all()}: events, signed requests, block headers) in
 * the <a href="https://avro.apache.org/docs/1.12.0/specification/#single-object-encoding">Avro single-object
 * encoding</a>: the two marker bytes {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the
 * writer schema's parsing canonical form, then the Avro binary encoding of the record. Encoding is done by
 * Avro's {@link BinaryMessageEncoder}; nothing is framed by hand.
 *
 * <h2>Canonical bytes</h2>
 * The encoding of a record is deterministic: the same record always gives the same bytes (the contract has no
 * maps and no floating point; fields are written in schema order). These bytes are therefore the canonical bytes
 * of the contract:
 * <ul>
 *   <li>a <b>signed request</b> ({@code io.carbonx.requests.*}) is signed over {@code encode(request)}; the event
 *       that carries it keeps those bytes verbatim ({@code requestBytes}/{@code termsBytes}), so a verifier
 *       checks the signature over the stored bytes and decodes them with any Avro implementation and the
 *       schema the fingerprint names;</li>
 *   <li>a <b>block hash</b> is SHA-256 over {@code encode(blockHeader)}; the fingerprint inside the hashed bytes
 *       names the header schema, so a later header version can never be confused with this one;</li>
 *   <li>an <b>event</b>'s Merkle leaf is computed over the bytes stored in Kafka, which are {@code encode(event)}.
 *   </li>
 * </ul>
 * Text must be valid Unicode: Avro writes an unpaired surrogate as {@code '?'}, so such a string would not
 * survive a round trip; adapters validate external text before it reaches an event.
 *
 * <h2>Decoding</h2>
 * The fingerprint selects the writer schema from this codec's {@link #schemaStore()} (the current contract, plus
 * the released earlier versions for {@link #standard()}, or those given to {@link #withEarlierSchemas}); the record is read with Avro schema resolution into
 * the current generated class of the same full name. Every kind of bad input raises an
 * {@link EventDecodingException} with a precise {@link Reason}, and nothing else: short input, wrong marker,
 * unknown fingerprint, a body that does not follow the schema, trailing bytes, or an event whose
 * {@code envelope.type} is not its schema name. Declared lengths are checked against the input before anything
 * is allocated ({@link BoundedBinaryDecoder}), so hostile input cannot exhaust memory. Bytes written by Avro's own
 * {@code BinaryMessageEncoder} (or any conforming implementation) decode here, and bytes encoded here decode with
 * Avro's {@code BinaryMessageDecoder} and {@link #schemaStore()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventCodec {

    /** Length of the single-object header: 2 marker bytes and an 8-byte fingerprint. */
    public static final int HEADER_LENGTH = 10;

    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    private static final EventCodec STANDARD = new EventCodec(SchemaHistory::earlierRecordSchemas);

    private final Map<Class<? extends SpecificRecord>, BinaryMessageEncoder<SpecificRecord>> encoders =
            new HashMap<>();
    private final Map<Long, WriterSchema> writers = new HashMap<>();
    private final Supplier<Collection<Schema>> earlierSource;
    /** Readers of the earlier versions by fingerprint; built on first need (see {@link #earlierWriters()}). */
    private volatile Map<Long, WriterSchema> earlierWriters;
    private final SchemaStore store = this::writerSchema;

    /** How to read bytes written with one writer schema into its current class. */
    private record WriterSchema(Schema schema, Class<? extends SpecificRecord> type,
                                SpecificDatumReader<SpecificRecord> reader) {
    }

    /**
     * @param earlierSchemas the earlier versions to read as well; asked for once, the first time bytes carry a
     *                       fingerprint of no current schema (most processes never read old data, and parsing the
     *                       history is a large part of a cold command-line start)
     */
    private EventCodec(Supplier<Collection<Schema>> earlierSchemas) {
        this.earlierSource = earlierSchemas;
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            Schema schema = EventTypes.schemaOf(type);
            encoders.put(type, new BinaryMessageEncoder<>(SpecificData.get(), schema, false));
            addWriter(schema, type);
        }
    }

    /** The readers of the earlier versions (built once, thread-safe), checked readable by the current schemas. */
    private Map<Long, WriterSchema> earlierWriters() {
        Map<Long, WriterSchema> built = earlierWriters;
        if (built == null) {
            synchronized (this) {
                built = earlierWriters;
                if (built == null) {
                    built = Map.copyOf(readersOf(earlierSource.get()));
                    earlierWriters = built;
                }
            }
        }
        return built;
    }

    private Map<Long, WriterSchema> readersOf(Collection<Schema> earlierSchemas) {
        Map<String, Class<? extends SpecificRecord>> byFullName = new HashMap<>();
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            byFullName.put(EventTypes.schemaOf(type).getFullName(), type);
        }
        Map<Long, WriterSchema> readers = new HashMap<>();
        for (Schema earlier : earlierSchemas) {
            Class<? extends SpecificRecord> type = byFullName.get(earlier.getFullName());
            if (type == null) {
                throw new IllegalArgumentException("no current contract type named " + earlier.getFullName());
            }
            Schema current = EventTypes.schemaOf(type);
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, earlier);
            if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IllegalArgumentException("current " + earlier.getFullName()
                        + " cannot read data written with the given earlier schema: "
                        + compatibility.getDescription());
            }
            long fingerprint = fingerprint(earlier);
            if (!writers.containsKey(fingerprint)) {
                readers.putIfAbsent(fingerprint, newWriter(earlier, type));
            }
        }
        return readers;
    }

    /**
     * @return the codec for the current contract that also reads every released earlier version of it
     *         ({@link SchemaHistory}); shared, thread-safe
     */
    public static EventCodec standard() {
        return STANDARD;
    }

    /**
     * A codec that also reads records written with earlier versions of the contract's schemas.
     *
     * @param earlierSchemas earlier versions of contract record schemas (each must be readable by the current one)
     * @return a new codec
     * @throws IllegalArgumentException if a schema names no contract type or is not readable by the current one
     */
    public static EventCodec withEarlierSchemas(Collection<Schema> earlierSchemas) {
        List<Schema> copy = List.copyOf(earlierSchemas);
        EventCodec codec = new EventCodec(() -> copy);
        codec.earlierWriters();
        return codec;
    }

    /**
     * CRC-64-AVRO fingerprint of a schema's parsing canonical form (what the single-object header carries).
     *
     * @param schema any schema
     * @return its fingerprint
     */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /**
     * @param type a contract type
     * @return the fingerprint of its current schema
     */
    public static long fingerprintOf(Class<? extends SpecificRecord> type) {
        return fingerprint(EventTypes.schemaOf(type));
    }

    /**
     * Encodes a record in the single-object encoding; deterministic.
     *
     * @param record an instance of a type in {@link EventTypes#all()}
     * @return a new array holding the canonical bytes
     * @throws IllegalArgumentException if the type is not in the contract, an event's {@code envelope.type} is
     *     not its schema name, or the record does not follow its schema (e.g. a required field is null)
     */
    public byte[] encode(SpecificRecord record) {
        Objects.requireNonNull(record, "record");
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(record.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException(record.getClass().getName() + " is not a CarbonX contract type");
        }
        if (EventTypes.hasEnvelope(record.getClass())) {
            String expected = record.getSchema().getName();
            Object envelope = record.get(0);
            String actual = envelope == null ? null : ((EventEnvelope) envelope).getType();
            if (!expected.equals(actual)) {
                throw new IllegalArgumentException("envelope.type is " + actual + ", must be " + expected);
            }
        }
        try {
            ByteBuffer view = encoder.encode(record);
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot encode " + record.getSchema().getName() + ": " + e, e);
        }
    }

    /**
     * Decodes single-object encoded bytes into the current generated class named by their fingerprint.
     *
     * @param bytes the complete encoded record, nothing more
     * @return the record
     * @throws EventDecodingException if the bytes are not a valid record, with the reason
     */
    public SpecificRecord decode(byte[] bytes) {
        WriterSchema writer = writerOf(bytes);
        BoundedBinaryDecoder in = new BoundedBinaryDecoder(bytes, HEADER_LENGTH);
        SpecificRecord record;
        try {
            record = writer.reader().read(null, in);
        } catch (EventDecodingException e) {
            throw e;
        } catch (EOFException e) {
            throw new EventDecodingException(Reason.TRUNCATED, writer.schema().getName() + " body ends early", e);
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(Reason.MALFORMED,
                    writer.schema().getName() + " body does not follow its schema: " + e, e);
        }
        if (in.remaining() != 0) {
            throw new EventDecodingException(Reason.TRAILING_BYTES,
                    in.remaining() + " bytes after a complete " + writer.schema().getName());
        }
        checkEnvelope(record);
        return record;
    }

    /**
     * Decodes bytes that must hold a record of the given type.
     *
     * @param bytes the complete encoded record
     * @param type the expected contract type
     * @param <T> the expected type
     * @return the record
     * @throws EventDecodingException if the bytes are not a valid record ({@link Reason#WRONG_TYPE} if they hold
     *     a valid record of another type)
     */
    public <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
        Class<? extends SpecificRecord> actual = typeOf(bytes);
        if (actual != type) {
            throw new EventDecodingException(Reason.WRONG_TYPE,
                    "expected " + type.getSimpleName() + " but the bytes hold " + actual.getSimpleName());
        }
        return type.cast(decode(bytes));
    }

    /**
     * Reads only the header and says which type the bytes claim to hold (the body is not checked).
     *
     * @param bytes single-object encoded bytes
     * @return the current class for the writer schema
     * @throws EventDecodingException for a short header, wrong marker or unknown fingerprint
     */
    public Class<? extends SpecificRecord> typeOf(byte[] bytes) {
        return writerOf(bytes).type();
    }

    /**
     * The writer schemas this codec knows, by fingerprint: usable with Avro's own
     * {@code new BinaryMessageDecoder<>(SpecificData.get(), readerSchema, codec.schemaStore())}.
     *
     * @return a thread-safe, immutable schema store
     */
    public SchemaStore schemaStore() {
        return store;
    }

    /**
     * @param fingerprint a CRC-64-AVRO fingerprint
     * @return the writer schema with that fingerprint, if known
     */
    public Optional<Schema> schemaFor(long fingerprint) {
        return Optional.ofNullable(writerSchema(fingerprint));
    }

    private Schema writerSchema(long fingerprint) {
        WriterSchema writer = knownWriter(fingerprint);
        return writer == null ? null : writer.schema();
    }

    /** The reader for {@code fingerprint}: a current schema's, else an earlier version's; null if none. */
    private WriterSchema knownWriter(long fingerprint) {
        WriterSchema writer = writers.get(fingerprint);
        return writer != null ? writer : earlierWriters().get(fingerprint);
    }

    /**
     * The writer-schema fingerprint in the header of single-object encoded bytes.
     *
     * @param bytes single-object encoded bytes
     * @return the CRC-64-AVRO fingerprint the header carries
     * @throws EventDecodingException for a wrong marker or bytes shorter than the header
     */
    public static long fingerprintOf(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if ((bytes.length > 0 && bytes[0] != MAGIC_0) || (bytes.length > 1 && bytes[1] != MAGIC_1)) {
            throw new EventDecodingException(Reason.BAD_MAGIC, String.format(
                    "single-object marker must be C3 01, found %02X %02X",
                    bytes[0], bytes.length > 1 ? bytes[1] : 0));
        }
        if (bytes.length < HEADER_LENGTH) {
            throw new EventDecodingException(Reason.TRUNCATED,
                    bytes.length + " bytes, shorter than the " + HEADER_LENGTH + "-byte header");
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /**
     * Whether {@code bytes} can be an event for this codec: the single-object header with a writer fingerprint it
     * knows (current or earlier schema). Answers without building an exception, for readers that meet foreign
     * records on an anchored topic; a true answer does not mean the body decodes.
     *
     * @param bytes any bytes
     * @return true if {@link #decode} would get past the header
     */
    public boolean knowsWriterOf(byte[] bytes) {
        return bytes != null && bytes.length >= HEADER_LENGTH && bytes[0] == MAGIC_0 && bytes[1] == MAGIC_1
                && knownWriter(fingerprintOf(bytes)) != null;
    }

    private WriterSchema writerOf(byte[] bytes) {
        long fingerprint = fingerprintOf(bytes);
        WriterSchema writer = knownWriter(fingerprint);
        if (writer == null) {
            throw new EventDecodingException(Reason.UNKNOWN_FINGERPRINT,
                    String.format("no known schema has fingerprint %016x", fingerprint));
        }
        return writer;
    }

    private static void checkEnvelope(SpecificRecord record) {
        if (EventTypes.hasEnvelope(record.getClass())) {
            String type = ((EventEnvelope) record.get(0)).getType();
            String expected = record.getSchema().getName();
            if (!expected.equals(type)) {
                throw new EventDecodingException(Reason.ENVELOPE_TYPE_MISMATCH,
                        "a " + expected + " carries envelope.type " + type);
            }
        }
    }

    private void addWriter(Schema schema, Class<? extends SpecificRecord> type) {
        if (writers.put(fingerprint(schema), newWriter(schema, type)) != null) {
            throw new IllegalStateException("two contract schemas share fingerprint of " + schema.getFullName());
        }
    }

    private static WriterSchema newWriter(Schema writer, Class<? extends SpecificRecord> type) {
        Schema reader = EventTypes.schemaOf(type);
        return new WriterSchema(writer, type, new SpecificDatumReader<>(writer, reader, SpecificData.get()));
    }
}
