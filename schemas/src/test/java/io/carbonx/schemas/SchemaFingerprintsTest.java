package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Golden fingerprints: the CRC-64-AVRO fingerprint of every named type of the contract is checked in, so an
 * accidental schema change fails the build. Regenerate deliberately with
 * {@code mvn -pl schemas test -Dtest=SchemaFingerprintsTest -Dcarbonx.updateFingerprints=true}.
 */
class SchemaFingerprintsTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "schema-fingerprints.txt");
    static final String UPDATE_PROPERTY = "carbonx.updateFingerprints";

    @Test
    void fingerprintsMatchTheCheckedInOnes() throws IOException {
        Map<String, String> computed = computed();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(GOLDEN, render(computed), StandardCharsets.UTF_8);
            System.out.println("wrote " + computed.size() + " fingerprints to " + GOLDEN.toAbsolutePath());
        }
        assertThat(Files.exists(GOLDEN)).as("%s is missing; %s", GOLDEN, howToRegenerate()).isTrue();
        Map<String, String> golden = parse(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(computed).as("schema fingerprints changed. If the change is deliberate (and compatible,"
                + " see schema-history/README.md), %s", howToRegenerate()).isEqualTo(golden);
    }

    @Test
    void theFingerprintIsOfTheParsingCanonicalForm() {
        for (Class<? extends org.apache.avro.specific.SpecificRecord> type : EventTypes.all()) {
            Schema withDocs = EventTypes.schemaOf(type);
            Schema withoutDocs = new Schema.Parser().parse(org.apache.avro.SchemaNormalization.toParsingForm(withDocs));
            assertThat(EventCodec.fingerprint(withoutDocs)).isEqualTo(EventCodec.fingerprintOf(type));
        }
    }

    static Map<String, String> computed() {
        Map<String, String> fingerprints = new TreeMap<>();
        ContractSchemas.currentNamedTypes()
                .forEach((name, schema) -> fingerprints.put(name, String.format("%016x",
                        EventCodec.fingerprint(schema))));
        return fingerprints;
    }

    private static String render(Map<String, String> fingerprints) {
        StringBuilder text = new StringBuilder();
        text.append("# CRC-64-AVRO fingerprints (parsing canonical form) of every named type of the CarbonX contract.\n");
        text.append("# Hex of the 64-bit value, most significant first (the single-object header stores it little-endian).\n");
        text.append("# Regenerate deliberately: mvn -pl schemas test -Dtest=SchemaFingerprintsTest -D")
                .append(UPDATE_PROPERTY).append("=true\n");
        fingerprints.forEach((name, hex) -> text.append(name).append('=').append(hex).append('\n'));
        return text.toString();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> fingerprints = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            fingerprints.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return fingerprints;
    }

    private static String howToRegenerate() {
        return "regenerate with: mvn -pl schemas test -Dtest=SchemaFingerprintsTest -D" + UPDATE_PROPERTY + "=true";
    }
}
