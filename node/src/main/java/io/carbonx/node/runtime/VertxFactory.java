package io.carbonx.node.runtime;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * Builds the node's Vert.x with Micrometer metrics into a Prometheus registry: Vert.x metrics ({@code vertx_*}) and
 * the JVM binders Vert.x installs when JVM metrics are enabled (memory, GC, threads, class loader, processor,
 * compilation).
 */
final class VertxFactory {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private VertxFactory() {
    }

    static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    static Vertx create(PrometheusMeterRegistry registry, String nodeId) {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                // Vert.x keeps backend registries in a static map by name: one name per node instance.
                .setRegistryName("carbonx-" + nodeId + "-" + INSTANCES.incrementAndGet());
        VertxOptions options = new VertxOptions().setMetricsOptions(metrics);
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
    }
}
