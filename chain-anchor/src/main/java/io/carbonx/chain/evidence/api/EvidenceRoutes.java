package io.carbonx.chain.evidence.api;

import io.carbonx.chain.evidence.Caller;
import io.carbonx.chain.evidence.EvidenceAccessDeniedException;
import io.carbonx.chain.evidence.EvidenceAccessPolicy;
import io.carbonx.chain.evidence.EvidenceException;
import io.carbonx.chain.evidence.EvidenceService;
import io.carbonx.chain.evidence.EvidenceSubject;
import io.carbonx.events.Role;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.Principal;
import io.carbonx.registry.api.auth.SecureRouter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence API: one {@code GET} per subject kind, answering the subject's evidence bundle as
 * {@code application/zip} (format: {@code chain-anchor/docs/evidence-bundle.md}). Mounted through the node's
 * {@link SecureRouter}: a bearer token is required and only COURT, ARBITRATOR and REGULATOR callers pass
 * ({@link EvidenceAccessPolicy#ALLOWED}); every other route rule is the router's deny by default.
 *
 * <pre>
 *   GET /api/v1/evidence/trades/{tradeId}
 *   GET /api/v1/evidence/orders/{orderId}
 *   GET /api/v1/evidence/defaults/{defaultId}
 *   GET /api/v1/evidence/penalties/{penaltyId}
 *   GET /api/v1/evidence/participants/{participantId}?from={ms}&amp;to={ms}   (logical time, [from, to);
 *       from defaults to 0, to to Long.MAX_VALUE)
 * </pre>
 *
 * <p>Answers: {@code 200} with the bundle, verified by the server against the consortium root before it is sent
 * ({@code X-Carbonx-Bundle-Sha256}, {@code Content-Disposition: attachment}). Problems
 * ({@code application/problem+json}, {@code reasonCode}): {@code 401} TOKEN_* / CERTIFICATE_* (no valid token);
 * {@code 403} ROLE_NOT_PERMITTED (ENTERPRISE, VERIFIER, EXCHANGE); {@code 400} INVALID_SUBJECT_ID,
 * INVALID_PERIOD; {@code 404} SUBJECT_NOT_FOUND (no anchored event mentions it and none waits in the log);
 * {@code 409} NOT_YET_ANCHORED (an event about it is in the log but not yet in a committed block) or
 * NOT_YET_TIMESTAMPED (it is in a committed block not yet covered by a time-stamp), both with {@code Retry-After};
 * {@code 422} TOO_LARGE (narrow the period); {@code 500} SOURCE_INCONSISTENT or BUNDLE_NOT_VERIFIED (the server
 * will not hand out a bundle its own verifier rejects).
 */
public final class EvidenceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceRoutes.class);
    /** The path prefix. */
    public static final String PREFIX = "/api/v1/evidence";

    private EvidenceRoutes() {
    }

    /** Mounts the five routes on {@code routes}; bundles are built on worker threads of {@code vertx}. */
    public static void mount(SecureRouter routes, Vertx vertx, EvidenceService service) {
        Access access = Access.roles(Role.COURT, Role.ARBITRATOR, Role.REGULATOR);
        routes.get(PREFIX + "/trades/:tradeId", access,
                ctx -> answer(ctx, vertx, service, EvidenceSubject::trade, "tradeId"));
        routes.get(PREFIX + "/orders/:orderId", access,
                ctx -> answer(ctx, vertx, service, EvidenceSubject::order, "orderId"));
        routes.get(PREFIX + "/defaults/:defaultId", access,
                ctx -> answer(ctx, vertx, service, EvidenceSubject::defaultCase, "defaultId"));
        routes.get(PREFIX + "/penalties/:penaltyId", access,
                ctx -> answer(ctx, vertx, service, EvidenceSubject::penalty, "penaltyId"));
        routes.get(PREFIX + "/participants/:participantId", access, ctx -> {
            long from;
            long to;
            try {
                from = period(ctx, "from", 0);
                to = period(ctx, "to", Long.MAX_VALUE);
            } catch (NumberFormatException e) {
                Problems.send(ctx, 400, "INVALID_PERIOD", "from and to are logical times in ms (0 <= from < to)");
                return;
            }
            if (from < 0 || from >= to) {
                Problems.send(ctx, 400, "INVALID_PERIOD", "need 0 <= from < to, got from=" + from + " to=" + to);
                return;
            }
            answer(ctx, vertx, service, id -> EvidenceSubject.participant(id, from, to), "participantId");
        });
    }

    private static long period(RoutingContext ctx, String name, long absent) {
        String v = ctx.request().getParam(name);
        return v == null || v.isEmpty() ? absent : Long.parseLong(v);
    }

    private static void answer(RoutingContext ctx, Vertx vertx, EvidenceService service,
                               Function<String, EvidenceSubject> subjectOf, String param) {
        String id = ctx.pathParam(param);
        if (id == null || !EvidenceSubject.validId(id)) {
            Problems.send(ctx, 400, "INVALID_SUBJECT_ID", param + " must be 1..200 printable ASCII characters "
                    + "without spaces");
            return;
        }
        EvidenceSubject subject = subjectOf.apply(id);
        Principal p = ApiSecurity.principal(ctx);
        Caller caller = new Caller(p.participantId(), p.role());
        vertx.executeBlocking(() -> service.retrieve(caller, subject), false).onComplete(r -> {
            if (r.succeeded()) {
                send(ctx, r.result());
            } else {
                fail(ctx, subject, r.cause());
            }
        });
    }

    private static void send(RoutingContext ctx, EvidenceService.RetrievedBundle b) {
        if (!b.verification().valid()) {
            LOG.error("evidence bundle about {} failed the server's own verification: {}", b.subject(),
                    b.verification().failures());
            Problems.send(ctx, 500, "BUNDLE_NOT_VERIFIED", "the bundle failed the server's verification: "
                    + b.verification().failures().stream().map(Object::toString).collect(Collectors.joining("; ")));
            return;
        }
        ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
                .putHeader("Content-Disposition", "attachment; filename=\"" + b.fileName() + "\"")
                .putHeader("X-Carbonx-Bundle-Sha256", b.sha256())
                .putHeader("X-Carbonx-Bundle-Events", Integer.toString(b.verification().eventCount()))
                .putHeader("X-Carbonx-Bundle-Latest-Height", Long.toString(b.verification().latestHeight()))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(b.zip()));
    }

    private static void fail(RoutingContext ctx, EvidenceSubject subject, Throwable cause) {
        if (cause instanceof EvidenceAccessDeniedException denied) {
            Problems.send(ctx, 403, "EVIDENCE_ACCESS_DENIED", denied.getMessage());
            return;
        }
        if (!(cause instanceof EvidenceException e)) {
            LOG.error("evidence bundle about {} could not be built", subject, cause);
            Problems.send(ctx, 500, "INTERNAL_ERROR", "the bundle could not be built: " + cause);
            return;
        }
        String detail = e.detail();
        switch (e.reason()) {
            case SUBJECT_NOT_FOUND -> Problems.send(ctx, 404, e.reason().name(), detail);
            case NOT_YET_ANCHORED, NOT_YET_TIMESTAMPED -> {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
                Problems.send(ctx, 409, e.reason().name(), detail);
            }
            case TOO_LARGE -> Problems.send(ctx, 422, e.reason().name(), detail);
            default -> {
                LOG.error("evidence bundle about {} could not be built: {}", subject, e.getMessage());
                Problems.send(ctx, 500, e.reason().name(), detail);
            }
        }
    }
}
