package io.carbonx.node.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.carbonx.eventlog.runtime.ComponentHealth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Aggregates component health: every probe runs concurrently, bounded by a timeout; a probe that fails, throws or
 * times out counts as DOWN. Overall UP iff every component is UP.
 *
 * <p>JSON shape: {@code {"status":"UP","components":{"broker":{"status":"UP",...},"<service>":{...}}}} with
 * components sorted by name.
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
            boolean allUp = true;
            for (int i = 0; i < names.size(); i++) {
                ComponentHealth health = results.get(i).result();
                allUp &= health.isUp();
                components.put(names.get(i), health.toJson());
            }
            return new JsonObject().put("status", allUp ? "UP" : "DOWN").put("components", components);
        });
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
