package io.carbonx.registry.service;

import io.carbonx.events.ClockTicked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.processing.ProcessorSettings;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.registry.api.ApiSupport;
import io.carbonx.registry.api.CommandCalls;
import io.carbonx.registry.api.CommandGateway;
import io.carbonx.registry.api.IdentityRoutes;
import io.carbonx.registry.api.LedgerCommandRoutes;
import io.carbonx.registry.api.ReadRoutes;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.AuthRoutes;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.directory.IdentityTopicFollower;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.registry.log.LogFollower;
import io.carbonx.registry.readmodel.RegistryReadModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry service on the node's seam: the CA (data in {@code <service dir>/ca}), the single-writer
 * exactly-once loop ({@link RegistryProcessor}), the read model and the participant directory (each following
 * its topic), the command gateway, the settlement clock (a {@code ClockTicked} on the commands topic every
 * {@code clockTickMs}), and the REST API ({@link #mountRoutes}). One registry runs per cluster: its
 * transactional id is fixed, so a second one fences the first.
 */
public final class RegistryService implements CarbonxService {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Clock clock;
    private final AtomicLong tickSequence = new AtomicLong();
    private RegistryConfig config;
    private RegistryComponents parts;
    private Vertx vertx;
    private long tickTimer = -1;
    private List<SecureRouter.Mounted> routes = List.of();

    /** The service as the node finds it (wall clock). */
    public RegistryService() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the clock of command times, ticks and token expiry (tests)
     */
    public RegistryService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public JsonObject defaultConfig() {
        return RegistryConfig.defaults();
    }

    @Override
    public List<ServiceTopic> topics() {
        return RegistryTopics.standard().serviceTopics();
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        this.vertx = vertx;
        this.config = RegistryConfig.of(context.config());
        return vertx.<Void>executeBlocking(() -> {
            parts = RegistryComponents.start(vertx, context, config, clock);
            return null;
        }).onSuccess(v -> {
            tick(); // also wakes the loop, which journals the CA's bootstrap identity on a first start
            if (config.clockTickMs() > 0) {
                tickTimer = vertx.setPeriodic(config.clockTickMs(), id -> tick());
            }
        });
    }

    @Override
    public void mountRoutes(Router router) {
        SecureRouter routes = new SecureRouter(router, parts.security());
        AuthRoutes.mount(routes);
        ApiSupport api = new ApiSupport(routes, new CommandCalls(parts.gateway(), clock), parts.reads());
        IdentityRoutes.mount(api, parts.caCertificates());
        LedgerCommandRoutes.mount(api);
        ReadRoutes.mount(api);
        RegistryStateRoute.mount(api, vertx, parts);
        this.routes = routes.mounted();
    }

    /** @return the routes {@link #mountRoutes} mounted, with their access rules */
    public List<SecureRouter.Mounted> routes() {
        return routes;
    }

    @Override
    public Future<Void> stop() {
        if (vertx == null) {
            return Future.succeededFuture();
        }
        if (tickTimer >= 0) {
            vertx.cancelTimer(tickTimer);
        }
        ApiSecurity.release(vertx);
        RegistryComponents p = parts;
        return p == null ? Future.succeededFuture() : vertx.<Void>executeBlocking(() -> {
            p.close();
            return null;
        });
    }

    @Override
    public Future<ComponentHealth> health() {
        RegistryComponents p = parts;
        if (p == null) {
            return Future.succeededFuture(ComponentHealth.down("not started"));
        }
        return Future.succeededFuture(p.health());
    }

    /** @return the running components (tests and tools) */
    public RegistryComponents components() {
        return parts;
    }

    private void tick() {
        long now = clock.millis();
        EventEnvelope envelope = EventEnvelope.newBuilder().setEventId("tick-" + UUID.randomUUID())
                .setType("ClockTicked").setCauseId(null).setLogicalTime(now)
                .setActor(DecisionContext.REGISTRY_ACTOR).build();
        parts.gateway().publish(ClockTicked.newBuilder().setEnvelope(envelope).setScope("settlement")
                .setTickSequence(tickSequence.incrementAndGet()).build());
    }

    /**
     * Opens the CA in {@code dir} (creating it on first start).
     *
     * @param dir    the CA directory
     * @param config the registry config
     * @param now    validity start of a CA created now
     * @return the identity service
     */
    static IdentityService openCa(Path dir, RegistryConfig config, Instant now) {
        try {
            return IdentityService.open(dir, config.caPassphrase(), config.identity(), now);
        } catch (IdentityStoreException e) {
            throw new IllegalStateException("cannot open the registry CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Everything the service runs, started and stopped together. */
    public record RegistryComponents(RegistryConfig config, KafkaClients clients, ExactlyOnceProcessor loop,
                                     RegistryProcessor processor, RegistryReadModel reads, LogFollower journal,
                                     ParticipantDirectory directory, LogFollower identity, CommandGateway gateway,
                                     ApiSecurity security, List<X509Certificate> caCertificates) {

        static RegistryComponents start(Vertx vertx, ServiceContext context, RegistryConfig config, Clock clock) {
            if (config.usesDevPassphrase()) {
                LOG.warn("services.registry.caPassphrase is the built-in development passphrase; set "
                        + "CARBONX_SERVICES_REGISTRY_CA_PASSPHRASE for anything but a demo");
            }
            Path caDir = context.dataDir().resolve("ca");
            IdentityService ca = openCa(caDir, config, clock.instant());
            List<X509Certificate> caCerts = List.of(ca.rootCertificate(), ca.issuingCertificate());
            LOG.info("registry CA in {}; bootstrap REGULATOR {} (key: {})", caDir,
                    ca.bootstrapRegistration().participantId(), caDir.resolve("bootstrap.key.pem"));
            KafkaClients clients = context.newKafkaClients();
            RegistryTopics topics = config.topics();
            String id = "carbonx-registry" + (topics.prefix().isEmpty() ? "" : "-" + topics.prefix());
            RegistryReadModel reads = new RegistryReadModel(config.ledger());
            LogFollower journal = new LogFollower(clients, id + "-journal-" + context.nodeId(), topics.journal(),
                    false, r -> reads.apply(JournalCodec.decode(r.value())), context.kafkaClients())
                    .start(READY_TIMEOUT);
            ParticipantDirectory directory = ParticipantDirectory.trusting(caCerts.get(0), List.of(caCerts.get(1)));
            LogFollower identity = IdentityTopicFollower.start(clients, id + "-identity-" + context.nodeId(),
                    topics.identity(), directory, context.kafkaClients(), READY_TIMEOUT);
            RegistryProcessor processor = new RegistryProcessor(() -> {
                RegistryState s = new RegistryState(new Ledger(config.ledger()), openCa(caDir, config, clock.instant()));
                JournalReplay.replay(clients, topics.journal(), s::apply);
                return s;
            }, topics, config.chainId());
            Duration interval = Duration.ofMillis(config.transactionIntervalMs());
            // static membership: a restarted registry takes its partitions back at once
            ProcessorSettings settings = ProcessorSettings.of(id, id, topics.inputs()).withGroupInstanceId(id)
                    .withTransactionBounds(500, interval).withPollTimeout(interval);
            ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, settings, processor, processor).start();
            awaitRebuilt(processor, loop);
            CommandGateway gateway = new CommandGateway(vertx, clients, topics.commands(), topics.replies(),
                    config.commandTimeoutMs(), context.kafkaClients(), id + "-" + context.nodeId()).start();
            ApiSecurity security = ApiSecurity.shared(vertx, () -> SecurityFactory.create(config, directory, clock));
            return new RegistryComponents(config, clients, loop, processor, reads, journal, directory, identity,
                    gateway, security, caCerts);
        }

        private static void awaitRebuilt(RegistryProcessor processor, ExactlyOnceProcessor loop) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (processor.status().entries() < 0) {
                if (loop.state() != ExactlyOnceProcessor.State.RUNNING || System.nanoTime() > deadline) {
                    loop.close();
                    throw new IllegalStateException("the registry loop did not rebuild its state: " + loop.state()
                            + " " + loop.failure().map(Throwable::toString).orElse(""));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }

        ComponentHealth health() {
            JsonObject details = RegistryStatus.of(processor.status(), reads)
                    .put("loop", loop.state().name()).put("loopStats", loop.stats().toString())
                    .put("participants", directory.participants().size()).put("commandsInFlight", gateway.inFlight());
            if (loop.state() != ExactlyOnceProcessor.State.RUNNING) {
                return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason", "exactly-once loop "
                        + loop.state() + " " + loop.failure().map(Throwable::toString).orElse("")));
            }
            if (!journal.isRunning() || !identity.isRunning()) {
                return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason", "a follower stopped"));
            }
            if (Boolean.FALSE.equals(details.getBoolean("consistent"))) {
                return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason",
                        "replay check failed: the read model's state hash differs from the live one"));
            }
            return ComponentHealth.catchingUp(details, Map.of("readModel", journal.progress(),
                    "directory", identity.progress(), "loop", loop.catchUp()))
                    .orElseGet(() -> ComponentHealth.up(details));
        }

        void close() {
            gateway.close();
            loop.close();
            journal.close();
            identity.close();
        }
    }
}
