package io.carbonx.registry.service;

import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.model.PenaltyPolicyKind;
import io.carbonx.registry.core.model.ShortfallTreatment;
import io.carbonx.registry.identity.IdentityConfig;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

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

    /** @return the token HMAC key, base64, empty for a key generated per start */
    public String tokenKeyBase64() {
        return json.getString("tokenKeyBase64");
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
