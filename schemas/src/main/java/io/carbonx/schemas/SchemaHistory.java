package io.carbonx.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * The released versions of the event contract, shipped in this jar under {@value #ROOT} (one directory per version,
 * {@code v1, v2, ...}, each a full copy of {@code src/main/avro} as released; {@value #INDEX} lists every file in
 * version order, then dependency order: common, chain, requests, commands, events).
 *
 * <p>{@link EventCodec#standard()} reads records written with any of these versions: an event log outlives the
 * code that wrote it, and a node upgraded to a newer contract must still replay what the older one wrote.
 */
public final class SchemaHistory {
    /** Classpath directory of the history. */
    public static final String ROOT = "schema-history";
    /** The index of every schema file, relative to {@link #ROOT}. */
    public static final String INDEX = ROOT + "/index.txt";

    private static final String JAVA_STRING = "avro.java.string";

    private SchemaHistory() {
    }

    /** @return every file of the index, relative to {@link #ROOT}, in index order */
    public static List<String> indexedFiles() {
        return read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Every earlier version of every contract record type ({@link EventTypes#all()}) whose schema differs from the
     * current one (by parsing fingerprint), each version's files parsed together so references resolve.
     *
     * @return earlier record schemas, oldest version first
     * @throws IllegalStateException if the shipped history is missing or does not parse
     */
    public static List<Schema> earlierRecordSchemas() {
        Set<Long> current = EventTypes.all().stream().map(t -> EventCodec.fingerprint(EventTypes.schemaOf(t)))
                .collect(Collectors.toSet());
        List<Schema> earlier = new ArrayList<>();
        for (String version : byVersion().keySet()) {
            for (Schema schema : recordSchemasOf(version)) {
                if (!current.contains(EventCodec.fingerprint(schema))) {
                    earlier.add(schema);
                }
            }
        }
        return List.copyOf(earlier);
    }

    /**
     * The contract record types ({@link EventTypes#all()}) as released in one version, parsed together so references
     * resolve, and marked as generated ({@link #asGenerated}).
     *
     * @param version a version directory of the index, e.g. {@code v3}
     * @return its record schemas, in index order
     */
    static List<Schema> recordSchemasOf(String version) {
        Set<String> recordTypes = EventTypes.all().stream().map(t -> EventTypes.schemaOf(t).getFullName())
                .collect(Collectors.toSet());
        List<String> files = byVersion().get(version);
        if (files == null) {
            throw new IllegalArgumentException("no version " + version + " in " + INDEX);
        }
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> parsed = new ArrayList<>(files.size());
        for (String file : files) {
            parsed.add(parser.parse(read(ROOT + "/" + file)));
        }
        // Resolved only once every file is parsed: the parser re-resolves everything it holds after each new file,
        // so resolving file by file costs the square of the version's size (most of a cold history load).
        List<Schema> records = new ArrayList<>();
        for (SchemaParser.ParseResult result : parsed) {
            Schema schema = asGenerated(result.mainSchema());
            if (recordTypes.contains(schema.getFullName())) {
                records.add(schema);
            }
        }
        return records;
    }

    /** @return the versions of the index, oldest first */
    static List<String> versions() {
        return List.copyOf(byVersion().keySet());
    }

    /**
     * {@code schema} as the code generator turned it into the generated classes' {@code SCHEMA$}, so that its text
     * (what an evidence bundle carries for the events written with it) is byte for byte what a node of that version
     * wrote: the build generates with {@code stringType=String}, which marks every string with
     * {@code "avro.java.string": "String"} (the contract has no maps and no logical types, the only other places the
     * generator marks). Fingerprints and decoding are unaffected: the parsing canonical form ignores properties.
     *
     * @param schema a schema parsed from the history
     * @return the same schema, marked in place
     */
    static Schema asGenerated(Schema schema) {
        markStrings(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
        return schema;
    }

    private static void markStrings(Schema schema, Set<Schema> seen) {
        if (!seen.add(schema)) {
            return;
        }
        switch (schema.getType()) {
            case STRING -> {
                if (schema.getProp(JAVA_STRING) == null && schema.getLogicalType() == null) {
                    schema.addProp(JAVA_STRING, "String");
                }
            }
            case RECORD -> schema.getFields().forEach(f -> markStrings(f.schema(), seen));
            case UNION -> schema.getTypes().forEach(t -> markStrings(t, seen));
            case ARRAY -> markStrings(schema.getElementType(), seen);
            case MAP -> {
                throw new IllegalStateException("the contract has no maps; mark their keys as the generator does"
                        + " before adding one: " + schema);
            }
            default -> {
            }
        }
    }

    private static Map<String, List<String>> byVersion() {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (String file : indexedFiles()) {
            int slash = file.indexOf('/');
            if (slash <= 0) {
                throw new IllegalStateException(INDEX + ": not <version>/<dir>/<file>: " + file);
            }
            versions.computeIfAbsent(file.substring(0, slash), v -> new ArrayList<>()).add(file);
        }
        return versions;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
