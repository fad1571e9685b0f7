package io.carbonx.registry.service;

import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.model.PenaltyPolicyKind;
import io.carbonx.registry.core.model.ShortfallTreatment;
import io.carbonx.registry.identity.IdentityConfig;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The registry's configuration section ({@code services.registry}), with its defaults ({@link #defaults()}):
 * the node validates keys and kinds against them; this class checks ranges (the ledger and identity configs
 * validate theirs) and builds the core configurations.
 *
 * @param json the merged section
 */
public record RegistryConfig(JsonObject json) {
    /** Passphrase used when none is configured: fine for a demo, logged as a warning. */
    public static final String DEV_PASSPHRASE = "carbonx-dev-passphrase";
    /** Smallest token key: an HMAC-SHA256 key of 256 bits. */
    public static final int MIN_TOKEN_KEY_BYTES = 32;

    /** @return the defaults of every key */
    public static JsonObject defaults() {
        LedgerConfig l = LedgerConfig.defaults();
        return new JsonObject()
                .put("chainId", "carbonx-local")
                .put("caPassphrase", DEV_PASSPHRASE)
                .put("consortiumName", "CarbonX Consortium")
                .put("pbkdf2Iterations", IdentityConfig.DEFAULT_PBKDF2_ITERATIONS)
                .put("participantValidityDays", 365)
                .put("tokenKeyBase64", "")
                .put("caCertificatesDir", "")
                .put("tokenTtlMs", 900_000L)
                .put("challengeTtlMs", 60_000L)
                .put("commandTimeoutMs", 10_000L)
                .put("clockTickMs", 1_000L)
                .put("transactionIntervalMs", 20L)
                .put("topicPrefix", "")
                .put("exchangeAccountId", l.exchangeAccountId())
                .put("escrowAccountId", l.escrowAccountId())
                .put("commissionBps", l.commissionBps())
                .put("settlementWindowMs", l.settlementWindowMs())
                .put("deemedLossBps", l.freezePolicy().deemedLossBps())
                .put("maxDefaults", l.freezePolicy().maxDefaults())
                .put("defaultWindowMs", l.freezePolicy().defaultWindowMs())
                .put("offsetCapBps", l.compliance().offsetCapBps())
                .put("penaltyPolicy", l.compliance().penaltyPolicy().name())
                .put("fixedPenaltyPerTonneMinor", l.compliance().fixedPerTonneMinor())
                .put("penaltyPriceMultipleBps", l.compliance().priceMultipleBps())
                .put("fallbackPenaltyPerTonneMinor", l.compliance().fallbackPerTonneMinor())
                .put("shortfallTreatment", l.compliance().shortfallTreatment().name());
    }

    /**
     * @param section the node's section (may lack keys: defaults fill in)
     * @return the config
     */
    public static RegistryConfig of(JsonObject section) {
        JsonObject merged = defaults().mergeIn(section == null ? new JsonObject() : section.copy());
        return new RegistryConfig(merged);
    }

    /**
     * @param key   a key
     * @param value its new value
     * @return a copy with it (tests)
     */
    public RegistryConfig with(String key, Object value) {
        return new RegistryConfig(json.copy().put(key, value));
    }

    /** @return the chain id signed requests and auth challenges are bound to */
    public String chainId() {
        return json.getString("chainId");
    }

    /** @return the CA key passphrase */
    public char[] caPassphrase() {
        return json.getString("caPassphrase").toCharArray();
    }

    /** @return true when the passphrase is the built-in development one */
    public boolean usesDevPassphrase() {
        return DEV_PASSPHRASE.equals(json.getString("caPassphrase"));
    }

    /** @return the CA configuration */
    public IdentityConfig identity() {
        return IdentityConfig.defaults().withConsortiumName(json.getString("consortiumName"))
                .withPbkdf2Iterations(json.getInteger("pbkdf2Iterations"))
                .withParticipantValidity(Duration.ofDays(positive("participantValidityDays")));
    }

    /** @return the ledger rules */
    public LedgerConfig ledger() {
        LedgerConfig d = LedgerConfig.defaults();
        return new LedgerConfig(json.getString("exchangeAccountId"), json.getString("escrowAccountId"),
                json.getInteger("commissionBps"), positive("settlementWindowMs"), d.gradeTerms(),
                new LedgerConfig.FreezePolicy(json.getInteger("deemedLossBps"), json.getInteger("maxDefaults"),
                        positive("defaultWindowMs")), d.externalReporters(),
                new LedgerConfig.CompliancePolicy(json.getInteger("offsetCapBps"),
                        PenaltyPolicyKind.valueOf(json.getString("penaltyPolicy")),
                        json.getLong("fixedPenaltyPerTonneMinor"), json.getLong("penaltyPriceMultipleBps"),
                        json.getLong("fallbackPenaltyPerTonneMinor"),
                        ShortfallTreatment.valueOf(json.getString("shortfallTreatment"))));
    }

    /** @return the topics (prefixed for tests) */
    public RegistryTopics topics() {
        return new RegistryTopics(json.getString("topicPrefix"));
    }

    /**
     * The HMAC key of the API's bearer tokens, shared by every node of a deployment (whether or not it runs the
     * registry), so that a token issued by one node is accepted by all.
     *
     * @return the token HMAC key, base64, empty for a key generated per start
     */
    public String tokenKeyBase64() {
        return json.getString("tokenKeyBase64");
    }

    /**
     * @return the token key's bytes, or empty when none is configured (a random key per start)
     * @throws IllegalArgumentException when the key is not base64 of at least {@value #MIN_TOKEN_KEY_BYTES} bytes
     */
    public Optional<byte[]> tokenKey() {
        String text = tokenKeyBase64().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String problem = tokenKeyProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException("services.registry.tokenKeyBase64 " + problem);
        }
        return Optional.of(Base64.getDecoder().decode(text));
    }

    /**
     * @param base64 a configured token key (not empty)
     * @return why it is unusable ("must be ..."), or null when it is base64 of at least 32 bytes
     */
    public static String tokenKeyProblem(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return "must be base64 (RFC 4648, e.g. head -c 32 /dev/urandom | base64): " + e.getMessage();
        }
        return key.length < MIN_TOKEN_KEY_BYTES ? "must decode to at least " + MIN_TOKEN_KEY_BYTES + " bytes, has "
                + key.length : null;
    }

    /**
     * Where a node that does not run the registry finds the consortium CA's public certificates ({@code
     * root-ca.pem}, {@code issuing-ca.pem}) to check participants' certificates with; empty: the registry's own CA
     * directory on this node ({@code <service data dir>/ca}).
     *
     * @return the configured directory, empty if none
     */
    public String caCertificatesDir() {
        return json.getString("caCertificatesDir");
    }

    /** @return token lifetime */
    public long tokenTtlMs() {
        return positive("tokenTtlMs");
    }

    /** @return challenge lifetime */
    public long challengeTtlMs() {
        return positive("challengeTtlMs");
    }

    /** @return how long the API waits for a command's reply */
    public long commandTimeoutMs() {
        return positive("commandTimeoutMs");
    }

    /** @return the clock tick period, 0 for no ticks */
    public long clockTickMs() {
        long v = json.getLong("clockTickMs");
        if (v < 0) {
            throw new IllegalArgumentException("services.registry.clockTickMs must be >= 0");
        }
        return v;
    }

    /** @return the transaction interval of the exactly-once loop */
    public long transactionIntervalMs() {
        return positive("transactionIntervalMs");
    }

    private long positive(String key) {
        long v = json.getLong(key);
        if (v <= 0) {
            throw new IllegalArgumentException("services.registry." + key + " must be > 0, was " + v);
        }
        return v;
    }
}
