package io.carbonx.node.demo;

import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.Identity;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Session;
import io.carbonx.node.client.SignedRequests;
import io.vertx.core.json.JsonObject;
import java.util.function.LongFunction;
import org.apache.avro.specific.SpecificRecord;

/**
 * One participant the demo plays: its local profile ({@link Identity}: key, certificate, sequence counter) and a
 * logged-in {@link Session}, renewed a minute before the token expires (or at once after a 401). Signed requests
 * of one actor are numbered and sent under the actor's lock, so they reach the gateway in sequence order.
 */
public final class Actor {

    private static final long RENEW_BEFORE_MS = 60_000;

    private final String legalName;
    private final String role;
    private final Identity identity;
    private final NodeClient client;
    private Session session;

    /**
     * @param legalName the participant's legal name
     * @param role      its certified role
     * @param identity  its opened profile (registered: the participant id is known)
     * @param client    the node
     */
    public Actor(String legalName, String role, Identity identity, NodeClient client) {
        this.legalName = legalName;
        this.role = role;
        this.identity = identity;
        this.client = client;
    }

    /** The participant id. */
    public String id() {
        return identity.profile().requireParticipantId();
    }

    /** The legal name. */
    public String legalName() {
        return legalName;
    }

    /** The role. */
    public String role() {
        return role;
    }

    /** Logs in (again) and returns the session. */
    public synchronized Session login() {
        session = identity.login(client);
        return session;
    }

    private synchronized Session session() {
        if (session == null || session.expiresAtMs() - System.currentTimeMillis() < RENEW_BEFORE_MS) {
            login();
        }
        return session;
    }

    /** The chain id the node's challenge named. */
    public String chainId() {
        return session().chainId();
    }

    /** GET with this actor's token (one renewal and retry after a 401). */
    public ApiResponse get(String path) {
        ApiResponse r = session().get(path);
        if (r.status() == 401) {
            r = login().get(path);
        }
        return r;
    }

    /** GET accepting {@code accept}. */
    public ApiResponse get(String path, String accept) {
        ApiResponse r = session().get(path, accept);
        if (r.status() == 401) {
            r = login().get(path, accept);
        }
        return r;
    }

    /** POST JSON with this actor's token (one renewal and retry after a 401). */
    public ApiResponse post(String path, JsonObject body) {
        ApiResponse r = session().post(path, body);
        if (r.status() == 401) {
            r = login().post(path, body);
        }
        return r;
    }

    /** POST that must succeed; the failure names {@code action}. */
    public JsonObject call(String action, String path, JsonObject body) {
        return post(path, body).requireOk(action).json();
    }

    /**
     * Numbers, signs and posts a signed request in one step under this actor's lock.
     *
     * @param path    the endpoint
     * @param request builds the request for a sequence number
     * @param serial  send the certificate serial (order entry asks for it)
     * @return the answer (not checked)
     */
    public synchronized ApiResponse signed(String path, LongFunction<SpecificRecord> request, boolean serial) {
        Session s = session();
        long sequence = identity.sequence().reserve(null, false);
        JsonObject body = SignedRequests.body(request.apply(sequence), identity.signer(),
                serial ? identity.certificateSerial() : null);
        ApiResponse r = s.post(path, body);
        if (r.status() == 401) {
            r = login().post(path, body);
        }
        return r;
    }

    /** The signature of this actor over {@code bytes}. */
    public byte[] sign(byte[] bytes) {
        return identity.signer().sign(bytes);
    }

    /** The serial of this actor's current certificate. */
    public String certificateSerial() {
        return identity.certificateSerial();
    }

    /** A failure of a step this actor took. */
    public ClientException failure(String what) {
        return ClientException.of(ClientException.Kind.FAILURE, legalName + " (" + id() + "): " + what);
    }

    @Override
    public String toString() {
        return legalName + " (" + id() + ")";
    }
}
