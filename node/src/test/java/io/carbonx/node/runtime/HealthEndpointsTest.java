package io.carbonx.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.node.http.HttpApi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe endpoints over real HTTP, for every component status and node lifecycle state: {@code /health/live}
 * is always 200; {@code /health} is 200 iff every component is UP; {@code /health/ready} additionally needs the
 * node started and not shutting down; a 503 carries the reason.
 */
class HealthEndpointsTest {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicReference<ComponentHealth> exchange = new AtomicReference<>(ComponentHealth.up());
    private final AtomicBoolean nodeReady = new AtomicBoolean(true);
    private HttpServer server;

    @BeforeEach
    void listen() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("broker", () -> Future.succeededFuture(ComponentHealth.up()));
        reporter.register("exchange", () -> Future.succeededFuture(exchange.get()));
        server = vertx.createHttpServer()
                .requestHandler(HttpApi.router(vertx, reporter, nodeReady::get,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
                .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ComponentHealth catchingUp() {
        return ComponentHealth.catchingUp(null, Map.of("marketData.orders",
                new CatchUpProgress(false, true, Map.of("carbonx.orders", 40L)))).orElseThrow();
    }

    private void assertCodes(int health, int ready, int live) throws Exception {
        assertThat(get("/health").statusCode()).as("/health").isEqualTo(health);
        assertThat(get("/health/ready").statusCode()).as("/health/ready").isEqualTo(ready);
        assertThat(get("/health/live").statusCode()).as("/health/live").isEqualTo(live);
    }

    @Test
    void everyComponentUp_andNodeReady_thenAllProbes200() throws Exception {
        assertCodes(200, 200, 200);
    }

    @Test
    void aComponentCatchingUp_thenReady503WithTheReason_butLive200() throws Exception {
        exchange.set(catchingUp());

        assertCodes(503, 503, 200);
        JsonObject body = new JsonObject(get("/health/ready").body());
        assertThat(body.getString("status")).isEqualTo("CATCHING_UP");
        assertThat(body.getString("reason")).startsWith("exchange is CATCHING_UP: catching up: marketData.orders");
        assertThat(body.getJsonObject("components").getJsonObject("broker").getString("status")).isEqualTo("UP");
    }

    @Test
    void aComponentDown_thenReady503_butLive200() throws Exception {
        exchange.set(ComponentHealth.down("matcher loop FAILED"));

        assertCodes(503, 503, 200);
        assertThat(new JsonObject(get("/health/ready").body()).getString("status")).isEqualTo("DOWN");
    }

    @Test
    void nodeStartingOrStopping_thenReady503_evenWithEveryComponentUp() throws Exception {
        nodeReady.set(false);

        assertCodes(200, 503, 200);
        assertThat(new JsonObject(get("/health/ready").body()).getString("reason"))
                .isEqualTo("node is starting or shutting down");
    }

    @Test
    void nodeStartingAndACatchingUpComponent_thenReady503_live200() throws Exception {
        nodeReady.set(false);
        exchange.set(catchingUp());

        assertCodes(503, 503, 200);
    }

    @Test
    void afterCatchingUp_thenReadyTurns200() throws Exception {
        exchange.set(catchingUp());
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);

        exchange.set(ComponentHealth.up());

        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }
}
