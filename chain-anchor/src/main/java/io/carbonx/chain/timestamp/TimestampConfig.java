package io.carbonx.chain.timestamp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which TSA the anchoring runtime asks for block time-stamps.
 *
 * <p>Properties ({@link #fromProperties}):
 * <pre>
 *   timestamp.mode        consortium (default) | http | external   (external = http)
 *   timestamp.url         the TSA's URL (http mode only), e.g. http://court-node:8443/tsa or an external TSA
 *   timestamp.timeout-ms  request timeout, default 5000 (http mode)
 *   timestamp.policy      policy OID to request; default none (the TSA's own) for http, the consortium policy otherwise
 *   timestamp.name        name recorded as BlockTimestamped.tsaId for http mode; default the URL's host
 * </pre>
 *
 * @param mode      CONSORTIUM: the consortium TSA running in this process; HTTP: any RFC 3161 TSA over HTTP
 * @param url       the TSA URL (HTTP mode), else null
 * @param timeout   request timeout (HTTP mode)
 * @param policyOid policy OID to request, or null
 * @param tsaName   name of the HTTP TSA, or null in CONSORTIUM mode (the TSA's own name is used)
 */
public record TimestampConfig(Mode mode, URI url, Duration timeout, String policyOid, String tsaName) {

    /** Where time-stamps come from. */
    public enum Mode {
        /** The consortium's TSA in this process ({@link LocalTimestampClient}). */
        CONSORTIUM,
        /** An RFC 3161 TSA over HTTP ({@link HttpTimestampClient}): the court node's endpoint or an external TSA. */
        HTTP
    }

    /** Default HTTP timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Validates the combination. */
    public TimestampConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        if (mode == Mode.HTTP) {
            Objects.requireNonNull(url, "url is required in http mode");
            Objects.requireNonNull(tsaName, "tsaName");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("timestamp.url must be http(s), got " + url);
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The in-process consortium TSA. */
    public static TimestampConfig consortium() {
        return new TimestampConfig(Mode.CONSORTIUM, null, DEFAULT_TIMEOUT, null, null);
    }

    /** A TSA over HTTP. */
    public static TimestampConfig http(URI url, Duration timeout, String policyOid, String tsaName) {
        return new TimestampConfig(Mode.HTTP, url, timeout, policyOid, tsaName);
    }

    /**
     * Reads the {@code timestamp.*} properties described in the class comment.
     *
     * @throws IllegalArgumentException for an unknown mode, a missing or bad URL, or a bad timeout
     */
    public static TimestampConfig fromProperties(Map<String, String> properties) {
        String mode = properties.getOrDefault("timestamp.mode", "consortium").trim().toLowerCase(Locale.ROOT);
        String policy = properties.get("timestamp.policy");
        switch (mode) {
            case "consortium":
                return new TimestampConfig(Mode.CONSORTIUM, null, DEFAULT_TIMEOUT, policy, null);
            case "http", "external":
                String url = properties.get("timestamp.url");
                if (url == null || url.isBlank()) {
                    throw new IllegalArgumentException("timestamp.url is required for timestamp.mode=" + mode);
                }
                URI uri = URI.create(url.trim());
                Duration timeout = Duration.ofMillis(Long.parseLong(
                        properties.getOrDefault("timestamp.timeout-ms", "5000").trim()));
                String name = properties.getOrDefault("timestamp.name", uri.getHost() == null ? url : uri.getHost());
                return http(uri, timeout, policy, name);
            default:
                throw new IllegalArgumentException("timestamp.mode must be consortium, http or external, got " + mode);
        }
    }
}
