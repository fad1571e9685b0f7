package io.carbonx.schemas;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Generates random Avro data for any schema from a seed: records, unions (every branch), arrays, enums, bytes,
 * fixed, strings with non-ASCII and supplementary code points, and edge-case numbers. Same seed, same datum.
 */
final class RandomDatum {

    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 31, -(1L << 53)};
    private static final int[] EDGE_INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 64, -65};
    private static final int[] SAMPLE_CODE_POINTS = {'a', 'Z', '0', ' ', '-', 0xE9, 0x4E2D, 0x1F600, 0x10FFFF, 0x7F};

    private final Random random;

    RandomDatum(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A random instance of a generated class: a generic datum converted by SpecificData deep copy. For events,
     * {@code envelope.type} is set to the schema name (the codec refuses anything else).
     */
    static <T extends SpecificRecord> T record(Class<T> type, long seed) {
        Schema schema = EventTypes.schemaOf(type);
        GenericRecord generic = (GenericRecord) new RandomDatum(seed).generate(schema);
        fixEnvelope(generic);
        return type.cast(SpecificData.get().deepCopy(schema, generic));
    }

    /** Sets {@code envelope.type} to the record's schema name if the record has an envelope. */
    static void fixEnvelope(GenericRecord record) {
        if (record.getSchema().getField("envelope") != null) {
            ((GenericRecord) record.get("envelope")).put("type", record.getSchema().getName());
        }
    }

    Object generate(Schema schema) {
        switch (schema.getType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return random.nextBoolean();
            case INT:
                return randomInt();
            case LONG:
                return randomLong();
            case FLOAT:
                return random.nextFloat();
            case DOUBLE:
                return random.nextDouble();
            case STRING:
                return randomString();
            case BYTES:
                return ByteBuffer.wrap(randomBytes(random.nextInt(41)));
            case FIXED:
                return new GenericData.Fixed(schema, randomBytes(schema.getFixedSize()));
            case ENUM:
                List<String> symbols = schema.getEnumSymbols();
                return new GenericData.EnumSymbol(schema, symbols.get(random.nextInt(symbols.size())));
            case ARRAY:
                int size = random.nextInt(5);
                List<Object> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(generate(schema.getElementType()));
                }
                return new GenericData.Array<>(schema, items);
            case MAP:
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomString(), generate(schema.getValueType()));
                }
                return map;
            case UNION:
                List<Schema> branches = schema.getTypes();
                return generate(branches.get(random.nextInt(branches.size())));
            case RECORD:
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), generate(field.schema()));
                }
                return record;
            default:
                throw new IllegalArgumentException("unsupported schema type " + schema.getType());
        }
    }

    private long randomLong() {
        if (random.nextInt(4) == 0) {
            return EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
        }
        return random.nextLong() >> random.nextInt(64);
    }

    private int randomInt() {
        if (random.nextInt(4) == 0) {
            return EDGE_INTS[random.nextInt(EDGE_INTS.length)];
        }
        return random.nextInt() >> random.nextInt(32);
    }

    private String randomString() {
        int length = random.nextInt(13);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                text.append((char) ('!' + random.nextInt(94)));
            } else if (kind < 8) {
                text.appendCodePoint(SAMPLE_CODE_POINTS[random.nextInt(SAMPLE_CODE_POINTS.length)]);
            } else {
                text.appendCodePoint(randomScalarValue());
            }
        }
        return text.toString();
    }

    /** Any Unicode scalar value (a code point that is not a surrogate). */
    private int randomScalarValue() {
        while (true) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                return codePoint;
            }
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
