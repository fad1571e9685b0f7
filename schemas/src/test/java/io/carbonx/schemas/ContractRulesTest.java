package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Rules every schema of the contract follows, checked over the .avsc sources and the generated classes: every
 * file is registered in {@link EventTypes} (so the codec and the round-trip tests cover it), events start with the
 * envelope, no floating point, no maps, money and time named and typed consistently, everything documented.
 */
class ContractRulesTest {

    private final List<ContractSchemas.SchemaFile> files = ContractSchemas.parseTree(ContractSchemas.SOURCE_TREE);
    private final Map<String, Schema> named = ContractSchemas.currentNamedTypes();

    @Test
    void noSchemaUsesFloatingPoint() {
        List<String> offenders = nodes().stream()
                .filter(s -> s.getType() == Schema.Type.FLOAT || s.getType() == Schema.Type.DOUBLE)
                .map(Schema::toString).toList();
        assertThat(offenders).as("money and quantities are long minor/whole units").isEmpty();
        assertThat(files).allSatisfy(file -> assertThat(file.schema().toString())
                .doesNotContain("\"float\"").doesNotContain("\"double\""));
    }

    @Test
    void noSchemaUsesMapsBecauseTheirEncodingOrderIsNotDeterministic() {
        assertThat(nodes()).noneMatch(s -> s.getType() == Schema.Type.MAP);
    }

    @Test
    void everyEventsFileIsARegisteredEventAndEveryEventHasAFile() {
        assertDirectoryMatches("events", EventTypes.events(), "io.carbonx.events");
    }

    @Test
    void everyCommandsFileIsARegisteredCommandAndEveryCommandHasAFile() {
        assertDirectoryMatches("commands", EventTypes.commands(), "io.carbonx.commands");
    }

    @Test
    void everyRequestsFileIsARegisteredRequestAndEveryRequestHasAFile() {
        assertDirectoryMatches("requests", EventTypes.requests(), "io.carbonx.requests");
    }

    @Test
    void chainFilesAreTheBlockHeaderOrTypesItsRecordsUse() {
        Set<String> reachable = ContractSchemas.namedTypes(ContractSchemas.currentRoots()).keySet();
        for (ContractSchemas.SchemaFile file : filesIn("chain")) {
            assertThat(file.schema().getNamespace()).isEqualTo("io.carbonx.chain");
            assertThat(reachable).as("%s is used by no contract record", file.path()).contains(
                    file.schema().getFullName());
        }
        assertThat(fileNames("chain")).containsAll(simpleNames(EventTypes.chainRecords()));
    }

    @Test
    void everyFileIsNamedForTheTypeItDefinesAndSharedTypesLiveInTheEventsNamespace() {
        for (ContractSchemas.SchemaFile file : files) {
            assertThat(file.path().getFileName().toString()).isEqualTo(file.schema().getName() + ".avsc");
        }
        assertThat(filesIn("common")).allSatisfy(
                file -> assertThat(file.schema().getNamespace()).isEqualTo("io.carbonx.events"));
    }

    @Test
    void everyEncodableTypeIsInTheCodecsSchemaStore() {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            assertThat(EventCodec.standard().schemaFor(EventCodec.fingerprintOf(type)))
                    .contains(EventTypes.schemaOf(type));
        }
    }

    @Test
    void everyEventAndCommandStartsWithTheEnvelopeAndNothingElseHasOne() {
        List<Class<? extends SpecificRecord>> enveloped = new ArrayList<>(EventTypes.events());
        enveloped.addAll(EventTypes.commands());
        for (Class<? extends SpecificRecord> type : enveloped) {
            Schema.Field first = EventTypes.schemaOf(type).getFields().get(0);
            assertThat(first.name()).as(type.getSimpleName()).isEqualTo("envelope");
            assertThat(first.schema()).isEqualTo(EventEnvelope.getClassSchema());
        }
        List<Class<? extends SpecificRecord>> others = new ArrayList<>(EventTypes.requests());
        others.addAll(EventTypes.chainRecords());
        for (Class<? extends SpecificRecord> type : others) {
            assertThat(EventTypes.schemaOf(type).getField("envelope")).as(type.getSimpleName()).isNull();
        }
    }

    @Test
    void moneyFieldsAreLongMinorUnits() {
        for (Field field : fields()) {
            String lower = field.name().toLowerCase(Locale.ROOT);
            if (field.name().endsWith("Minor")) {
                assertThat(longOrNullableLong(field.schema())).as(field.toString()).isTrue();
            }
            if (field.name().endsWith("Bps")) {
                assertThat(intOrNullableInt(field.schema())).as("%s: a rate in basis points is an int", field)
                        .isTrue();
            } else if (lower.contains("price") || lower.contains("amount") || lower.contains("cash")
                    || lower.contains("commission") || lower.contains("notional")) {
                assertThat(field.name()).as("%s: money is named ...Minor", field).endsWith("Minor");
            }
        }
    }

    @Test
    void quantitiesAreLongAndTimesAreLongMilliseconds() {
        for (Field field : fields()) {
            String lower = field.name().toLowerCase(Locale.ROOT);
            if (lower.contains("quantity") || lower.contains("tonnes")) {
                assertThat(longOrNullableLong(field.schema())).as(field.toString()).isTrue();
            }
            if (field.name().endsWith("Ms") || field.name().equals("logicalTime")) {
                assertThat(longOrNullableLong(field.schema())).as(field.toString()).isTrue();
            }
            if (lower.contains("time") || lower.contains("date")) {
                assertThat(field.name()).as("%s: times carry their unit", field)
                        .matches(".*Ms|logicalTime|timeInForce|timestampToken");
            }
        }
    }

    @Test
    void everyTypeAndFieldIsDocumented() {
        for (Schema type : named.values()) {
            assertThat(type.getDoc()).as(type.getFullName()).isNotBlank();
        }
        for (Field field : fields()) {
            assertThat(field.doc()).as(field.toString()).isNotBlank();
        }
    }

    /** BoundedBinaryDecoder refuses array blocks with more items than bytes; valid only if no element is empty. */
    @Test
    void everyArrayElementEncodesToAtLeastOneByte() {
        for (Schema node : nodes()) {
            if (node.getType() == Schema.Type.ARRAY) {
                assertThat(minimumEncodedSize(node.getElementType())).as(node.toString()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void theFingerprintIgnoresDocsSoDocumentationCanImproveFreely() {
        Schema schema = EventEnvelope.getClassSchema();
        assertThat(SchemaNormalization.toParsingForm(schema)).doesNotContain("doc");
    }

    /** A record field with its owner, for messages. */
    private record Field(String owner, String name, Schema schema, String doc) {
        @Override
        public String toString() {
            return owner + "." + name;
        }
    }

    private List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Schema type : named.values()) {
            if (type.getType() == Schema.Type.RECORD) {
                for (Schema.Field f : type.getFields()) {
                    fields.add(new Field(type.getFullName(), f.name(), f.schema(), f.doc()));
                }
            }
        }
        return fields;
    }

    private List<Schema> nodes() {
        List<Schema> nodes = new ArrayList<>();
        named.values().forEach(type -> nodes.addAll(ContractSchemas.allNodes(type)));
        return nodes;
    }

    private static boolean longOrNullableLong(Schema schema) {
        return typeOrNullable(schema, Schema.Type.LONG);
    }

    private static boolean intOrNullableInt(Schema schema) {
        return typeOrNullable(schema, Schema.Type.INT);
    }

    private static boolean typeOrNullable(Schema schema, Schema.Type type) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().size() == 2 && schema.getTypes().get(0).getType() == Schema.Type.NULL
                    && schema.getTypes().get(1).getType() == type;
        }
        return schema.getType() == type;
    }

    private static int minimumEncodedSize(Schema schema) {
        return switch (schema.getType()) {
            case NULL -> 0;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case RECORD -> schema.getFields().stream().mapToInt(f -> minimumEncodedSize(f.schema())).sum();
            default -> 1; // varints, lengths, enum and union indexes, array/map terminators
        };
    }

    private void assertDirectoryMatches(String directory, List<Class<? extends SpecificRecord>> registered,
                                        String namespace) {
        for (ContractSchemas.SchemaFile file : filesIn(directory)) {
            Schema schema = file.schema();
            assertThat(schema.getNamespace()).as(file.path().toString()).isEqualTo(namespace);
            Class<? extends SpecificRecord> type = registered.stream()
                    .filter(t -> EventTypes.schemaOf(t).getFullName().equals(schema.getFullName()))
                    .findFirst().orElse(null);
            assertThat(type).as("%s is not registered in EventTypes", file.path()).isNotNull();
            assertThat(EventCodec.fingerprint(EventTypes.schemaOf(type))).as("generated class of %s is stale",
                    file.path()).isEqualTo(EventCodec.fingerprint(schema));
        }
        assertThat(fileNames(directory)).as("classes in EventTypes without a schema file in %s", directory)
                .containsExactlyInAnyOrderElementsOf(simpleNames(registered));
    }

    private List<ContractSchemas.SchemaFile> filesIn(String directory) {
        return files.stream().filter(f -> f.directory().equals(directory)).toList();
    }

    private Set<String> fileNames(String directory) {
        return filesIn(directory).stream().map(f -> f.schema().getName()).collect(Collectors.toSet());
    }

    private static List<String> simpleNames(List<Class<? extends SpecificRecord>> types) {
        return types.stream().map(EventTypes::typeName).toList();
    }
}
