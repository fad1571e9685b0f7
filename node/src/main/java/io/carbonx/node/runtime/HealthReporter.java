package io.carbonx.node.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.carbonx.eventlog.runtime.ComponentHealth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Aggregates component health: every probe runs concurrently, bounded by a timeout; a probe that fails, throws or
 * times out counts as DOWN. Overall status ({@link #overall}): DOWN if any component is DOWN, else CATCHING_UP if
 * any is catching up, else UP (see {@link ComponentHealth} for what each state means to the probes).
 *
 * <p>JSON shape: {@code {"status":"UP","components":{"broker":{"status":"UP",...},"<service>":{...}}}} with
 * components sorted by name; when not UP, a top-level {@code reason} names every component that is not UP with its
 * status and own reason ({@code "exchange is CATCHING_UP: catching up: marketData.orders (1200 offsets left on
 * carbonx.orders)"}), separated by {@code "; "}.
 */
public final class HealthReporter {

    private final Map<String, Supplier<Future<ComponentHealth>>> probes = new TreeMap<>();
    private final long timeoutMs;

    HealthReporter(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    synchronized void register(String component, Supplier<Future<ComponentHealth>> probe) {
        probes.put(component, probe);
    }

    /** The overall report; never fails. */
    public Future<JsonObject> report() {
        Map<String, Supplier<Future<ComponentHealth>>> snapshot;
        synchronized (this) {
            snapshot = new TreeMap<>(probes);
        }
        List<String> names = new ArrayList<>(snapshot.keySet());
        List<Future<ComponentHealth>> results = new ArrayList<>();
        for (String name : names) {
            results.add(bounded(snapshot.get(name)));
        }
        return Future.join(results).otherwiseEmpty().map(ignored -> {
            JsonObject components = new JsonObject();
            List<ComponentHealth.Status> statuses = new ArrayList<>();
            StringJoiner reasons = new StringJoiner("; ");
            for (int i = 0; i < names.size(); i++) {
                ComponentHealth health = results.get(i).result();
                statuses.add(health.status());
                components.put(names.get(i), health.toJson());
                if (!health.isUp()) {
                    reasons.add(names.get(i) + " is " + health.status() + ": "
                            + health.details().getValue("reason", "no reason given"));
                }
            }
            ComponentHealth.Status overall = overall(statuses);
            JsonObject report = new JsonObject().put("status", overall.name());
            if (overall != ComponentHealth.Status.UP) {
                report.put("reason", reasons.toString());
            }
            return report.put("components", components);
        });
    }

    /**
     * The aggregation rule: DOWN dominates CATCHING_UP, which dominates UP; no component at all is UP.
     *
     * @param statuses the components' statuses
     * @return the overall status
     */
    public static ComponentHealth.Status overall(List<ComponentHealth.Status> statuses) {
        if (statuses.contains(ComponentHealth.Status.DOWN)) {
            return ComponentHealth.Status.DOWN;
        }
        return statuses.contains(ComponentHealth.Status.CATCHING_UP) ? ComponentHealth.Status.CATCHING_UP
                : ComponentHealth.Status.UP;
    }

    private Future<ComponentHealth> bounded(Supplier<Future<ComponentHealth>> probe) {
        Future<ComponentHealth> future;
        try {
            future = probe.get();
        } catch (RuntimeException e) {
            return Future.succeededFuture(ComponentHealth.down("health check threw " + e));
        }
        if (future == null) {
            return Future.succeededFuture(ComponentHealth.down("health check returned null"));
        }
        return future.timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .map(health -> health == null ? ComponentHealth.down("health check returned null") : health)
                .otherwise(e -> ComponentHealth.down("health check failed: " + e));
    }

    /** True when the report says UP. */
    public static boolean isUp(JsonObject report) {
        return "UP".equals(report.getString("status"));
    }
}
