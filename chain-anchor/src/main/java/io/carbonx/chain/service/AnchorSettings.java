package io.carbonx.chain.service;

import io.carbonx.chain.core.pbft.PbftConfig;
import io.carbonx.chain.core.pbft.ValidatorSet;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.runtime.DriverSettings;
import io.carbonx.chain.timestamp.TimestampConfig;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code services.chain-anchor} section: defaults ({@link #defaults()}) and the checked, typed view of
 * a merged section. Every check names the key and the value.
 *
 * @param json the merged section (defaults overlaid with the user's values)
 */
public record AnchorSettings(JsonObject json) {

    /** Transport between validators. */
    public enum Transport {
        /** All validators in this JVM, on the in-memory bus (the embedded node). */
        MEMORY,
        /** TCP with mutual TLS 1.3 between processes. */
        TLS
    }

    /** The CA passphrase the registry uses when none is configured (development only). */
    public static final String DEV_PASSPHRASE = "carbonx-dev-passphrase";

    /** Every key with its default. */
    public static JsonObject defaults() {
        DriverSettings d = DriverSettings.defaults();
        JsonArray roles = new JsonArray();
        ValidatorRoster.DEFAULT_ROLES.forEach(r -> roles.add(r.name()));
        return new JsonObject()
                .put("chainId", "carbonx-local")
                .put("validatorRoles", roles)
                .put("transport", "memory")
                .put("localValidators", new JsonArray())
                .put("peers", new JsonArray())
                .put("maxBlockEvents", d.maxBlockEvents())
                .put("maxBlockMs", d.maxBlockMs())
                .put("maxClockSkewMs", d.maxClockSkewMs())
                .put("tickMs", d.tickMs())
                .put("viewTimeoutMs", 500L)
                .put("maxViewTimeoutMs", 16_000L)
                .put("retransmitMs", 200L)
                .put("statusMs", 500L)
                .put("checkpointInterval", 16)
                .put("watermarkWindow", 64)
                .put("anchoredTopics", new JsonArray())
                .put("blocksTopic", Topics.CHAIN_BLOCKS)
                .put("viewsTopic", Topics.CHAIN_VIEWS)
                .put("publishBlocks", true)
                .put("followBlocksTopic", true)
                .put("validatorsDir", "")
                .put("caDir", "")
                .put("caPassphrase", DEV_PASSPHRASE)
                .put("caPbkdf2Iterations", IdentityConfig.DEFAULT_PBKDF2_ITERATIONS)
                .put("keyPassphrase", DEV_PASSPHRASE)
                .put("keyPbkdf2Iterations", IdentityConfig.DEFAULT_PBKDF2_ITERATIONS)
                .put("keyAlgorithm", "Ed25519")
                .put("timestamping", "auto")
                .put("tsaValidatorRole", Role.COURT.name())
                .put("tsaUrl", "")
                .put("tsaName", "")
                .put("tsaTimeoutMs", 5_000L)
                .put("stampIntervalMs", 200L)
                .put("evidence", true)
                .put("evidenceTailScanLimit", 100_000);
    }

    /** Defaults overlaid with {@code section}, checked. */
    public static AnchorSettings of(JsonObject section) {
        AnchorSettings s = new AnchorSettings(defaults().mergeIn(section == null ? new JsonObject() : section.copy()));
        s.check();
        return s;
    }

    /** A copy with {@code key} set (tests, tools). */
    public AnchorSettings with(String key, Object value) {
        return of(json.copy().put(key, value));
    }

    private void check() {
        roles();
        localValidators();
        transport();
        driver();
        keyKind();
        timestamping();
        if (stampIntervalMs() < 0 || json.getLong("tsaTimeoutMs") <= 0 || evidenceTailScanLimit() < 0) {
            throw new IllegalArgumentException("stampIntervalMs and evidenceTailScanLimit must be >= 0, tsaTimeoutMs > 0");
        }
        if (transport() == Transport.TLS && peers().size() != roles().size()) {
            throw new IllegalArgumentException("peers: TLS needs one host:port per validator (" + roles().size()
                    + "), got " + peers().size());
        }
        if (transport() == Transport.MEMORY && localValidators().size() != roles().size()) {
            throw new IllegalArgumentException("localValidators: the memory transport runs every validator here");
        }
    }

    /** The chain id. */
    public String chainId() {
        return nonEmpty("chainId");
    }

    /** Validator {@code i}'s role at index {@code i}; n = their number. */
    public List<Role> roles() {
        JsonArray a = json.getJsonArray("validatorRoles");
        if (a.isEmpty()) {
            throw new IllegalArgumentException("validatorRoles: at least one validator");
        }
        List<Role> out = new ArrayList<>();
        for (Object o : a) {
            try {
                out.add(Role.valueOf(String.valueOf(o)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("validatorRoles: unknown role " + o);
            }
        }
        return out;
    }

    /** The transport. */
    public Transport transport() {
        String t = json.getString("transport", "");
        try {
            return Transport.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport: memory or tls, was " + t);
        }
    }

    /** Validators run by this node: the configured ids, or all of them when the list is empty. */
    public Set<Integer> localValidators() {
        Set<Integer> out = new TreeSet<>();
        int n = json.getJsonArray("validatorRoles").size();
        JsonArray a = json.getJsonArray("localValidators");
        if (a.isEmpty()) {
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        for (Object o : a) {
            if (!(o instanceof Number num) || num.intValue() < 0 || num.intValue() >= n) {
                throw new IllegalArgumentException("localValidators: " + o + " is not a validator id 0.." + (n - 1));
            }
            out.add(num.intValue());
        }
        return out;
    }

    /** TLS addresses by validator id. */
    public Map<Integer, InetSocketAddress> peers() {
        Map<Integer, InetSocketAddress> out = new TreeMap<>();
        JsonArray a = json.getJsonArray("peers");
        for (int i = 0; i < a.size(); i++) {
            String hp = String.valueOf(a.getValue(i));
            int colon = hp.lastIndexOf(':');
            try {
                out.put(i, new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("peers[" + i + "]: expected host:port, was " + hp);
            }
        }
        return out;
    }

    /** The driver tunables. */
    public DriverSettings driver() {
        return new DriverSettings(json.getInteger("maxBlockEvents"), json.getLong("maxBlockMs"),
                json.getLong("maxClockSkewMs"), json.getLong("tickMs"), DriverSettings.defaults().inboxCapacity(),
                DriverSettings.defaults().eventBatchesQueued());
    }

    /** The PBFT parameters over {@code validators}. */
    public PbftConfig pbft(ValidatorSet validators) {
        return new PbftConfig(chainId(), validators, json.getInteger("checkpointInterval"),
                json.getInteger("watermarkWindow"), json.getLong("viewTimeoutMs"), json.getLong("maxViewTimeoutMs"),
                json.getLong("retransmitMs"), json.getLong("statusMs"), 64);
    }

    /** The anchored topics, sorted by name: configured, or {@code Topics.anchored()}. */
    public List<String> anchoredTopics() {
        JsonArray a = json.getJsonArray("anchoredTopics");
        Set<String> out = new TreeSet<>();
        if (a.isEmpty()) {
            Topics.anchored().stream().map(TopicSpec::name).forEach(out::add);
        } else {
            a.forEach(o -> out.add(String.valueOf(o)));
        }
        return List.copyOf(out);
    }

    /** The blocks topic. */
    public String blocksTopic() {
        return nonEmpty("blocksTopic");
    }

    /** The views topic. */
    public String viewsTopic() {
        return nonEmpty("viewsTopic");
    }

    /** Whether this node publishes committed blocks and view changes. */
    public boolean publishBlocks() {
        return json.getBoolean("publishBlocks");
    }

    /** Whether validators take missing blocks from the blocks topic too. */
    public boolean followBlocksTopic() {
        return json.getBoolean("followBlocksTopic");
    }

    /** Where validator identities, vote logs and block stores live. */
    public Path validatorsDir(Path serviceDataDir) {
        String d = json.getString("validatorsDir");
        return d.isEmpty() ? serviceDataDir.resolve("validators") : Path.of(d);
    }

    /** The registry CA's directory (default: the registry service's {@code ca} directory). */
    public Path caDir(Path serviceDataDir) {
        String d = json.getString("caDir");
        return d.isEmpty() ? serviceDataDir.resolveSibling("registry").resolve("ca") : Path.of(d);
    }

    /** CA key passphrase. */
    public char[] caPassphrase() {
        return nonEmpty("caPassphrase").toCharArray();
    }

    /** CA configuration, used only when the CA does not exist yet. */
    public IdentityConfig caConfig() {
        return IdentityConfig.defaults().withPbkdf2Iterations(json.getInteger("caPbkdf2Iterations"));
    }

    /** Validator key passphrase. */
    public char[] keyPassphrase() {
        return nonEmpty("keyPassphrase").toCharArray();
    }

    /** PBKDF2 iterations for new validator keys. */
    public int keyPbkdf2Iterations() {
        return json.getInteger("keyPbkdf2Iterations");
    }

    /** Key kind of new validator keys. */
    public KeyKind keyKind() {
        String a = json.getString("keyAlgorithm", "");
        return switch (a) {
            case "Ed25519" -> KeyKind.ED25519;
            case "EC_P256", "ECDSA_P256" -> KeyKind.EC_P256;
            default -> throw new IllegalArgumentException("keyAlgorithm: Ed25519 or EC_P256, was " + a);
        };
    }

    /** How committed blocks are time-stamped. */
    public enum Timestamping {
        /** By the consortium TSA here if a local validator has the TSA role ({@code tsaValidatorRole}), else not. */
        AUTO,
        /** By the consortium TSA here, run by the local validator with the TSA role (required). */
        CONSORTIUM,
        /** By the RFC 3161 TSA at {@code tsaUrl} (the court node's, or an external one). */
        HTTP,
        /** Not here (another node stamps). */
        OFF
    }

    /** The time-stamping mode ({@code timestamping}: auto, consortium, http or off). */
    public Timestamping timestamping() {
        String t = json.getString("timestamping", "");
        try {
            return Timestamping.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timestamping: auto, consortium, http or off, was " + t);
        }
    }

    /**
     * The local validator that operates the consortium TSA: the lowest local id whose role is
     * {@code tsaValidatorRole} (COURT by default), or -1 when none runs here.
     */
    public int tsaOperator() {
        String role = json.getString("tsaValidatorRole", "");
        List<Role> roles = roles();
        for (int id : localValidators()) {
            if (roles.get(id).name().equals(role)) {
                return id;
            }
        }
        return -1;
    }

    /** The HTTP TSA ({@code tsaUrl}, {@code tsaName} default its host, {@code tsaTimeoutMs}). */
    public TimestampConfig tsaHttp() {
        String url = nonEmpty("tsaUrl");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tsaUrl: not a URL: " + url);
        }
        String name = json.getString("tsaName", "");
        return TimestampConfig.http(uri, Duration.ofMillis(json.getLong("tsaTimeoutMs")), null,
                name.isBlank() ? (uri.getHost() == null ? url : uri.getHost()) : name);
    }

    /** Least time between two time-stamp requests. */
    public long stampIntervalMs() {
        return json.getLong("stampIntervalMs");
    }

    /** Whether this node indexes the chain and serves evidence bundles. */
    public boolean evidence() {
        return json.getBoolean("evidence");
    }

    /** Most records one evidence request reads beyond the indexed blocks to tell "not yet anchored" from "unknown". */
    public int evidenceTailScanLimit() {
        return json.getInteger("evidenceTailScanLimit");
    }

    private String nonEmpty(String key) {
        String v = json.getString(key, "");
        if (v.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return v;
    }
}
