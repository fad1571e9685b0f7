package io.carbonx.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.runtime.ComponentHealth;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthReporterTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private JsonObject report(HealthReporter reporter) throws Exception {
        // Run on a Vert.x context, as the HTTP handler does.
        Promise<JsonObject> result = Promise.promise();
        vertx.runOnContext(v -> reporter.report().onComplete(result));
        return result.future().await(30, TimeUnit.SECONDS);
    }

    @Test
    void allComponentsUp_thenUp_withOneEntryPerComponentSortedByName() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("zeta", () -> Future.succeededFuture(ComponentHealth.up()));
        reporter.register("broker", () -> Future.succeededFuture(ComponentHealth.up(new JsonObject().put("x", 1))));

        JsonObject report = report(reporter);

        assertThat(report.getString("status")).isEqualTo("UP");
        assertThat(report.getJsonObject("components").fieldNames()).containsExactly("broker", "zeta");
        assertThat(report.getJsonObject("components").getJsonObject("broker"))
                .isEqualTo(new JsonObject().put("status", "UP").put("x", 1));
    }

    @Test
    void oneComponentDown_thenDown_andTheOthersStillReported() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("broker", () -> Future.succeededFuture(ComponentHealth.down("no leader")));
        reporter.register("svc", () -> Future.succeededFuture(ComponentHealth.up()));

        JsonObject report = report(reporter);

        assertThat(report.getString("status")).isEqualTo("DOWN");
        assertThat(report.getJsonObject("components").getJsonObject("broker").getString("reason"))
                .isEqualTo("no leader");
        assertThat(report.getJsonObject("components").getJsonObject("svc").getString("status")).isEqualTo("UP");
    }

    @Test
    void failingThrowingOrNullProbes_countAsDown() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("failing", () -> Future.failedFuture(new IllegalStateException("boom")));
        reporter.register("throwing", () -> {
            throw new IllegalArgumentException("bad");
        });
        reporter.register("null", () -> null);

        JsonObject components = report(reporter).getJsonObject("components");

        assertThat(components.getJsonObject("failing").getString("reason")).contains("boom");
        assertThat(components.getJsonObject("throwing").getString("reason")).contains("bad");
        assertThat(components.getJsonObject("null").getString("status")).isEqualTo("DOWN");
    }

    @Test
    void probeThatNeverAnswers_countsAsDownAfterTheTimeout() throws Exception {
        HealthReporter reporter = new HealthReporter(50);
        reporter.register("stuck", () -> Promise.<ComponentHealth>promise().future());

        JsonObject report = report(reporter);

        assertThat(report.getString("status")).isEqualTo("DOWN");
        assertThat(report.getJsonObject("components").getJsonObject("stuck").getString("reason"))
                .contains("health check failed");
    }
}
