package io.carbonx.registry.api.auth;

import io.carbonx.events.Role;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the API's bearer tokens: {@code cx1.<payload>.<mac>}, where {@code payload} is the
 * base64url (no padding) of the JSON {@code {"sub": participantId, "role": ROLE, "ser": certificateSerial,
 * "exp": expiresAtMs, "jti": random id}} and {@code mac} the base64url HMAC-SHA256, under the node's key, of the
 * ASCII bytes {@code cx1.<payload>}. Verification checks the MAC in constant time before reading the payload,
 * then the expiry. Whether the participant's certificate is still good is the caller's check (the token names
 * the serial it was issued for). Thread-safe.
 */
public final class TokenService {
    private static final String PREFIX = "cx1.";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final long ttlMs;
    private final SecureRandom random;

    /**
     * @param key    the HMAC key (at least 32 bytes)
     * @param ttlMs  token lifetime
     * @param random source of token ids
     */
    public TokenService(byte[] key, long ttlMs, SecureRandom random) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the token key must have at least 32 bytes");
        }
        if (ttlMs <= 0) {
            throw new IllegalArgumentException("ttlMs must be > 0");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.ttlMs = ttlMs;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param ttlMs  token lifetime
     * @param random source of the key and token ids
     * @return a service with a fresh random 32-byte key (tokens die with the node)
     */
    public static TokenService withRandomKey(long ttlMs, SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return new TokenService(k, ttlMs, random);
    }

    /**
     * An issued token.
     *
     * @param token       the bearer token
     * @param expiresAtMs when it stops being accepted
     */
    public record Issued(String token, long expiresAtMs) {
    }

    /**
     * What a valid token says.
     *
     * @param participantId     the participant
     * @param role              its role when the token was issued
     * @param certificateSerial the certificate it authenticated with
     * @param expiresAtMs       expiry
     */
    public record Claims(String participantId, Role role, String certificateSerial, long expiresAtMs) {
    }

    /**
     * @param participantId     the authenticated participant
     * @param role              its role
     * @param certificateSerial the serial of the certificate it proved possession of
     * @param nowMs             the time of issue
     * @return the token
     */
    public Issued issue(String participantId, Role role, String certificateSerial, long nowMs) {
        byte[] jti = new byte[12];
        random.nextBytes(jti);
        long exp = Math.addExact(nowMs, ttlMs);
        JsonObject claims = new JsonObject().put("sub", participantId).put("role", role.name())
                .put("ser", certificateSerial).put("exp", exp).put("jti", HexFormat.of().formatHex(jti));
        String signed = PREFIX + B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        return new Issued(signed + "." + B64.encodeToString(mac(signed)), exp);
    }

    /**
     * @param token a bearer token
     * @param nowMs the time of use
     * @return its claims
     * @throws AuthException TOKEN_MALFORMED, TOKEN_BAD_SIGNATURE, TOKEN_EXPIRED
     */
    public Claims verify(String token, long nowMs) throws AuthException {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 4096) {
            throw new AuthException(AuthFailure.TOKEN_MALFORMED, "not a cx1 token");
        }
        int dot = token.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            throw new AuthException(AuthFailure.TOKEN_MALFORMED, "no MAC part");
        }
        String signed = token.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new AuthException(AuthFailure.TOKEN_MALFORMED, "MAC is not base64url");
        }
        if (!MessageDigest.isEqual(mac(signed), given)) {
            throw new AuthException(AuthFailure.TOKEN_BAD_SIGNATURE, "token MAC does not verify");
        }
        Claims claims = parse(signed.substring(PREFIX.length()));
        if (nowMs >= claims.expiresAtMs()) {
            throw new AuthException(AuthFailure.TOKEN_EXPIRED, "token expired at " + claims.expiresAtMs());
        }
        return claims;
    }

    private static Claims parse(String payload) throws AuthException {
        try {
            JsonObject json = new JsonObject(new String(B64D.decode(payload), StandardCharsets.UTF_8));
            return new Claims(Objects.requireNonNull(json.getString("sub")), Role.valueOf(json.getString("role")),
                    Objects.requireNonNull(json.getString("ser")), json.getLong("exp"));
        } catch (IllegalArgumentException | DecodeException | NullPointerException | ClassCastException e) {
            throw new AuthException(AuthFailure.TOKEN_MALFORMED, "unreadable token payload");
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
