package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** The shipped schema history: its index is complete, and the standard codec reads what older nodes wrote. */
class SchemaHistoryTest {

    private static final org.apache.avro.JsonSchemaFormatter PRETTY = new org.apache.avro.JsonSchemaFormatter(true);

    @Test
    void theIndexListsEveryHistoryFileInVersionThenDependencyOrder() {
        List<String> onDisk = new ArrayList<>();
        for (Path version : ContractSchemas.historyVersions()) {
            for (String dir : ContractSchemas.DIRECTORIES) {
                Path d = version.resolve(dir);
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted()
                            .forEach(f -> onDisk.add(version.getFileName() + "/" + dir + "/" + f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(SchemaHistory.indexedFiles()).as("schema-history/index.txt").isEqualTo(onDisk);
    }

    /**
     * An evidence bundle carries the text of each writer schema as the writing node's generated class had it; a
     * verifier of a later version finds that text through the history. So the history, parsed and marked as
     * generated, must give exactly the generated classes' text: checked on the latest version, which equals the
     * current contract.
     */
    @Test
    void theLatestVersionParsedFromTheHistoryHasTheGeneratedClassesExactText() {
        List<String> versions = SchemaHistory.versions();
        List<Schema> latest = SchemaHistory.recordSchemasOf(versions.get(versions.size() - 1));

        assertThat(latest).hasSize(EventTypes.all().size());
        for (Schema fromHistory : latest) {
            Schema generated = EventTypes.all().stream().map(EventTypes::schemaOf)
                    .filter(g -> g.getFullName().equals(fromHistory.getFullName())).findFirst().orElseThrow();
            assertThat(PRETTY.format(fromHistory)).as(fromHistory.getFullName()).isEqualTo(PRETTY.format(generated));
        }
    }

    /**
     * {@link SchemaHistory#recordSchemasOf} parses a version's files first and resolves them afterwards (once); the
     * schemas, their exact text and fingerprints, are those of resolving each file as soon as it is parsed.
     */
    @Test
    void everyVersionResolvedAtOnceEqualsResolvingFileByFile() {
        for (String version : SchemaHistory.versions()) {
            org.apache.avro.SchemaParser parser = new org.apache.avro.SchemaParser();
            List<Schema> fileByFile = new ArrayList<>();
            for (String file : SchemaHistory.indexedFiles()) {
                if (file.startsWith(version + "/")) {
                    Schema schema = SchemaHistory.asGenerated(parser.parse(resource(file)).mainSchema());
                    if (EventTypes.all().stream().anyMatch(t -> EventTypes.schemaOf(t).getFullName()
                            .equals(schema.getFullName()))) {
                        fileByFile.add(schema);
                    }
                }
            }
            List<Schema> atOnce = SchemaHistory.recordSchemasOf(version);
            assertThat(atOnce).as(version).hasSameSizeAs(fileByFile).isNotEmpty();
            for (int i = 0; i < atOnce.size(); i++) {
                assertThat(PRETTY.format(atOnce.get(i))).as(version + " " + i).isEqualTo(PRETTY.format(fileByFile.get(i)));
                assertThat(EventCodec.fingerprint(atOnce.get(i))).isEqualTo(EventCodec.fingerprint(fileByFile.get(i)));
                assertThat(atOnce.get(i)).isEqualTo(fileByFile.get(i));
            }
        }
    }

    private static String resource(String file) {
        try (java.io.InputStream in = SchemaHistory.class.getClassLoader()
                .getResourceAsStream(SchemaHistory.ROOT + "/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void earlierRecordSchemasAreThoseThatChanged_andTheStandardCodecAcceptsThem() {
        List<Schema> earlier = SchemaHistory.earlierRecordSchemas();

        assertThat(earlier).extracting(Schema::getFullName).contains("io.carbonx.events.OrderSubmitted");
        assertThat(earlier).allSatisfy(s -> assertThat(EventCodec.fingerprint(s))
                .isNotEqualTo(EventCodec.fingerprint(OrderSubmitted.getClassSchema())));
    }

    @Test
    void anOrderSubmittedWrittenByAVersion1NodeDecodesWithTheStandardCodec() throws IOException {
        Schema v1 = SchemaHistory.earlierRecordSchemas().stream()
                .filter(s -> s.getFullName().equals("io.carbonx.events.OrderSubmitted")).findFirst().orElseThrow();
        OrderSubmitted current = OrderSubmitted.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId("e-1").setType("OrderSubmitted").setCauseId(null)
                        .setLogicalTime(7).setActor("gateway").build())
                .setOrderId("o-1").setParticipantId("p-1").setClientOrderId("c-1").setSequence(3)
                .setInstrumentId("EUA-2026").setSide(Side.BUY).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(8_000L).setQuantity(10)
                .setRequestBytes(ByteBuffer.wrap(new byte[] {1, 2})).setSignature(RequestSignature.newBuilder()
                        .setSignerId("p-1").setCertificateSerial("0a").setAlgorithm("SHA256withECDSA")
                        .setValue(ByteBuffer.wrap(new byte[] {3})).build()).build();
        byte[] v1Bytes = asVersion(current, v1);

        OrderSubmitted decoded = EventCodec.standard().decode(v1Bytes, OrderSubmitted.class);

        assertThat(decoded.getOrderId()).isEqualTo("o-1");
        assertThat(decoded.getPriceMinor()).isEqualTo(8_000L);
        assertThat(decoded.getProtectionPriceMinor()).isNull();
        assertThat(java.util.Arrays.copyOfRange(v1Bytes, 2, 10)).as("written with the v1 fingerprint")
                .isNotEqualTo(java.util.Arrays.copyOfRange(EventCodec.standard().encode(current), 2, 10));
    }

    /** The single-object bytes an older node would have written for {@code record} with schema {@code older}. */
    private static byte[] asVersion(OrderSubmitted record, Schema older) throws IOException {
        byte[] body = java.util.Arrays.copyOfRange(EventCodec.standard().encode(record), EventCodec.HEADER_LENGTH,
                EventCodec.standard().encode(record).length);
        GenericRecord inOlderForm = new GenericDatumReader<GenericRecord>(OrderSubmitted.getClassSchema(), older)
                .read(null, DecoderFactory.get().binaryDecoder(body, null));
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(inOlderForm).array();
    }
}
