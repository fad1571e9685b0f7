package io.carbonx.node.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;

/**
 * Maps environment variables onto configuration keys.
 *
 * <p>Scheme: every scalar key of the defaults has one variable, {@code CARBONX_} followed by the key path with
 * {@code .} and {@code -} turned into {@code _} and each camelCase hump split by {@code _}, all upper case:
 * {@code http.port} → {@code CARBONX_HTTP_PORT}, {@code kafka.bootstrapServers} →
 * {@code CARBONX_KAFKA_BOOTSTRAP_SERVERS}, {@code services.credit-rating.enabled} →
 * {@code CARBONX_SERVICES_CREDIT_RATING_ENABLED}. The text is converted to the kind of the default (integer,
 * {@code true}/{@code false}, string). A {@code CARBONX_*} variable that maps to no key is an error (a typo must not
 * pass silently), except the launcher's own {@link #RESERVED} variables. Other variables are ignored.
 */
public final class EnvOverrides {

    /** Variables with the prefix that belong to the launcher script, not to the configuration. */
    public static final Set<String> RESERVED = Set.of("CARBONX_JAVA_OPTS", "CARBONX_HOME", "CARBONX_LOG_LEVEL");

    static final String PREFIX = "CARBONX_";

    /** The overrides as a tree, where each key came from, and what could not be used. */
    record Result(JsonObject overrides, Map<String, String> origins, List<ConfigProblem> problems) {
    }

    private EnvOverrides() {
    }

    /** The environment variable of key {@code path}. */
    public static String envName(String path) {
        String snake = path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_');
        return PREFIX + snake.toUpperCase(java.util.Locale.ROOT);
    }

    static Result apply(Map<String, String> env, JsonObject defaults) {
        Map<String, String> pathByEnv = new TreeMap<>();
        ConfigTree.leaves(defaults).forEach((path, value) -> pathByEnv.put(envName(path), path));
        JsonObject overrides = new JsonObject();
        Map<String, String> origins = new TreeMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> var : new TreeMap<>(env).entrySet()) {
            String name = var.getKey();
            if (!name.startsWith(PREFIX) || RESERVED.contains(name)) {
                continue;
            }
            String path = pathByEnv.get(name);
            if (path == null) {
                problems.add(new ConfigProblem(name, "unknown setting: no configuration key maps to this variable"));
                continue;
            }
            Object expected = ConfigTree.get(defaults, path);
            Object value = convert(expected, var.getValue().trim());
            if (value == null) {
                problems.add(new ConfigProblem(path, kind(expected) + ", was \"" + var.getValue() + "\" (from "
                        + name + ")"));
                continue;
            }
            ConfigTree.put(overrides, path, value);
            origins.put(path, name);
        }
        return new Result(overrides, origins, problems);
    }

    private static Object convert(Object expected, String text) {
        if (expected instanceof Boolean) {
            if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
            }
            return null;
        }
        if (expected instanceof Integer || expected instanceof Long) {
            try {
                long parsed = Long.parseLong(text);
                return parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE ? (Object) (int) parsed : parsed;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return text;
    }

    private static String kind(Object expected) {
        return expected instanceof Boolean ? "must be true or false" : "must be an integer";
    }
}
