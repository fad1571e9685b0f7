package io.carbonx.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.runtime.CatchUpProgress;
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

    private static ComponentHealth catchingUp(String reader) {
        return ComponentHealth.catchingUp(null, Map.of(reader,
                new CatchUpProgress(false, true, Map.of("carbonx.orders", 7L)))).orElseThrow();
    }

    @Test
    void oneComponentCatchingUp_othersUp_thenCatchingUp_withATopLevelReasonNamingIt() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("broker", () -> Future.succeededFuture(ComponentHealth.up()));
        reporter.register("exchange", () -> Future.succeededFuture(catchingUp("marketData.orders")));

        JsonObject report = report(reporter);

        assertThat(report.getString("status")).isEqualTo("CATCHING_UP");
        assertThat(report.getString("reason")).isEqualTo(
                "exchange is CATCHING_UP: catching up: marketData.orders (7 offsets left on carbonx.orders)");
        assertThat(report.getJsonObject("components").getJsonObject("exchange").getJsonObject("catchUp")
                .getJsonObject("marketData.orders").getLong("remaining")).isEqualTo(7L);
        assertThat(report.getJsonObject("components").getJsonObject("broker").getString("status")).isEqualTo("UP");
    }

    @Test
    void downAndCatchingUpTogether_thenDown_andTheReasonNamesBoth() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("registry", () -> Future.succeededFuture(catchingUp("readModel")));
        reporter.register("broker", () -> Future.succeededFuture(ComponentHealth.down("no leader")));

        JsonObject report = report(reporter);

        assertThat(report.getString("status")).isEqualTo("DOWN");
        assertThat(report.getString("reason")).isEqualTo("broker is DOWN: no leader; registry is CATCHING_UP: "
                + "catching up: readModel (7 offsets left on carbonx.orders)");
    }

    @Test
    void allUp_thenNoTopLevelReason() throws Exception {
        HealthReporter reporter = new HealthReporter(5_000);
        reporter.register("broker", () -> Future.succeededFuture(ComponentHealth.up()));

        assertThat(report(reporter).containsKey("reason")).isFalse();
    }

    /** Every combination of up to three components: DOWN dominates CATCHING_UP, which dominates UP. */
    @Test
    void overall_isTheWorstStatus_forEveryCombinationOfUpToThreeComponents() {
        ComponentHealth.Status[] all = ComponentHealth.Status.values();
        assertThat(HealthReporter.overall(List.of())).isEqualTo(ComponentHealth.Status.UP);
        for (ComponentHealth.Status a : all) {
            for (ComponentHealth.Status b : all) {
                for (ComponentHealth.Status c : all) {
                    List<ComponentHealth.Status> statuses = List.of(a, b, c);
                    ComponentHealth.Status expected = statuses.contains(ComponentHealth.Status.DOWN)
                            ? ComponentHealth.Status.DOWN
                            : statuses.contains(ComponentHealth.Status.CATCHING_UP)
                            ? ComponentHealth.Status.CATCHING_UP : ComponentHealth.Status.UP;
                    assertThat(HealthReporter.overall(statuses)).as("%s", statuses).isEqualTo(expected);
                    assertThat(HealthReporter.overall(List.of(a, b))).as("%s %s", a, b)
                            .isEqualTo(HealthReporter.overall(List.of(b, a)));
                }
            }
        }
    }
}
