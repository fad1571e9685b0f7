package io.carbonx.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** Test helpers to read schema trees (src/main/avro, the schema history) and walk schemas. */
final class ContractSchemas {

    /** Sub-directories in dependency order: shared types first. */
    static final List<String> DIRECTORIES = List.of("common", "chain", "requests", "commands", "events");

    /** The source tree of the current contract (surefire runs in the module directory). */
    static final Path SOURCE_TREE = Path.of("src", "main", "avro");

    private ContractSchemas() {
    }

    /** A schema file and the top-level schema it defines. */
    record SchemaFile(String directory, Path path, Schema schema) {
    }

    /** Parses every .avsc under root (in {@link #DIRECTORIES} order), references resolved across files. */
    static List<SchemaFile> parseTree(Path root) {
        SchemaParser parser = new SchemaParser();
        List<SchemaFile> files = new ArrayList<>();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        for (String directory : DIRECTORIES) {
            for (Path path : avscFiles(root.resolve(directory))) {
                try {
                    results.add(parser.parse(path));
                    files.add(new SchemaFile(directory, path, null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<SchemaFile> resolved = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SchemaFile file = files.get(i);
            resolved.add(new SchemaFile(file.directory(), file.path(), results.get(i).mainSchema()));
        }
        return resolved;
    }

    /** Every named type (records, enums, fixed) reachable from the roots, by full name, sorted. */
    static Map<String, Schema> namedTypes(Collection<Schema> roots) {
        Map<String, Schema> named = new TreeMap<>();
        for (Schema root : roots) {
            collect(root, named);
        }
        return named;
    }

    /** Every schema node reachable from the root, including unnamed ones (arrays, unions, primitives). */
    static List<Schema> allNodes(Schema root) {
        List<Schema> nodes = new ArrayList<>();
        walk(root, nodes, new LinkedHashMap<>());
        return nodes;
    }

    /**
     * Every named type of the current contract: all types defined under src/main/avro, including shared
     * vocabulary (e.g. InstrumentKind) that no record references yet.
     */
    static Map<String, Schema> currentNamedTypes() {
        List<Schema> roots = new ArrayList<>(currentRoots());
        parseTree(SOURCE_TREE).forEach(file -> roots.add(file.schema()));
        return namedTypes(roots);
    }

    /** The current contract's root schemas (everything EventCodec encodes). */
    static List<Schema> currentRoots() {
        return EventTypes.all().stream().map(EventTypes::schemaOf).toList();
    }

    /** The schema history, read from the source tree so a stale copy under target/ never counts. */
    static final Path HISTORY = Path.of("src", "main", "resources", "schema-history");

    /** Version directories under the schema history (v1, v2, ...) in numeric order. */
    static List<Path> historyVersions() {
        if (!Files.isDirectory(HISTORY)) {
            throw new IllegalStateException(HISTORY.toAbsolutePath() + " is missing");
        }
        try (Stream<Path> versions = Files.list(HISTORY)) {
            return versions.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("v\\d+"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> avscFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Schema schema, Map<String, Schema> named) {
        for (Schema node : allNodes(schema)) {
            if (node.getType() == Schema.Type.RECORD || node.getType() == Schema.Type.ENUM
                    || node.getType() == Schema.Type.FIXED) {
                named.putIfAbsent(node.getFullName(), node);
            }
        }
    }

    private static void walk(Schema schema, List<Schema> nodes, Map<String, Boolean> seenNamed) {
        boolean named = schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
        if (named && seenNamed.put(schema.getFullName(), Boolean.TRUE) != null) {
            return;
        }
        nodes.add(schema);
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(f -> walk(f.schema(), nodes, seenNamed));
            case ARRAY -> walk(schema.getElementType(), nodes, seenNamed);
            case MAP -> walk(schema.getValueType(), nodes, seenNamed);
            case UNION -> schema.getTypes().forEach(t -> walk(t, nodes, seenNamed));
            default -> {
                // leaf
            }
        }
    }
}
