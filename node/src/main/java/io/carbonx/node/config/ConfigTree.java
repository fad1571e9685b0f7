package io.carbonx.node.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Dotted-path helpers over a configuration tree ({@link JsonObject} of objects and scalars). Stateless. */
final class ConfigTree {

    private ConfigTree() {
    }

    /** Every non-object value under {@code root} by dotted path, sorted by path. Empty objects contribute nothing. */
    static Map<String, Object> leaves(JsonObject root) {
        Map<String, Object> out = new TreeMap<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String prefix, JsonObject node, Map<String, Object> out) {
        for (String key : sortedKeys(node)) {
            Object value = node.getValue(key);
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof JsonObject child) {
                collect(path, child, out);
            } else {
                out.put(path, value);
            }
        }
    }

    /** The field names of {@code node}, sorted (iteration order of a JsonObject must not leak into output). */
    static List<String> sortedKeys(JsonObject node) {
        List<String> keys = new ArrayList<>(node.fieldNames());
        keys.sort(null);
        return keys;
    }

    /** Sets {@code path} in {@code root}, creating intermediate objects (replacing non-objects on the way). */
    static void put(JsonObject root, String path, Object value) {
        String[] parts = path.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.getValue(parts[i]);
            if (!(child instanceof JsonObject)) {
                child = new JsonObject();
                node.put(parts[i], child);
            }
            node = (JsonObject) child;
        }
        node.put(parts[parts.length - 1], value);
    }

    /** The value at {@code path}, or null when any segment is missing or not an object. */
    static Object get(JsonObject root, String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof JsonObject object)) {
                return null;
            }
            node = object.getValue(part);
        }
        return node;
    }

    /** How a value is shown in an error message: strings quoted, everything else as written. */
    static String show(Object value) {
        if (value == null) {
            return "nothing (empty value)";
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof JsonObject) {
            return "a mapping";
        }
        if (value instanceof JsonArray) {
            return "a list";
        }
        return value.toString();
    }
}
