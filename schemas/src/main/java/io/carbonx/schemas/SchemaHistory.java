package io.carbonx.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        Set<String> recordTypes = EventTypes.all().stream().map(t -> EventTypes.schemaOf(t).getFullName())
                .collect(Collectors.toSet());
        Set<Long> current = EventTypes.all().stream().map(t -> EventCodec.fingerprint(EventTypes.schemaOf(t)))
                .collect(Collectors.toSet());
        List<Schema> earlier = new ArrayList<>();
        for (Map.Entry<String, List<String>> version : byVersion().entrySet()) {
            SchemaParser parser = new SchemaParser();
            for (String file : version.getValue()) {
                Schema schema = parser.parse(read(ROOT + "/" + file)).mainSchema();
                if (recordTypes.contains(schema.getFullName()) && !current.contains(EventCodec.fingerprint(schema))) {
                    earlier.add(schema);
                }
            }
        }
        return List.copyOf(earlier);
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
