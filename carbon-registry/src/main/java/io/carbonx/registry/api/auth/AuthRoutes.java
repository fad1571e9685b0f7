package io.carbonx.registry.api.auth;

import io.carbonx.registry.api.JsonBodies;
import io.carbonx.registry.directory.Participant;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.pki.Certificates;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.CertificateException;
import java.time.Instant;

/**
 * The two authentication endpoints (open: no token):
 * <ul>
 *   <li>{@code POST /api/v1/auth/challenge {participantId}} → {@code {challengeId, nonce, expiresAtMs,
 *       signedText}}: a single-use challenge, issued for any id (so ids cannot be probed);</li>
 *   <li>{@code POST /api/v1/auth/token {challengeId, signatureBase64}} → {@code {token, tokenType: "Bearer",
 *       expiresAtMs, participantId, role}}: the signature must be by the key of the participant's current, valid,
 *       unrevoked certificate over {@link ChallengeStore.Challenge#signedBytes} (ECDSA: DER, as {@code openssl dgst
 *       -sha256 -sign} makes; Ed25519: 64 bytes; RSA: PKCS#1 v1.5 SHA-256). Any failure is 401 with its reason
 *       code, and the challenge is used up either way.</li>
 * </ul>
 */
public final class AuthRoutes {
    private AuthRoutes() {
    }

    /**
     * @param routes the API's router
     */
    public static void mount(SecureRouter routes) {
        ApiSecurity security = routes.security();
        routes.post("/api/v1/auth/challenge", Access.open(), ctx -> challenge(security, ctx));
        routes.post("/api/v1/auth/token", Access.open(), ctx -> token(security, ctx));
    }

    private static void challenge(ApiSecurity security, RoutingContext ctx) {
        try {
            String participantId = JsonBodies.of(ctx).string("participantId");
            ChallengeStore.Challenge c = security.challenges().issue(participantId, security.clock().millis());
            ok(ctx, new JsonObject().put("challengeId", c.challengeId()).put("participantId", participantId)
                    .put("nonce", c.nonce()).put("expiresAtMs", c.expiresAtMs())
                    .put("signedText", c.signedText(security.chainId())));
        } catch (JsonBodies.Invalid e) {
            // answered
        } catch (AuthException e) {
            ApiSecurity.fail(ctx, e);
        }
    }

    private static void token(ApiSecurity security, RoutingContext ctx) {
        try {
            JsonBodies body = JsonBodies.of(ctx);
            String challengeId = body.string("challengeId");
            byte[] signature = body.base64("signatureBase64");
            Instant now = security.clock().instant();
            ChallengeStore.Challenge c = security.challenges().take(challengeId, now.toEpochMilli());
            Participant p = security.directory().participant(c.participantId()).orElseThrow(() ->
                    new AuthException(AuthFailure.UNKNOWN_PARTICIPANT, "unknown participant " + c.participantId()));
            ApiSecurity.requireValid(security.directory().validate(p.participantId(), now));
            if (!SignatureVerifier.verify(Certificates.fromDer(p.certificateDer()), c.signedBytes(security.chainId()),
                    signature)) {
                throw new AuthException(AuthFailure.BAD_SIGNATURE, "the signature over challenge " + challengeId
                        + " does not verify with the certificate of " + p.participantId());
            }
            TokenService.Issued t = security.tokens().issue(p.participantId(), p.role(), p.certificateSerial(),
                    now.toEpochMilli());
            ok(ctx, new JsonObject().put("token", t.token()).put("tokenType", "Bearer")
                    .put("expiresAtMs", t.expiresAtMs()).put("participantId", p.participantId())
                    .put("role", p.role().name()));
        } catch (JsonBodies.Invalid e) {
            // answered
        } catch (AuthException e) {
            ApiSecurity.fail(ctx, e);
        } catch (CertificateException e) {
            ApiSecurity.fail(ctx, new AuthException(AuthFailure.CERTIFICATE_INVALID, e.getMessage()));
        }
    }

    private static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
