package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import io.vertx.core.json.JsonObject;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events the node writes to Kafka decode with Apache Avro's own command-line tools, from the schemas stored in the
 * repository, without any CarbonX code on the reading side.
 *
 * <p>The procedure is the one documented for operators: take a record's value (Avro single-object encoding: the
 * marker {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the Avro binary
 * body), find the stored schema whose fingerprint matches, and run
 * {@code java -jar avro-tools.jar fragtojson --schema-file <schema> <body>}. The schemas are parsed from
 * {@code schemas/src/main/avro} with Avro's {@link Schema.Parser}, and written out self-contained (named types
 * inlined) because {@code fragtojson} takes one schema file.
 */
class AvroToolsDecodeIT {

    private static final Path STORED_SCHEMAS = Path.of("..", "schemas", "src", "main", "avro");
    private static final Path AVRO_TOOLS = Path.of("target", "avro-tools", "avro-tools.jar");

    @TempDir
    Path workDir;

    @Test
    void eventsWrittenByTheNode_decodeWithAvroToolsFromTheStoredSchemas() throws Exception {
        assertThat(AVRO_TOOLS).as("avro-tools is copied by the pre-integration-test phase").exists();
        Map<Long, Schema> storedByFingerprint = parseStoredSchemas();

        List<ConsumerRecord<byte[], byte[]>> written;
        try (CarbonxNode node = CarbonxNode.start(
                NodeFixture.config(workDir, Map.of(), ServiceCatalog.discover()), ServiceCatalog.discover())) {
            // Wait until the node has written to more than one topic (a command and the registry's decision).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            do {
                written = readEverythingTheNodeWrote(node.bootstrapServers());
            } while (written.stream().map(ConsumerRecord::topic).distinct().count() < 2
                    && System.nanoTime() < deadline);
        }
        assertThat(written).as("the node writes events at first start (the registry's bootstrap identity)")
                .isNotEmpty();

        EventCodec codec = EventCodec.standard();
        java.util.SortedMap<String, Integer> decodedTypes = new java.util.TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : written) {
            byte[] value = record.value();
            assertThat(value[0]).isEqualTo((byte) 0xC3);
            assertThat(value[1]).isEqualTo((byte) 0x01);
            long fingerprint = littleEndianLong(value, 2);
            Schema writerSchema = storedByFingerprint.get(fingerprint);
            assertThat(writerSchema).as("a stored schema matches the fingerprint of a record on " + record.topic())
                    .isNotNull();

            JsonObject decodedByAvroTools = fragToJson(writerSchema, Arrays.copyOfRange(value, 10, value.length));

            SpecificRecord decodedByUs = codec.decode(value);
            assertThat(decodedByUs.getSchema().getFullName()).isEqualTo(writerSchema.getFullName());
            JsonObject envelope = decodedByAvroTools.getJsonObject("envelope");
            assertThat(envelope.getString("type")).isEqualTo(writerSchema.getName());
            assertThat(envelope.getString("eventId"))
                    .isEqualTo(((SpecificRecord) decodedByUs.get(0)).get(0).toString());
            decodedTypes.merge(record.topic() + "/" + writerSchema.getName(), 1, Integer::sum);
        }
        System.out.println("AvroToolsDecodeIT: avro-tools fragtojson decoded " + written.size()
                + " records written by the node: " + decodedTypes);
    }

    private static Map<Long, Schema> parseStoredSchemas() throws IOException {
        List<Path> files = new ArrayList<>();
        // Common types first: the event schemas refer to them by name.
        for (String dir : List.of("common", "requests", "chain", "commands", "events")) {
            Path d = STORED_SCHEMAS.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".avsc")).sorted().forEach(files::add);
                }
            }
        }
        try (Stream<Path> s = Files.walk(STORED_SCHEMAS)) {
            s.filter(p -> p.toString().endsWith(".avsc")).sorted().filter(p -> !files.contains(p)).forEach(files::add);
        }
        Schema.Parser parser = new Schema.Parser();
        Map<Long, Schema> byFingerprint = new java.util.TreeMap<>();
        for (Path file : files) {
            Schema schema = parser.parse(file.toFile());
            byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
        }
        return byFingerprint;
    }

    private List<ConsumerRecord<byte[], byte[]>> readEverythingTheNodeWrote(String bootstrap) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        KafkaClients clients = new KafkaClients(bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.newConsumer(clients.consumerConfig("avro-tools-decode-it"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : consumer.listTopics(Duration.ofSeconds(10)).keySet()) {
                if (Topics.find(topic).isPresent()) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && !caughtUp(consumer, end)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private JsonObject fragToJson(Schema schema, byte[] body) throws IOException, InterruptedException {
        Path schemaFile = Files.writeString(workDir.resolve(schema.getName() + ".avsc"), schema.toString());
        Path bodyFile = Files.write(Files.createTempFile(workDir, schema.getName(), ".bin"), body);
        Process process = new ProcessBuilder(javaBinary(), "-jar", AVRO_TOOLS.toString(), "fragtojson",
                "--no-pretty", "--schema-file", schemaFile.toString(), bodyFile.toString())
                .redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("avro-tools fragtojson failed: " + err).isZero();
        return new JsonObject(out.trim());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long littleEndianLong(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }
}
