package io.carbonx.node.console;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import io.carbonx.chain.evidence.Check;
import io.carbonx.chain.evidence.EvidenceVerifier;
import io.carbonx.chain.evidence.VerificationReport;
import io.carbonx.events.Role;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /api/v1/evidence-verifications}: runs chain-anchor's offline {@link EvidenceVerifier} on an uploaded
 * evidence bundle against the consortium root certificate this node trusts, and answers the report, so the
 * console can show a court what was checked. Verifying changes nothing and stores nothing.
 *
 * <p>Request: bearer token of a COURT, ARBITRATOR or REGULATOR (401 / 403 ROLE_NOT_PERMITTED otherwise; the token is
 * checked before the body is read); body: the bundle's bytes, {@code Content-Type: application/zip} (or
 * {@code application/octet-stream}), at most {@value #MAX_BUNDLE_BYTES} bytes (413).
 *
 * <p>Answers: {@code 200} {@code {"valid", "subject", "eventCount", "latestHeight", "bundleSha256", "trustedRoot":
 * {"subject", "sha256"}, "passed", "failed", "checks": [{"name", "passed", "reason", "detail"}], "report"}} for every
 * bundle the verifier could look at, valid or not (an invalid bundle is a finding, not a bad request);
 * {@code 400} EMPTY_BUNDLE; {@code 415} UNSUPPORTED_MEDIA_TYPE. The node's verdict is a convenience: the
 * independent path is {@code carbonx evidence verify} (or the OpenSSL procedure) with a root the court holds, whose
 * SHA-256 it can compare with {@code trustedRoot.sha256}.
 */
public final class EvidenceVerificationRoute {

    /** The path. */
    public static final String PATH = "/api/v1/evidence-verifications";
    /** Largest bundle accepted (a participant/period bundle holds at most 10 000 events). */
    public static final long MAX_BUNDLE_BYTES = 64L * 1024 * 1024;
    /** Who may call it. */
    public static final Access ACCESS = Access.roles(Role.COURT, Role.ARBITRATOR, Role.REGULATOR);

    private final EvidenceVerifier verifier = new EvidenceVerifier();
    private final X509Certificate trustedRoot;
    private final JsonObject rootJson;

    /** A route verifying against {@code trustedRoot}. */
    public EvidenceVerificationRoute(X509Certificate trustedRoot) {
        this.trustedRoot = Objects.requireNonNull(trustedRoot, "trustedRoot");
        this.rootJson = new JsonObject().put("subject", trustedRoot.getSubjectX500Principal().getName())
                .put("sha256", sha256(der(trustedRoot)));
    }

    /**
     * Mounts the route: authentication and role check first, then the body (up to {@value #MAX_BUNDLE_BYTES}),
     * then verification on a worker thread. Mount it before the node's generic {@code /api/*} body handler.
     */
    public void mount(Router router, Vertx vertx, ApiSecurity security) {
        // Two routes: Vert.x wants a body handler first on its route, and the caller is checked before any byte is read.
        router.post(PATH).handler(security.authenticate()).handler(ApiSecurity.authorise(ACCESS));
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BUNDLE_BYTES))
                .handler(ctx -> verify(ctx, vertx));
    }

    private void verify(RoutingContext ctx, Vertx vertx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/zip") && !media.equals("application/octet-stream")) {
            Problems.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send the bundle's bytes as application/zip");
            return;
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            Problems.send(ctx, 400, "EMPTY_BUNDLE", "the request carries no bundle");
            return;
        }
        byte[] bundle = body.getBytes();
        vertx.executeBlocking(() -> report(bundle), false).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(ar.result().encode());
            } else {
                Problems.send(ctx, 500, "VERIFICATION_FAILED", "the verifier failed: " + ar.cause());
            }
        });
    }

    /** The JSON report of verifying {@code bundle} against the trusted root. */
    JsonObject report(byte[] bundle) {
        VerificationReport report = verifier.verify(bundle, trustedRoot);
        JsonArray checks = new JsonArray();
        for (Check c : report.checks()) {
            checks.add(new JsonObject().put("name", c.name()).put("passed", c.passed())
                    .put("reason", c.reason() == null ? null : c.reason().name()).put("detail", c.detail()));
        }
        int failed = report.failures().size();
        return new JsonObject().put("valid", report.valid()).put("subject", report.subject())
                .put("eventCount", report.eventCount()).put("latestHeight", report.latestHeight())
                .put("bundleSha256", sha256(bundle)).put("trustedRoot", rootJson.copy())
                .put("passed", report.checks().size() - failed).put("failed", failed).put("checks", checks)
                .put("report", report.render());
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the trusted root does not encode", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
