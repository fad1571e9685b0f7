package io.carbonx.chain.service;

import io.carbonx.chain.evidence.EvidenceService;
import io.carbonx.chain.evidence.api.EvidenceRoutes;
import io.carbonx.chain.runtime.ChainPublisher;
import io.carbonx.chain.runtime.ValidatorStatus;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.SecureRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code chain-anchor} service: runs this node's PBFT validators ({@link ChainNode}), which anchor every
 * event of the anchored topics in hash-chained, certified blocks, publish them to {@code carbonx.chain.blocks}
 * and view changes to {@code carbonx.chain.views}.
 *
 * <p>Configuration: section {@code services.chain-anchor} ({@link AnchorSettings#defaults()}). By default the
 * node runs all four validators (exchange, regulator, court, arbitration) on the in-memory bus, their keys
 * issued at first start by the registry CA; with {@code transport: tls} it runs {@code localValidators} and
 * connects to the others at {@code peers}.
 *
 * <p>Blocks are time-stamped (RFC 3161) by the consortium TSA of the node running the COURT validator
 * ({@code timestamping}, {@link io.carbonx.chain.runtime.BlockStamper}), and each node indexes the chain for the
 * evidence API ({@link #mountRoutes}, {@link io.carbonx.chain.evidence.live.LiveEvidenceSource}).
 *
 * <p>Health ({@code /health}): DOWN unless every local validator runs; CATCHING_UP after a start until every local
 * validator's height is within {@value #CATCH_UP_LAG_BLOCKS} blocks of the highest height this node knows of (its
 * validators', the blocks topic's, the publisher's); UP otherwise. Details per validator (height, view,
 * primary, view change in progress, events read but not yet anchored, records not yet read, connected peers),
 * the publisher's state, the stamper's stamped height and the evidence index's indexed and bundled heights.
 * Metrics: see {@link io.carbonx.chain.runtime.AnchorMetrics}, registered in the node's registry
 * ({@link ServiceContext#meters()}) unless another registry is given.
 */
public final class ChainAnchorService implements CarbonxService {

    private final MeterRegistry registry;
    private static final Logger LOG = LoggerFactory.getLogger(ChainAnchorService.class);

    /** A validator this many blocks below the highest known height still counts as caught up. */
    public static final long CATCH_UP_LAG_BLOCKS = 2;

    private volatile ChainNode node;
    private volatile SecureRouter routes;
    private Vertx vertx;

    /** For {@link java.util.ServiceLoader}: metrics go to the node's registry ({@link ServiceContext#meters()}). */
    public ChainAnchorService() {
        this.registry = null;
    }

    /** With an explicit metrics registry, used instead of the node's. */
    public ChainAnchorService(MeterRegistry registry) {
        this.registry = java.util.Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String name() {
        return "chain-anchor";
    }

    @Override
    public JsonObject defaultConfig() {
        return AnchorSettings.defaults();
    }

    @Override
    public List<ServiceTopic> topics() {
        Map<String, String> forever = Map.of("retention.ms", "-1", "cleanup.policy", "delete");
        AnchorSettings d = AnchorSettings.of(new JsonObject());
        return List.of(new ServiceTopic(d.blocksTopic(), 1, forever), new ServiceTopic(d.viewsTopic(), 1, forever));
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        this.vertx = vertx;
        return vertx.executeBlocking(() -> {
            AnchorSettings settings = AnchorSettings.of(context.config());
            ChainNode n = new ChainNode(settings, context.dataDir(), context.nodeId(),
                    context.newKafkaClients(), context.kafkaClients(),
                    registry != null ? registry : context.meters(), System::currentTimeMillis, null);
            try {
                n.start();
            } catch (Exception e) {
                n.close();
                throw e;
            }
            node = n;
            return null;
        }, false);
    }

    @Override
    public Future<Void> stop() {
        ChainNode n = node;
        node = null;
        if (n == null || vertx == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            n.close();
            return null;
        }, false);
    }

    @Override
    public Future<ComponentHealth> health() {
        ChainNode n = node;
        if (n == null) {
            return Future.succeededFuture(ComponentHealth.down("not started"));
        }
        return Future.succeededFuture(health(n));
    }

    /** The health of {@code n} (see the class Javadoc). */
    static ComponentHealth health(ChainNode n) {
        List<ValidatorStatus> statuses = n.statuses();
        Set<Integer> local = n.settings().localValidators();
        JsonArray validators = new JsonArray();
        long height = 0;
        long view = 0;
        long lag = 0;
        boolean allRunning = statuses.size() == local.size();
        for (ValidatorStatus s : statuses) {
            allRunning &= s.running();
            height = Math.max(height, s.height());
            view = Math.max(view, s.view());
            lag = Math.max(lag, s.unanchoredEvents() + Math.max(0, s.feedLag()));
            JsonObject v = new JsonObject().put("id", s.id()).put("running", s.running()).put("height", s.height())
                    .put("view", s.view()).put("primary", s.primary()).put("viewChanging", s.viewChanging())
                    .put("unanchoredEvents", s.unanchoredEvents()).put("feedLag", s.feedLag())
                    .put("connectedPeers", new JsonArray(List.copyOf(s.connectedPeers())));
            if (s.failure() != null) {
                v.put("failure", s.failure());
            }
            validators.add(v);
        }
        JsonObject details = new JsonObject().put("chainId", n.settings().chainId()).put("height", height)
                .put("view", view).put("primary", n.roster() == null ? -1 : n.roster().validatorSet().primary(view))
                .put("lagEvents", lag).put("validators", validators);
        details.mergeIn(n.evidenceDetails());
        ChainPublisher p = n.publisher();
        if (p != null) {
            details.put("publisher", new JsonObject().put("state", p.state())
                    .put("publishedHeight", p.publishedHeight()).put("publishedView", p.publishedView()));
        }
        if (!allRunning) {
            details.put("reason", "a local validator is not running");
            return new ComponentHealth(ComponentHealth.Status.DOWN, details);
        }
        long known = Math.max(height, Math.max(n.blocksTopicHeight(), p == null ? 0 : p.publishedHeight()));
        JsonObject behind = new JsonObject();
        for (ValidatorStatus s : statuses) {
            if (known - s.height() > CATCH_UP_LAG_BLOCKS) {
                behind.put("validator-" + s.id(), known - s.height());
            }
        }
        if (!n.latchCaughtUp(behind.isEmpty())) {
            details.put("reason", "catching up: validators " + behind.fieldNames() + " more than "
                    + CATCH_UP_LAG_BLOCKS + " blocks below height " + known)
                    .put("catchUp", new JsonObject().put("knownHeight", known).put("blocksBehind", behind));
            return new ComponentHealth(ComponentHealth.Status.CATCHING_UP, details);
        }
        return ComponentHealth.up(details);
    }

    /**
     * Mounts the evidence API ({@link EvidenceRoutes}) behind the node's shared API security: the registry service's
     * when the registry runs on this node, otherwise the node's own (the node makes one from the identity topic and
     * the CA certificates whenever it serves an API without the registry). When the node serves no API, or no
     * evidence ({@code evidence: false}, no Kafka), no route is mounted (logged); the validators run regardless.
     */
    @Override
    public void mountRoutes(Router router) {
        ChainNode n = node;
        EvidenceService evidence = n == null ? null : n.evidence();
        ApiSecurity security = vertx == null ? null : ApiSecurity.shared(vertx, () -> null);
        if (evidence == null || security == null) {
            LOG.warn("evidence routes not mounted: {}", n == null ? "not started" : evidence == null
                    ? "this node serves no evidence" : "no API security on this node (it serves no API)");
            return;
        }
        routes = new SecureRouter(router, security);
        EvidenceRoutes.mount(routes, vertx, evidence);
    }

    /** The routes {@link #mountRoutes} mounted, with their access rules (empty if none). */
    public List<SecureRouter.Mounted> routes() {
        SecureRouter r = routes;
        return r == null ? List.of() : r.mounted();
    }

    /** The running node (tests). */
    ChainNode node() {
        return node;
    }
}
