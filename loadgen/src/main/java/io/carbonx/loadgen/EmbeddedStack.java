package io.carbonx.loadgen;

import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The whole stack in this JVM, as {@code carbonx run} starts it: embedded KRaft broker, registry, exchange (gateway,
 * books, market data), credit rating and the chain anchor's four PBFT validators, on free ports and a fresh data
 * directory. Configuration differs from the defaults only where a load run needs it (all keys of the services'
 * {@code defaultConfig()}, validated like any node configuration):
 * <ul>
 *   <li>one continuous instrument {@value #INSTRUMENT} (allowances, tick {@value #TICK}, lot {@value #LOT},
 *       reference {@value #MID_PRICE}, band 20 %);</li>
 *   <li>throwaway key stores with {@value #PBKDF2_ITERATIONS} PBKDF2 iterations (start-up time only);</li>
 *   <li>registry: settlement windows of {@code settlementWindowMs} (default 100 ms; the production default is a
 *       trading-day window, which would make trade→settled a measure of the window), a clock tick of half that,
 *       one-hour tokens (the run must not re-login).</li>
 * </ul>
 */
public final class EmbeddedStack implements AutoCloseable {

    /** The instrument the generator trades. */
    public static final String INSTRUMENT = "EUA-LOAD";
    /** Its vintage. */
    public static final int VINTAGE = 2027;
    /** Tick size (minor units). */
    public static final long TICK = 5;
    /** Lot size. */
    public static final long LOT = 10;
    /** Mid and reference price (minor units). */
    public static final long MID_PRICE = 8_500;
    /** PBKDF2 iterations of the throwaway key stores. */
    public static final int PBKDF2_ITERATIONS = 10_000;

    private final CarbonxNode node;
    private final Path dataDir;
    private final char[] caPassphrase;

    private EmbeddedStack(CarbonxNode node, Path dataDir, char[] caPassphrase) {
        this.node = node;
        this.dataDir = dataDir;
        this.caPassphrase = caPassphrase;
    }

    /**
     * Starts the stack on {@code dataDir} (created, must be empty). Blocks until it is up.
     *
     * @param env the process environment: {@code CARBONX_*} variables override the load generator's settings as
     *            they override a node's file under {@code carbonx run} (e.g.
     *            {@code CARBONX_SERVICES_CHAIN_ANCHOR_MAX_BLOCK_MS=30}); an unknown one is refused
     */
    public static EmbeddedStack start(Path dataDir, long settlementWindowMs, Map<String, String> env) {
        try {
            NodeConfig config = nodeConfig(dataDir, settlementWindowMs, env);
            CarbonxNode node = CarbonxNode.start(config, ServiceCatalog.discover());
            return new EmbeddedStack(node, dataDir,
                    RegistryConfig.of(config.serviceConfig("registry")).caPassphrase());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the load generator's node file into {@code dataDir} and loads it with {@code env}'s overrides. */
    static NodeConfig nodeConfig(Path dataDir, long settlementWindowMs, Map<String, String> env) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("loadgen-node.yaml");
        Files.writeString(file, config(dataDir, settlementWindowMs).encodePrettily() + "\n");
        return ConfigLoader.load(new ConfigRequest(Optional.of(file), dataDir, env, Optional.empty()),
                ServiceCatalog.discover());
    }

    static JsonObject config(Path dataDir, long settlementWindowMs) {
        JsonObject registry = new JsonObject().put("pbkdf2Iterations", PBKDF2_ITERATIONS)
                .put("settlementWindowMs", settlementWindowMs).put("clockTickMs", Math.max(10, settlementWindowMs / 2))
                .put("commandTimeoutMs", 30_000L).put("tokenTtlMs", 3_600_000L);
        JsonObject anchor = new JsonObject().put("caPbkdf2Iterations", PBKDF2_ITERATIONS)
                .put("keyPbkdf2Iterations", PBKDF2_ITERATIONS);
        JsonArray instruments = new JsonArray().add(new JsonObject().put("id", INSTRUMENT).put("kind", "ALLOWANCE")
                .put("vintage", VINTAGE).put("tickSize", TICK).put("lotSize", LOT)
                .put("referencePriceMinor", MID_PRICE).put("bandBps", 2_000).put("priority", "PRICE_GRADE_TIME")
                .put("session", new JsonObject().put("mode", "CONTINUOUS_ONLY")));
        JsonObject exchange = new JsonObject().put("clockTickMs", 250L).put("instruments", instruments);
        return new JsonObject()
                .put("node", new JsonObject().put("id", "loadgen").put("dataDir", dataDir.toString())
                        .put("shutdownTimeoutMs", 60_000L).put("healthTimeoutMs", 5_000L))
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                .put("kafka", new JsonObject().put("embedded", true).put("port", 0).put("controllerPort", 0)
                        .put("startupTimeoutMs", 60_000L))
                .put("services", new JsonObject().put("registry", registry).put("chain-anchor", anchor)
                        .put("exchange", exchange));
    }

    /** The HTTP API's base URL. */
    public String apiUrl() {
        return "http://127.0.0.1:" + node.httpPort();
    }

    /** Kafka bootstrap servers. */
    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    /** The registry CA's directory (the bootstrap regulator's key and certificate). */
    public Path caDir() {
        return dataDir.resolve("services").resolve("registry").resolve("ca");
    }

    /** The CA key store's passphrase. */
    public char[] caPassphrase() {
        return caPassphrase.clone();
    }

    @Override
    public void close() {
        node.close();
    }
}
