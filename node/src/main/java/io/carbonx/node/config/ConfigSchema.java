package io.carbonx.node.config;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Checks a configuration tree against the defaults tree: the defaults are the schema. Every key must exist in the
 * defaults and every value must have the kind of its default (mapping, boolean, integer, string, list).
 */
final class ConfigSchema {

    private ConfigSchema() {
    }

    /** The problems of {@code actual} against {@code defaults}, by key path in sorted order. */
    static List<ConfigProblem> check(JsonObject defaults, JsonObject actual) {
        List<ConfigProblem> problems = new ArrayList<>();
        checkObject("", defaults, actual, problems);
        return problems;
    }

    private static void checkObject(String prefix, JsonObject schema, JsonObject actual, List<ConfigProblem> out) {
        for (String key : ConfigTree.sortedKeys(actual)) {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Object value = actual.getValue(key);
            if (!schema.containsKey(key)) {
                out.add(new ConfigProblem(path, "unknown key" + known(schema)));
                continue;
            }
            Object expected = schema.getValue(key);
            String kindError = kindError(expected, value);
            if (kindError != null) {
                out.add(new ConfigProblem(path, kindError + ", was " + ConfigTree.show(value)));
            } else if (expected instanceof JsonObject childSchema) {
                checkObject(path, childSchema, (JsonObject) value, out);
            }
        }
    }

    private static String known(JsonObject schema) {
        List<String> keys = ConfigTree.sortedKeys(schema);
        return keys.isEmpty() ? " (nothing can be set here)" : " (known keys here: " + String.join(", ", keys) + ")";
    }

    /** Null when {@code value} has the kind of {@code expected}, else "must be ...". */
    private static String kindError(Object expected, Object value) {
        if (expected instanceof JsonObject) {
            return value instanceof JsonObject ? null : "must be a mapping";
        }
        if (expected instanceof Boolean) {
            return value instanceof Boolean ? null : "must be true or false";
        }
        if (expected instanceof Integer || expected instanceof Long) {
            return value instanceof Integer || value instanceof Long ? null : "must be an integer";
        }
        if (expected instanceof String) {
            return value instanceof String ? null : "must be a string (quote it)";
        }
        if (expected instanceof JsonArray) {
            return value instanceof JsonArray ? null : "must be a list";
        }
        return value == null || expected.getClass().isInstance(value) ? null : "must be like " + expected;
    }
}
