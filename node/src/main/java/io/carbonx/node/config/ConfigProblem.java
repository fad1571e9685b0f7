package io.carbonx.node.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration.
 *
 * @param key     the offending key as a dotted path ({@code http.port}), or the command-line option or environment
 *                variable that has no key ({@code --config}, {@code CARBONX_HTTP_PROT})
 * @param message what is wrong, including the bad value where there is one
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** {@code config error: <key>: <message>}, the line the CLI prints. */
    public String describe() {
        return "config error: " + key + ": " + message;
    }
}
