package io.carbonx.node.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.node.config.NodeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the enabled services one by one (sorted by name) and stops the started ones in reverse order. Not
 * thread-safe: the node calls it from its lifecycle lock.
 */
final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final List<CarbonxService> started = new ArrayList<>();

    /** Starts each enabled service, waiting up to {@code timeoutMs} for each; throws on the first failure. */
    void startAll(List<CarbonxService> enabled, Vertx vertx, NodeConfig config, String bootstrapServers,
                  KafkaClientTracker tracker, MeterRegistry meters, long timeoutMs) {
        for (CarbonxService service : enabled) {
            Path dir = config.dataDir().resolve("services").resolve(service.name());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
            ServiceContext context = new ServiceContext(config.nodeId(), bootstrapServers,
                    config.serviceConfig(service.name()), dir, tracker, meters);
            try {
                service.start(vertx, context).await(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("service " + service.name() + " did not start within " + timeoutMs
                        + " ms (node.serviceStartTimeoutMs)", e);
            } catch (Exception e) {
                throw new IllegalStateException("service " + service.name() + " failed to start: " + e.getMessage(), e);
            }
            started.add(service);
            LOG.info("Service {} started", service.name());
        }
    }

    List<CarbonxService> started() {
        return Collections.unmodifiableList(started);
    }

    /** Stops the started services in reverse start order, each bounded by what is left of {@code deadlineNanos}. */
    void stopAll(long deadlineNanos) {
        for (int i = started.size() - 1; i >= 0; i--) {
            CarbonxService service = started.get(i);
            long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            try {
                service.stop().await(leftMs, TimeUnit.MILLISECONDS);
                LOG.info("Shutdown: service {} stopped (in-flight work committed)", service.name());
            } catch (Exception e) {
                LOG.warn("Shutdown: service {} did not stop cleanly: {}", service.name(), e.toString());
            }
        }
        started.clear();
    }
}
