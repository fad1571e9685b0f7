package io.carbonx.node.testing;

import java.util.List;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A real (test-only) service on the {@link CarbonxService} seam: declares a topic, deploys {@link ProbeVerticle}
 * which produces {@code records} records, consumes everything up to the end of the topic from its committed
 * offset and commits; stops by undeploying (the verticle commits and closes its clients). Health UP while deployed,
 * with its counters as details.
 */
public final class ProbeService implements CarbonxService {

    public static final String TOPIC = "carbonx.node.probe";

    private Vertx vertx;
    private ProbeVerticle verticle;
    private String deploymentId;

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public JsonObject defaultConfig() {
        return new JsonObject().put("records", 3);
    }

    @Override
    public List<ServiceTopic> topics() {
        return List.of(ServiceTopic.of(TOPIC, 1));
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        this.vertx = vertx;
        this.verticle = new ProbeVerticle(context, name());
        return vertx.deployVerticle(verticle).map(id -> {
            deploymentId = id;
            return null;
        });
    }

    /** Mounts {@code POST /api/v1/probe/echo}, which answers the JSON body it received; the contract does not describe it, so the node answers 404 before it runs. */
    @Override
    public void mountRoutes(Router router) {
        router.post("/api/v1/probe/echo").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
                .end(ctx.body().asJsonObject().put("echoedBy", name()).encode()));
    }

    @Override
    public Future<Void> stop() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }

    @Override
    public Future<ComponentHealth> health() {
        if (deploymentId == null || !vertx.deploymentIDs().contains(deploymentId)) {
            return Future.succeededFuture(ComponentHealth.down("not deployed"));
        }
        return Future.succeededFuture(ComponentHealth.up(new JsonObject()
                .put("producedThisRun", verticle.produced())
                .put("consumedThisRun", verticle.consumed())
                .put("committedOffset", verticle.committedOffset())));
    }
}
