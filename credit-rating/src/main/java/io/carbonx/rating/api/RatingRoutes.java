package io.carbonx.rating.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.carbonx.events.Role;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.Principal;
import io.carbonx.registry.api.auth.SecureRouter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts the {@link RatingApi} handlers on the node's router behind the registry's API security (bearer tokens
 * obtained by signing a challenge with a registry-issued certificate's key; deny by default):
 *
 * <table>
 *   <caption>Routes, in mount order</caption>
 *   <tr><th>route</th><th>{@link Access} rule</th></tr>
 *   <tr><td>{@code GET /api/v1/ratings}</td><td>the see-all roles of the {@link RatingAccessPolicy}</td></tr>
 *   <tr><td>{@code GET /api/v1/ratings/policy}</td><td>any authenticated participant</td></tr>
 *   <tr><td>{@code GET /api/v1/ratings/:participantId}</td><td>the participant itself (any role), or a see-all
 *       role</td></tr>
 *   <tr><td>{@code GET /api/v1/ratings/:participantId/history}</td><td>the same</td></tr>
 * </table>
 *
 * <p>The access rules are derived from the same {@link RatingAccessPolicy} the handlers check, so the security layer
 * and the handlers cannot disagree; over HTTP the refusals therefore come from the security layer:
 * 401 {@code TOKEN_*}/{@code CERTIFICATE_*}/{@code UNKNOWN_PARTICIPANT}, 403 {@code NOT_OWN_DATA} (another
 * participant's rating) or {@code ROLE_NOT_PERMITTED} (the list without a see-all role). The handlers then answer
 * 400 {@code INVALID_PARTICIPANT_ID} and 404 {@code RATING_NOT_FOUND}. Every refusal is
 * {@code application/problem+json} with a {@code reasonCode} and changes nothing (the routes only read).
 */
public final class RatingRoutes {

    /** The path parameter naming the rated participant. */
    public static final String PARTICIPANT = "participantId";

    private RatingRoutes() {
    }

    /**
     * @param routes the node's secure router
     * @param api    the handlers (their access policy sets the rules)
     */
    public static void mount(SecureRouter routes, RatingApi api) {
        Objects.requireNonNull(api, "api");
        Set<Role> seeAll = api.access().seeAll();
        Access list = new Access(true, seeAll, null, Set.of());
        Access selfOrSeeAll = new Access(true, seeAll, PARTICIPANT, EnumSet.allOf(Role.class));
        routes.get("/api/v1/ratings", list, ctx -> respond(ctx, api.list(caller(ctx))));
        routes.get("/api/v1/ratings/policy", Access.anyParticipant(), ctx -> respond(ctx, api.policy(caller(ctx))));
        routes.get("/api/v1/ratings/:" + PARTICIPANT, selfOrSeeAll,
                ctx -> respond(ctx, api.current(caller(ctx), ctx.pathParam(PARTICIPANT))));
        routes.get("/api/v1/ratings/:" + PARTICIPANT + "/history", selfOrSeeAll,
                ctx -> respond(ctx, api.history(caller(ctx), ctx.pathParam(PARTICIPANT))));
    }

    private static Caller caller(RoutingContext ctx) {
        Principal p = ApiSecurity.principal(ctx);
        return new Caller(p.participantId(), p.role());
    }

    private static void respond(RoutingContext ctx, ApiResponse r) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(r.status()).putHeader(HttpHeaders.CONTENT_TYPE, r.contentType())
                .end(r.body().encode());
    }
}
