package io.carbonx.node.testing;

import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A real service started with extra consumer settings: {@code max.poll.records} ({@link #maxPollRecords}) and the
 * {@link ReplayGate} interceptor, passed through {@link ServiceContext#withConsumerOverrides}. Everything else
 * (name, config, topics, routes, health) is the delegate's.
 */
public final class GatedReplayService implements CarbonxService {

    private final CarbonxService delegate;
    private final int maxPollRecords;

    public GatedReplayService(CarbonxService delegate, int maxPollRecords) {
        this.delegate = delegate;
        this.maxPollRecords = maxPollRecords;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public JsonObject defaultConfig() {
        return delegate.defaultConfig();
    }

    @Override
    public List<ServiceTopic> topics() {
        return delegate.topics();
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        return delegate.start(vertx, context.withConsumerOverrides(Map.of(
                "max.poll.records", Integer.toString(maxPollRecords),
                "interceptor.classes", ReplayGate.class.getName())));
    }

    @Override
    public void mountRoutes(Router router) {
        delegate.mountRoutes(router);
    }

    @Override
    public Future<Void> stop() {
        return delegate.stop();
    }

    @Override
    public Future<ComponentHealth> health() {
        return delegate.health();
    }
}
