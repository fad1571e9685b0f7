package io.carbonx.rating.service;

import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.rating.api.RatingApi;
import io.carbonx.rating.api.RatingRoutes;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.readmodel.RatingQueries;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credit-rating service on the node's {@link CarbonxService} seam (listed in
 * {@code META-INF/services/io.carbonx.eventlog.runtime.CarbonxService}).
 *
 * <p>It folds the registry journal ({@code services.credit-rating.inputTopic}, default
 * {@value RatingServiceSettings#DEFAULT_INPUT_TOPIC}) through the deterministic scorecard and publishes every change
 * as CreditRatingChanged on {@code carbonx.ratings}, keyed by participant, exactly once: outputs and input offsets
 * commit in one Kafka transaction. At start (and after every aborted transaction) the state is rebuilt by replaying
 * the journal up to the committed offset without output, so a restart publishes nothing twice and ends in the state
 * hash it stopped with. Time is the journal's: ClockTicked events re-grade everyone at their logical time; the wall
 * clock is never read. See {@link RatingPipeline} for health and {@link RatingServiceSettings} for configuration.
 *
 * <p>REST: {@link #mountRoutes} mounts {@link RatingRoutes} ({@code GET /api/v1/ratings[/policy|/{participantId}[/history]]})
 * behind the node's shared API security (the registry's, or the node's own when the registry runs elsewhere). For
 * other API layers: {@link #queries()} (read model of the ratings topic), {@link #api()} (the REST handlers) and {@link #policy()}
 * (grade effects in force) are available once {@link #start} completed.
 */
public final class RatingService implements CarbonxService {

    /** The service name: config section, health component, metrics tag. */
    public static final String NAME = "credit-rating";

    private static final Logger LOG = LoggerFactory.getLogger(RatingService.class);

    private volatile RatingPipeline pipeline;
    private volatile List<SecureRouter.Mounted> routes = List.of();
    private Vertx vertx;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject defaultConfig() {
        return RatingServiceSettings.defaultConfig();
    }

    /** The journal (one partition, kept forever), the ratings topic and the dead-letter topic, as catalogued. */
    @Override
    public List<ServiceTopic> topics() {
        return List.of(
                new ServiceTopic(RatingServiceSettings.DEFAULT_INPUT_TOPIC, 1,
                        Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1")),
                of(Topics.byName(Topics.RATINGS)),
                of(Topics.byName(Topics.DEAD_LETTER)));
    }

    private static ServiceTopic of(TopicSpec spec) {
        return new ServiceTopic(spec.name(), spec.partitions(), spec.configs());
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        this.vertx = vertx;
        RatingServiceSettings settings;
        try {
            settings = RatingServiceSettings.from(context.config(), context.nodeId());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return vertx.executeBlocking(() -> {
            pipeline = new RatingPipeline(context.newKafkaClients(), settings).start();
            return null;
        });
    }

    /**
     * Mounts the rating routes ({@link RatingRoutes}) behind the node's shared API security (the registry service's
     * when it runs on this node, otherwise the node's own: either way the tokens of the consortium's token key are
     * the ones accepted). Mounts nothing, and logs why, when the service has not started, when {@code readModel} is
     * off (this process would serve no ratings), or when this node serves no API (no API security to authenticate
     * callers with: deny by default).
     */
    @Override
    public void mountRoutes(Router router) {
        RatingPipeline p = pipeline;
        ApiSecurity security = vertx == null ? null : ApiSecurity.shared(vertx, () -> null);
        String missing = p == null ? "not started"
                : !p.settings().readModel() ? "readModel is off"
                : security == null ? "no API security on this node (it serves no API)" : null;
        if (missing != null) {
            LOG.warn("credit-rating routes not mounted: {}", missing);
            return;
        }
        SecureRouter secure = new SecureRouter(router, security);
        RatingRoutes.mount(secure, p.api());
        routes = secure.mounted();
    }

    /** @return the routes {@link #mountRoutes} mounted (empty if none) */
    public List<SecureRouter.Mounted> routes() {
        return routes;
    }

    @Override
    public Future<Void> stop() {
        RatingPipeline p = pipeline;
        if (p == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            p.close();
            return null;
        });
    }

    @Override
    public Future<ComponentHealth> health() {
        RatingPipeline p = pipeline;
        return Future.succeededFuture(p == null ? ComponentHealth.down("not started") : p.health());
    }

    /** @return the running pipeline (null before {@link #start} completed) */
    public RatingPipeline pipeline() {
        return pipeline;
    }

    /** @return the read model of the ratings topic */
    public RatingQueries queries() {
        return requireStarted().queries();
    }

    /** @return the REST handlers ({@link RatingApi}) over this process's read model */
    public RatingApi api() {
        return requireStarted().api();
    }

    /** @return the grade effects in force (the registry's {@code LedgerConfig} grade terms must equal them) */
    public RatingPolicy policy() {
        return requireStarted().policy();
    }

    private RatingPipeline requireStarted() {
        RatingPipeline p = pipeline;
        if (p == null) {
            throw new IllegalStateException("credit-rating service not started");
        }
        return p;
    }
}
