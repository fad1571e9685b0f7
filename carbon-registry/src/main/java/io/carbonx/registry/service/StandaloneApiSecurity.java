package io.carbonx.registry.service;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.directory.IdentityTopicFollower;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.registry.log.LogFollower;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API security of a node on which the registry service does not run (a gateway, exchange, rating or validator
 * process): the same {@link ApiSecurity} the registry builds — challenge-signed logins, bearer tokens under the
 * deployment's shared key ({@code services.registry.tokenKeyBase64}), challenges bound to
 * {@code services.registry.chainId} — over a {@link ParticipantDirectory} of its own that follows the registry's
 * identity topic from the beginning and trusts only the consortium CA certificates read from
 * {@code services.registry.caCertificatesDir} ({@link CaStore#ROOT_CERT}, {@link CaStore#ISSUING_CERT}; never
 * from the topic). Revocations reach it with their CRL on the same topic. A token issued by any node with the
 * same key is accepted here, and one issued here everywhere.
 *
 * <p>Challenges are held per process: a login's challenge and token requests must reach the same node (sticky
 * sessions behind a load balancer); the token itself is then good on every node.
 */
public final class StandaloneApiSecurity implements AutoCloseable {
    private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(60);

    private final ApiSecurity security;
    private final LogFollower identity;
    private final Path caDir;

    private StandaloneApiSecurity(ApiSecurity security, LogFollower identity, Path caDir) {
        this.security = security;
        this.identity = identity;
        this.caDir = caDir;
    }

    /**
     * Reads the CA certificates, starts following the identity topic (returns once positioned) and builds the
     * security. Blocking: call it off the event loop.
     *
     * @param config  the registry's section ({@code services.registry}) as every node has it
     * @param caDir   the directory holding {@code root-ca.pem} and {@code issuing-ca.pem}
     * @param clients the cluster's clients
     * @param nodeId  the node's id (client id of the follower)
     * @param tracker registers the follower's consumer metrics
     * @param clock   token and challenge expiry
     * @return the running component
     * @throws IllegalArgumentException when the CA certificates cannot be read or the token key is unusable
     */
    public static StandaloneApiSecurity start(RegistryConfig config, Path caDir, KafkaClients clients, String nodeId,
                                              KafkaClientTracker tracker, Clock clock) {
        List<X509Certificate> ca = readCaCertificates(caDir);
        ParticipantDirectory directory = ParticipantDirectory.trusting(ca.get(0), List.of(ca.get(1)));
        ApiSecurity security = SecurityFactory.create(config, directory, clock);
        String prefix = config.topics().prefix();
        LogFollower follower = IdentityTopicFollower.start(clients, "carbonx-api-identity"
                + (prefix.isEmpty() ? "" : "-" + prefix) + "-" + nodeId, config.topics().identity(), directory,
                tracker, FOLLOW_TIMEOUT);
        return new StandaloneApiSecurity(security, follower, caDir);
    }

    /**
     * @param dir a CA directory (the registry's own, or a copy of its public files)
     * @return true when it holds both the root and the issuing CA certificate
     */
    public static boolean hasCaCertificates(Path dir) {
        return Files.isRegularFile(dir.resolve(CaStore.ROOT_CERT))
                && Files.isRegularFile(dir.resolve(CaStore.ISSUING_CERT));
    }

    /**
     * @param dir a CA directory
     * @return its root certificate, then its issuing CA certificate
     * @throws IllegalArgumentException naming the file that is missing or unreadable
     */
    public static List<X509Certificate> readCaCertificates(Path dir) {
        return List.of(read(dir.resolve(CaStore.ROOT_CERT)), read(dir.resolve(CaStore.ISSUING_CERT)));
    }

    private static X509Certificate read(Path file) {
        try {
            return Certificates.fromDer(Pem.decodeSingle(Files.readString(file, StandardCharsets.US_ASCII),
                    Set.of(Pem.CERTIFICATE)));
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the consortium CA certificate " + file + ": " + e, e);
        }
    }

    /** @return the security the node's services mount their routes behind */
    public ApiSecurity security() {
        return security;
    }

    /**
     * @return DOWN when the identity follower stopped; CATCHING_UP until it has read the identity topic up to the end
     *     offsets observed at start (until then tokens of recently registered participants may be refused); else UP;
     *     details: the participants known, whether the follower has caught up, and the CA directory trusted
     */
    public ComponentHealth health() {
        JsonObject details = new JsonObject().put("participants", security.directory().participants().size())
                .put("identityCaughtUp", identity.isCaughtUp()).put("caCertificatesDir", caDir.toString())
                .put("chainId", security.chainId());
        if (!identity.isRunning()) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason", "identity follower stopped"));
        }
        return ComponentHealth.catchingUp(details, Map.of("directory", identity.progress()))
                .orElseGet(() -> ComponentHealth.up(details));
    }

    /** @return the CA directory trusted */
    public Path caDir() {
        return caDir;
    }

    @Override
    public void close() {
        identity.close();
    }
}
