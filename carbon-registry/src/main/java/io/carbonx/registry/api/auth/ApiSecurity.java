package io.carbonx.registry.api.auth;

import io.carbonx.events.Role;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.directory.Participant;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.registry.identity.ValidationResult;
import io.carbonx.registry.identity.ValidationStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The API's one authentication mechanism, for every module that serves routes: short-lived bearer tokens
 * ({@link TokenService}) obtained by signing a challenge ({@link ChallengeStore}, {@link AuthRoutes}) with the
 * key of a registry-issued certificate, and checked on every request against the {@link ParticipantDirectory}
 * (a revoked or superseded certificate ends its tokens at once). Authorisation is per route ({@link Access},
 * {@link SecureRouter}); deny by default.
 *
 * <p>One instance per node ({@link #shared}), so that a token issued by the registry's auth endpoints is
 * accepted by every service of the node. Thread-safe.
 */
public final class ApiSecurity {
    /** Routing-context key of the {@link Principal}. */
    public static final String PRINCIPAL = "carbonx.principal";
    private static final Map<Vertx, ApiSecurity> PER_NODE = new WeakHashMap<>();

    private final ParticipantDirectory directory;
    private final TokenService tokens;
    private final ChallengeStore challenges;
    private final String chainId;
    private final Clock clock;

    /**
     * @param directory  participants and their certificates
     * @param tokens     token issuer and verifier
     * @param challenges outstanding challenges
     * @param chainId    the chain id challenges are bound to
     * @param clock      wall clock (token and challenge expiry)
     */
    public ApiSecurity(ParticipantDirectory directory, TokenService tokens, ChallengeStore challenges, String chainId,
                       Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The node's instance: the first call per Vert.x instance creates it with {@code factory}, later calls (from
     * other services of the node) get the same one.
     *
     * @param vertx   the node's Vert.x
     * @param factory creates it
     * @return the node's instance
     */
    public static ApiSecurity shared(Vertx vertx, Supplier<ApiSecurity> factory) {
        synchronized (PER_NODE) {
            return PER_NODE.computeIfAbsent(vertx, v -> factory.get());
        }
    }

    /**
     * Forgets the node's instance (when the service that created it stops).
     *
     * @param vertx the node's Vert.x
     */
    public static void release(Vertx vertx) {
        synchronized (PER_NODE) {
            PER_NODE.remove(vertx);
        }
    }

    /** @return the directory */
    public ParticipantDirectory directory() {
        return directory;
    }

    /** @return the token service */
    public TokenService tokens() {
        return tokens;
    }

    /** @return the challenge store */
    public ChallengeStore challenges() {
        return challenges;
    }

    /** @return the chain id */
    public String chainId() {
        return chainId;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /**
     * @param ctx a request that passed {@link #authenticate()}
     * @return its principal
     */
    public static Principal principal(RoutingContext ctx) {
        return Objects.requireNonNull(ctx.get(PRINCIPAL), "request not authenticated");
    }

    /**
     * @param ctx a request
     * @return its principal if it carried a valid token
     */
    public static Optional<Principal> optionalPrincipal(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(PRINCIPAL));
    }

    /**
     * @return a handler that authenticates the bearer token (401 problem with WWW-Authenticate otherwise) and
     *     stores the {@link Principal} under {@link #PRINCIPAL}
     */
    public Handler<RoutingContext> authenticate() {
        return ctx -> {
            try {
                ctx.put(PRINCIPAL, check(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
                ctx.next();
            } catch (AuthException e) {
                fail(ctx, e);
            }
        };
    }

    /**
     * Checks an {@code Authorization} header value.
     *
     * @param authorization the header (may be null)
     * @return the principal
     * @throws AuthException TOKEN_*, UNKNOWN_PARTICIPANT, CERTIFICATE_*
     */
    public Principal check(String authorization) throws AuthException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthException(AuthFailure.TOKEN_MISSING, "Authorization: Bearer <token> required");
        }
        Instant now = clock.instant();
        TokenService.Claims claims = tokens.verify(authorization.substring(7).trim(), now.toEpochMilli());
        Participant p = directory.participant(claims.participantId()).orElseThrow(() ->
                new AuthException(AuthFailure.UNKNOWN_PARTICIPANT, "unknown participant " + claims.participantId()));
        if (!p.certificateSerial().equals(claims.certificateSerial())) {
            throw new AuthException(AuthFailure.CERTIFICATE_SUPERSEDED, "token was issued for certificate "
                    + claims.certificateSerial());
        }
        requireValid(directory.validate(p.participantId(), EnumSet.of(claims.role()), now));
        return new Principal(p.participantId(), claims.role());
    }

    /**
     * @param result a directory verdict
     * @throws AuthException CERTIFICATE_REVOKED or CERTIFICATE_INVALID unless valid
     */
    static void requireValid(ValidationResult result) throws AuthException {
        if (result.status() == ValidationStatus.REVOKED) {
            throw new AuthException(AuthFailure.CERTIFICATE_REVOKED, result.detail());
        }
        if (!result.isValid()) {
            throw new AuthException(AuthFailure.CERTIFICATE_INVALID, result.status() + ": " + result.detail());
        }
    }

    /**
     * @param roles allowed roles
     * @return a handler (after {@link #authenticate()}) answering 403 ROLE_NOT_PERMITTED for other roles
     */
    public static Handler<RoutingContext> requireRole(Role... roles) {
        return authorise(Access.roles(roles));
    }

    /**
     * @param participantParam the path parameter naming the participant the route concerns
     * @param roles            roles allowed for anyone's data
     * @return a handler letting the participant itself (any role) or the given roles through
     */
    public static Handler<RoutingContext> requireSelfOrRole(String participantParam, Role... roles) {
        return authorise(Access.selfOr(participantParam, EnumSet.allOf(Role.class), roles));
    }

    /**
     * @param access the rule
     * @return a handler (after {@link #authenticate()}) enforcing it
     */
    public static Handler<RoutingContext> authorise(Access access) {
        return ctx -> {
            AuthFailure f = access.check(principal(ctx),
                    access.selfParam() == null ? null : ctx.pathParam(access.selfParam()));
            if (f == null) {
                ctx.next();
            } else {
                fail(ctx, new AuthException(f, principal(ctx).role() + " " + principal(ctx).participantId()
                        + " may not " + ctx.request().method() + " " + ctx.request().path()));
            }
        };
    }

    /**
     * Answers an auth failure as a problem.
     *
     * @param ctx the request
     * @param e   the failure
     */
    public static void fail(RoutingContext ctx, AuthException e) {
        if (e.failure().status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"carbonx\", error=\""
                    + e.failure().name() + "\"");
        }
        Problems.send(ctx, e.failure().status(), e.failure().name(), e.getMessage());
    }
}
