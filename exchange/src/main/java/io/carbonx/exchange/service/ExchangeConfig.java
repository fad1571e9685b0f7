package io.carbonx.exchange.service;

import io.carbonx.exchange.core.market.MarketDefinition;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The exchange's configuration section ({@code services.exchange}) with its defaults ({@link #defaults()}): the
 * node validates keys and kinds against them; this class checks ranges and builds the instruments.
 *
 * @param json the merged section
 */
public record ExchangeConfig(JsonObject json) {

    /** @return the defaults of every key */
    public static JsonObject defaults() {
        return new JsonObject()
                .put("chainId", "carbonx-local")
                .put("topicPrefix", "")
                .put("groupId", "carbonx-exchange")
                .put("transactionIntervalMs", 20L)
                .put("checkpointEvery", 1_000)
                .put("clockTickMs", 1_000L)
                .put("replayTimeoutMs", 120_000L)
                .put("marketData", true)
                .put("gateway", true)
                .put("gatewayLanes", 0)
                .put("matcher", true)
                .put("instruments", InstrumentConfig.defaults());
    }

    /** The section merged over the defaults, with its ranges checked. */
    public static ExchangeConfig of(JsonObject section) {
        JsonObject merged = defaults().mergeIn(section == null ? new JsonObject() : section.copy());
        ExchangeConfig c = new ExchangeConfig(merged);
        c.check();
        return c;
    }

    private void check() {
        if (transactionIntervalMs() < 1 || checkpointEvery() < 1 || clockTickMs() < 0 || replayTimeoutMs() < 1) {
            throw new IllegalArgumentException("services.exchange: transactionIntervalMs, checkpointEvery and"
                    + " replayTimeoutMs must be >= 1, clockTickMs >= 0 (0 = no clock)");
        }
        if (json.getInteger("gatewayLanes") < 0) {
            throw new IllegalArgumentException("services.exchange: gatewayLanes must be >= 0 (0 = 2 per core)");
        }
        if (chainId().isBlank() || groupId().isBlank()) {
            throw new IllegalArgumentException("services.exchange: chainId and groupId must not be blank");
        }
        instruments();
        if (!matcher() && !gateway() && !marketData()) {
            throw new IllegalArgumentException("services.exchange: matcher, gateway and marketData are all off;"
                    + " disable the service instead (enabled: false)");
        }
    }

    public String chainId() {
        return json.getString("chainId");
    }

    public ExchangeTopics topics() {
        return new ExchangeTopics(json.getString("topicPrefix"));
    }

    public String groupId() {
        return json.getString("groupId");
    }

    public long transactionIntervalMs() {
        return json.getLong("transactionIntervalMs");
    }

    public int checkpointEvery() {
        return json.getInteger("checkpointEvery");
    }

    /** Period of the exchange's ClockTicked per owned instrument; 0 = no clock (tests drive time). */
    public long clockTickMs() {
        return json.getLong("clockTickMs");
    }

    /** Participant lanes of the order gateway (each group-commits its queued requests); 0 = 2 per core. */
    public int gatewayLanes() {
        int lanes = json.getInteger("gatewayLanes");
        return lanes == 0 ? 2 * Runtime.getRuntime().availableProcessors() : lanes;
    }

    public long replayTimeoutMs() {
        return json.getLong("replayTimeoutMs");
    }

    public boolean marketData() {
        return json.getBoolean("marketData");
    }

    public boolean gateway() {
        return json.getBoolean("gateway");
    }

    /**
     * Whether this node runs the matcher (and its clock): a member of the consumer group {@code groupId} over
     * {@code carbonx.orders}. Off for a gateway-only or market-data-only process.
     */
    public boolean matcher() {
        return json.getBoolean("matcher");
    }

    /** @throws IllegalArgumentException naming the bad entry */
    public List<MarketDefinition> instruments() {
        return InstrumentConfig.parse(json.getJsonArray("instruments"));
    }
}
