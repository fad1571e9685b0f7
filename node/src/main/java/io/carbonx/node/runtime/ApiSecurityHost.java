package io.carbonx.node.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.AuthRoutes;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.registry.service.RegistryConfig;
import io.carbonx.registry.service.StandaloneApiSecurity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every node the API's authentication, whichever services it runs. After the services started:
 * <ul>
 *   <li>the registry runs here: it created the node's {@link ApiSecurity} (and mounts the login routes); nothing
 *       else to do;</li>
 *   <li>otherwise, if the consortium CA certificates are at hand ({@code services.registry.caCertificatesDir}, else
 *       the registry's CA directory under this node's data directory): a {@link StandaloneApiSecurity} following
 *       the identity topic becomes the node's {@link ApiSecurity}, this class mounts the login routes
 *       ({@code /api/v1/auth/*}) and reports health component {@value #COMPONENT};</li>
 *   <li>otherwise the node serves no authenticated route (logged): services that need API security mount
 *       nothing.</li>
 * </ul>
 * Tokens are HMAC'd with {@code services.registry.tokenKeyBase64}, which every node of a split deployment must
 * share (the configuration loader requires it there).
 */
final class ApiSecurityHost implements AutoCloseable {

    /** Health component name of a node-owned API security. */
    static final String COMPONENT = "api";
    private static final Logger LOG = LoggerFactory.getLogger(ApiSecurityHost.class);
    private static final String REGISTRY = "registry";

    private final Vertx vertx;
    private final StandaloneApiSecurity owned;

    private ApiSecurityHost(Vertx vertx, StandaloneApiSecurity owned) {
        this.vertx = vertx;
        this.owned = owned;
    }

    /**
     * Ensures the node's API security (see the class comment). Blocking.
     *
     * @throws IllegalStateException when the CA certificates are configured but missing or unreadable
     */
    static ApiSecurityHost start(Vertx vertx, NodeConfig config, String bootstrapServers, KafkaClientTracker tracker) {
        if (ApiSecurity.shared(vertx, () -> null) != null) {
            return new ApiSecurityHost(vertx, null); // the registry service runs here and made it
        }
        if (!config.services().containsKey(REGISTRY)) {
            LOG.info("No API security: the registry module is not on the classpath");
            return new ApiSecurityHost(vertx, null);
        }
        RegistryConfig registry = RegistryConfig.of(config.serviceConfig(REGISTRY));
        Path caDir = caDir(config, registry);
        boolean configured = !registry.caCertificatesDir().isBlank();
        if (configured && !StandaloneApiSecurity.hasCaCertificates(caDir)) {
            throw new IllegalStateException("services.registry.caCertificatesDir " + caDir + " does not hold the"
                    + " consortium CA certificates (root-ca.pem and issuing-ca.pem)");
        }
        if (!StandaloneApiSecurity.hasCaCertificates(caDir)) {
            LOG.info("No API security on this node: the registry does not run here and {} holds no consortium CA "
                    + "certificates (set services.registry.caCertificatesDir to serve the API)", caDir);
            return new ApiSecurityHost(vertx, null);
        }
        StandaloneApiSecurity security;
        try {
            security = StandaloneApiSecurity.start(registry, caDir, new KafkaClients(bootstrapServers),
                    config.nodeId(), tracker, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("API security: " + e.getMessage(), e);
        }
        ApiSecurity.shared(vertx, security::security);
        LOG.info("API security without the registry: participants from {}, trusting the CA certificates in {}, "
                + "token key {}", registry.topics().identity(), caDir, registry.tokenKeyBase64().isBlank()
                ? "random (tokens are good on this node only)" : "services.registry.tokenKeyBase64 (shared)");
        return new ApiSecurityHost(vertx, security);
    }

    private static Path caDir(NodeConfig config, RegistryConfig registry) {
        String configured = registry.caCertificatesDir().strip();
        return configured.isEmpty() ? config.dataDir().resolve("services").resolve(REGISTRY).resolve("ca")
                : Path.of(configured).toAbsolutePath().normalize();
    }

    /** Mounts the login routes when this node owns its API security (the registry mounts them otherwise). */
    void mountRoutes(Router router) {
        if (owned != null) {
            AuthRoutes.mount(new SecureRouter(router, owned.security()));
        }
    }

    /** Whether this node made its own API security (the registry runs elsewhere). */
    boolean owned() {
        return owned != null;
    }

    /** The health probe of a node-owned API security, if this node owns one. */
    Optional<Supplier<Future<ComponentHealth>>> health() {
        return owned == null ? Optional.empty() : Optional.of(() -> Future.succeededFuture(owned.health()));
    }

    @Override
    public void close() {
        if (owned != null) {
            ApiSecurity.release(vertx);
            owned.close();
        }
    }
}
