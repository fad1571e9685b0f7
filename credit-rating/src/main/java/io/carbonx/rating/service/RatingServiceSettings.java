package io.carbonx.rating.service;

import java.time.Duration;
import java.util.Objects;

import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.schemas.Topics;
import io.vertx.core.json.JsonObject;

/**
 * How the rating service runs: the {@code services.credit-rating} configuration section, validated.
 *
 * <table>
 *   <caption>Keys (defaults in {@link #defaultConfig()})</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>inputTopic</td><td>{@value #DEFAULT_INPUT_TOPIC}</td><td>the registry journal the ratings are folded
 *       from</td></tr>
 *   <tr><td>outputTopic</td><td>{@code carbonx.ratings}</td><td>where CreditRatingChanged events go</td></tr>
 *   <tr><td>deadLetterTopic</td><td>{@code carbonx.deadletter}</td><td>where unusable journal records are
 *       copied</td></tr>
 *   <tr><td>groupId</td><td>{@value #DEFAULT_GROUP_ID}</td><td>consumer group (one active instance per journal
 *       partition)</td></tr>
 *   <tr><td>transactionalId</td><td>"" = {@code credit-rating-<node.id>}</td><td>stable per instance; a restart
 *       with the same id fences the previous incarnation</td></tr>
 *   <tr><td>maxRecordsPerTransaction, transactionIntervalMs</td><td>2000, 100</td><td>transaction bounds</td></tr>
 *   <tr><td>rebuildTimeoutMs</td><td>240000</td><td>longest replay of one journal partition at start; it runs
 *       inside the consumer's rebalance callback, so it must stay below {@code max.poll.interval.ms} (300 s)</td></tr>
 *   <tr><td>readModel</td><td>true</td><td>also follow the ratings topic into a read model in this process</td></tr>
 *   <tr><td>scorecard</td><td>{@link ScorecardJson}</td><td>weights, bands, decay (part of every event's
 *       {@code modelVersion})</td></tr>
 *   <tr><td>policy</td><td>{@link ScorecardJson}</td><td>grade → deposit share, priority tier, max open notional,
 *       may open orders</td></tr>
 * </table>
 */
public record RatingServiceSettings(String inputTopic, String outputTopic, String deadLetterTopic, String groupId,
                                    String transactionalId, int maxRecordsPerTransaction,
                                    Duration transactionInterval, Duration rebuildTimeout, boolean readModel,
                                    ScorecardConfig scorecard, RatingPolicy policy) {

    /** The registry journal topic. */
    public static final String DEFAULT_INPUT_TOPIC = "carbonx.registry.journal";
    /** The service's consumer group. */
    public static final String DEFAULT_GROUP_ID = "credit-rating";

    public RatingServiceSettings {
        requireName(inputTopic, "inputTopic");
        requireName(outputTopic, "outputTopic");
        requireName(deadLetterTopic, "deadLetterTopic");
        requireName(groupId, "groupId");
        requireName(transactionalId, "transactionalId");
        if (inputTopic.equals(outputTopic) || inputTopic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("inputTopic must differ from outputTopic and deadLetterTopic");
        }
        if (maxRecordsPerTransaction < 1) {
            throw new IllegalArgumentException("maxRecordsPerTransaction must be >= 1: " + maxRecordsPerTransaction);
        }
        requirePositive(transactionInterval, "transactionIntervalMs");
        requirePositive(rebuildTimeout, "rebuildTimeoutMs");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(policy, "policy");
    }

    /** @return the configuration section with every key and its default */
    public static JsonObject defaultConfig() {
        return new JsonObject()
                .put("inputTopic", DEFAULT_INPUT_TOPIC)
                .put("outputTopic", Topics.RATINGS)
                .put("deadLetterTopic", Topics.DEAD_LETTER)
                .put("groupId", DEFAULT_GROUP_ID)
                .put("transactionalId", "")
                .put("maxRecordsPerTransaction", 2000)
                .put("transactionIntervalMs", 100)
                .put("rebuildTimeoutMs", 240_000)
                .put("readModel", true)
                .put("scorecard", ScorecardJson.toJson(ScorecardConfig.defaults()))
                .put("policy", ScorecardJson.toJson(RatingPolicy.defaults()));
    }

    /**
     * @param config the section (keys absent take their defaults; {@code enabled} is ignored)
     * @param nodeId the node id, for the default transactional id
     * @throws IllegalArgumentException naming the first bad key
     */
    public static RatingServiceSettings from(JsonObject config, String nodeId) {
        JsonObject c = ScorecardJson.merged(defaultConfig(), config);
        String txId = c.getString("transactionalId");
        if (txId == null || txId.isEmpty()) {
            txId = DEFAULT_GROUP_ID + "-" + Objects.requireNonNull(nodeId, "nodeId");
        }
        try {
            return new RatingServiceSettings(c.getString("inputTopic"), c.getString("outputTopic"),
                    c.getString("deadLetterTopic"), c.getString("groupId"), txId,
                    Math.toIntExact(c.getLong("maxRecordsPerTransaction")),
                    Duration.ofMillis(c.getLong("transactionIntervalMs")),
                    Duration.ofMillis(c.getLong("rebuildTimeoutMs")), c.getBoolean("readModel"),
                    ScorecardJson.scorecard(c.getJsonObject("scorecard")),
                    ScorecardJson.policy(c.getJsonObject("policy")));
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException("services.credit-rating: a value has the wrong type: " + e, e);
        }
    }

    private static void requireName(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }

    private static void requirePositive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0");
        }
    }
}
