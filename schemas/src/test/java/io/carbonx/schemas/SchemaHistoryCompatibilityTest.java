package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every current schema is fully compatible with every earlier version kept in {@code schema-history/vN}: current
 * readers read data written with the old schema and old readers read data written with the current one. Versions
 * are found by listing the directory, so adding {@code v2} needs no change here.
 */
class SchemaHistoryCompatibilityTest {

    private static final int SAMPLES = 20;

    private final Map<String, Schema> current = ContractSchemas.currentNamedTypes();

    @Test
    void historyHoldsAtLeastOneVersion() {
        assertThat(ContractSchemas.historyVersions()).isNotEmpty();
    }

    @TestFactory
    List<DynamicTest> everyEarlierSchemaIsFullyCompatibleWithTheCurrentOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path version : ContractSchemas.historyVersions()) {
            Map<String, Schema> earlier = namedTypesOf(version);
            for (Map.Entry<String, Schema> entry : earlier.entrySet()) {
                String name = entry.getKey();
                tests.add(DynamicTest.dynamicTest(version.getFileName() + " " + name, () -> {
                    Schema now = current.get(name);
                    assertThat(now).as("%s of %s was removed from the contract; old data would not decode",
                            name, version.getFileName()).isNotNull();
                    assertCompatible("current reads " + version.getFileName(), now, entry.getValue());
                    assertCompatible(version.getFileName() + " reads current", entry.getValue(), now);
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> dataWrittenWithEveryEarlierVersionDecodesIntoTheCurrentClasses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path version : ContractSchemas.historyVersions()) {
            Map<String, Schema> earlier = namedTypesOf(version);
            List<Schema> earlierRoots = EventTypes.all().stream()
                    .map(type -> earlier.get(EventTypes.schemaOf(type).getFullName()))
                    .filter(schema -> schema != null).toList();
            EventCodec codec = EventCodec.withEarlierSchemas(earlierRoots);
            for (Schema old : earlierRoots) {
                tests.add(DynamicTest.dynamicTest(version.getFileName() + " " + old.getName(),
                        () -> roundTripAcrossVersions(codec, old)));
            }
        }
        return tests;
    }

    @Test
    void theCurrentContractIsRecordedAsTheLatestHistoryVersion() {
        List<Path> versions = ContractSchemas.historyVersions();
        Path latest = versions.get(versions.size() - 1);
        Map<String, Schema> recorded = namedTypesOf(latest);
        for (Map.Entry<String, Schema> entry : current.entrySet()) {
            Schema inLatest = recorded.get(entry.getKey());
            assertThat(inLatest).as("%s is not in %s: copy src/main/avro to a new schema-history version",
                    entry.getKey(), latest.getFileName()).isNotNull();
            assertThat(EventCodec.fingerprint(inLatest)).as("%s differs from %s: copy src/main/avro to a new"
                    + " schema-history version", entry.getKey(), latest.getFileName())
                    .isEqualTo(EventCodec.fingerprint(entry.getValue()));
        }
    }

    private void roundTripAcrossVersions(EventCodec codec, Schema old) throws IOException {
        for (long seed = 0; seed < SAMPLES; seed++) {
            // old writer -> current reader, through the codec's schema store
            GenericRecord written = (GenericRecord) new RandomDatum(seed).generate(old);
            RandomDatum.fixEnvelope(written);
            ByteBuffer oldBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(written);
            byte[] bytes = new byte[oldBytes.remaining()];
            oldBytes.get(bytes);
            SpecificRecord decoded = codec.decode(bytes);
            assertThat(decoded.getSchema().getFullName()).isEqualTo(old.getFullName());

            // current writer -> old reader
            Class<? extends SpecificRecord> type = decoded.getClass();
            SpecificRecord record = RandomDatum.record(type, seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            GenericRecord read = new GenericDatumReader<GenericRecord>(record.getSchema(), old)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
            assertThat(read.getSchema().getFullName()).isEqualTo(old.getFullName());
        }
    }

    private static Map<String, Schema> namedTypesOf(Path version) {
        return ContractSchemas.namedTypes(
                ContractSchemas.parseTree(version).stream().map(ContractSchemas.SchemaFile::schema).toList());
    }

    private static void assertCompatible(String direction, Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType()).as("%s %s: %s", direction, reader.getFullName(), result.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
}
