package io.carbonx.node.console;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.service.RegistryService;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node adds to its router for the web console: the console's files ({@link ConsoleRoutes}, always) and the
 * evidence verification endpoint ({@link EvidenceVerificationRoute}) when this node runs the registry, whose CA root
 * is the consortium root the endpoint trusts and whose API security authenticates the caller. Call it before the
 * services mount their routes (the endpoint has its own body limit).
 */
public final class NodeConsole {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConsole.class);

    private NodeConsole() {
    }

    /**
     * Mounts the console on {@code router}.
     *
     * @param router   the node's router
     * @param vertx    the node's Vert.x
     * @param services the started services
     * @return true when the evidence verification endpoint was mounted too
     */
    public static boolean mount(Router router, Vertx vertx, List<CarbonxService> services) {
        ConsoleRoutes.mount(router, ConsoleAssets.load());
        ApiSecurity security = ApiSecurity.shared(vertx, () -> null);
        Optional<X509Certificate> root = consortiumRoot(services);
        if (security == null || root.isEmpty()) {
            LOG.info("Web console at {} (no evidence verification endpoint: the registry does not run on this node)",
                    ConsoleRoutes.PREFIX);
            return false;
        }
        new EvidenceVerificationRoute(root.get()).mount(router, vertx, security);
        LOG.info("Web console at {}; evidence verification at {} against root {}", ConsoleRoutes.PREFIX,
                EvidenceVerificationRoute.PATH, root.get().getSubjectX500Principal().getName());
        return true;
    }

    /** The registry CA's root certificate, if the registry runs among {@code services}. */
    static Optional<X509Certificate> consortiumRoot(List<CarbonxService> services) {
        for (CarbonxService service : services) {
            if (service instanceof RegistryService registry && registry.components() != null
                    && !registry.components().caCertificates().isEmpty()) {
                return Optional.of(registry.components().caCertificates().get(0));
            }
        }
        return Optional.empty();
    }
}
