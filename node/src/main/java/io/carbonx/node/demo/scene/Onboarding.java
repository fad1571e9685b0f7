package io.carbonx.node.demo.scene;

import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.Identity;
import io.carbonx.node.client.KeyFiles;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Profile;
import io.carbonx.node.client.ProfileStore;
import io.carbonx.node.client.Registration;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DemoException;
import io.carbonx.node.demo.EnterpriseSpec;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Identity: the node's bootstrap regulator is adopted from the registry CA's files (as {@code carbonx profile
 * import} does); every other participant makes a fresh EC P-256 key and a CSR, registers with its role (open
 * endpoint), is approved by the regulator (the CA issues its certificate and the registry opens its account), then
 * logs in by signing the node's challenge and fetches its certificate.
 */
public final class Onboarding {

    private final NodeClient client;
    private final ProfileStore store;
    private final ExecutorService pool;
    private final Progress progress;

    /**
     * @param client   the node
     * @param store    where the demo keeps its participants' profiles
     * @param pool     runs registrations and logins in parallel
     * @param progress progress lines
     */
    public Onboarding(NodeClient client, ProfileStore store, ExecutorService pool, Progress progress) {
        this.client = client;
        this.store = store;
        this.pool = pool;
        this.progress = progress;
    }

    /**
     * Brings everyone in.
     *
     * @param caDir        the registry's CA directory (bootstrap key and certificate)
     * @param caPassphrase its passphrase
     * @param specs        the enterprises
     */
    public Cast run(Path caDir, char[] caPassphrase, List<EnterpriseSpec> specs) {
        Actor regulator = regulator(caDir, caPassphrase);
        progress.info("regulator %s logged in (the node's bootstrap identity, key from %s)", regulator.id(), caDir);
        List<String[]> wanted = new ArrayList<>();
        wanted.add(new String[] {"verifier", "Baltic Emissions Verification GmbH", "VERIFIER"});
        wanted.add(new String[] {"court", "Commercial Court of Hamburg", "COURT"});
        wanted.add(new String[] {"operator", "CarbonX Exchange Clearing AG", "EXCHANGE"});
        specs.forEach(s -> wanted.add(new String[] {s.profileName(), s.legalName(), "ENTERPRISE"}));
        List<Identity> registered = Waits.parallel(pool, wanted, w -> register(w[0], w[1], w[2]));
        progress.info("%d registrations submitted (EC P-256 keys, PKCS#10 CSRs)", registered.size());
        Waits.parallel(pool, registered, id -> regulator.call("approving " + id.profile().legalName(),
                "/api/v1/registrations/" + id.profile().participantId() + "/approve", null));
        progress.info("%d registrations approved by the regulator: certificates issued by the consortium CA,"
                + " accounts opened", registered.size());
        List<Actor> actors = Waits.parallel(pool, registered, this::loggedIn);
        progress.info("%d participants logged in by signing the node's challenge", actors.size());
        List<Cast.Enterprise> enterprises = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            enterprises.add(new Cast.Enterprise(specs.get(i), actors.get(i + 3)));
        }
        return new Cast(regulator, actors.get(0), actors.get(1), actors.get(2), enterprises);
    }

    private Actor regulator(Path caDir, char[] passphrase) {
        try {
            X509Certificate cert = Certificates.fromDer(Pem.decodeSingle(Files.readString(caDir.resolve(
                    CaStore.BOOTSTRAP_CERT)), Set.of(Pem.CERTIFICATE)));
            PrivateKey key = KeyFiles.readPrivateKey(Files.readString(caDir.resolve(CaStore.BOOTSTRAP_KEY)),
                    passphrase, CaStore.BOOTSTRAP_KEY);
            ParticipantIdentity id = ParticipantIdentity.of(cert);
            if (!store.exists("regulator")) {
                Profile p = store.create(new Profile("regulator", store.dir("regulator"), client.baseUrl(),
                        id.participantId(), id.role().name(), id.legalName(), cert.getSerialNumber().toString(16),
                        false), key, cert.getPublicKey(), null);
                store.saveCertificate(p, cert);
            }
            Actor regulator = new Actor(id.legalName(), id.role().name(), Identity.open(store, "regulator", null),
                    client);
            Waits.until("the registry knows its bootstrap regulator", Duration.ofSeconds(120), 500,
                    () -> regulator.login());
            return regulator;
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new DemoException("cannot adopt the bootstrap regulator from " + caDir + ": " + e.getMessage(), e);
        }
    }

    private Identity register(String name, String legalName, String role) {
        KeyPair keys = Registration.newKeyPair();
        if (store.exists(name)) {
            throw new DemoException("profile " + name + " exists in " + store.base() + "; the demo needs a fresh"
                    + " data directory");
        }
        Profile profile = store.create(new Profile(name, store.dir(name), client.baseUrl(), null, role, legalName,
                null, false), keys.getPrivate(), keys.getPublic(), null);
        byte[] csr = Registration.csr(keys, legalName);
        store.saveCsr(profile, csr);
        ApiResponse r = client.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", role).put("csr", Base64.getEncoder().encodeToString(csr)), null)
                .requireOk("registering " + legalName + " as " + role);
        String id = participantId(r.json().getJsonArray("events", new JsonArray()), legalName);
        store.save(profile.withParticipantId(id));
        return Identity.open(store, name, null);
    }

    private static String participantId(JsonArray events, String who) {
        for (int i = 0; i < events.size(); i++) {
            String id = events.getJsonObject(i).getString("participantId");
            if (id != null) {
                return id;
            }
        }
        throw new DemoException("the registration of " + who + " named no participant id: " + events.encode());
    }

    private Actor loggedIn(Identity identity) {
        Actor a = new Actor(identity.profile().legalName(), identity.profile().role(), identity, client);
        Waits.until(identity.profile().legalName() + " can log in", Duration.ofSeconds(120), 250, () -> {
            try {
                return a.login();
            } catch (ClientException e) {
                if (e.kind() == ClientException.Kind.DENIED) {
                    return null;
                }
                throw e;
            }
        });
        return a;
    }
}
