package io.carbonx.registry.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outstanding authentication challenges, each usable once. A participant proves possession of its certificate's
 * key by signing {@link Challenge#signedBytes(String)}:
 * <pre>UTF-8("carbonx-auth-v1\n" + chainId + "\n" + participantId + "\n" + nonce)</pre>
 * where the nonce is 32 random bytes in base64url without padding. {@link #take} removes the challenge whatever
 * the outcome, so a challenge (and a signature over it) can never be replayed. At most {@code capacity}
 * challenges are outstanding; expired ones are dropped when the store is full. Thread-safe.
 */
public final class ChallengeStore {
    /** The first line of the signed text; bumps with any change of the format. */
    public static final String DOMAIN = "carbonx-auth-v1";

    private final ConcurrentHashMap<String, Challenge> open = new ConcurrentHashMap<>();
    private final long ttlMs;
    private final int capacity;
    private final SecureRandom random;

    /**
     * A challenge.
     *
     * @param challengeId   its id
     * @param participantId who must sign it
     * @param nonce         the random nonce
     * @param expiresAtMs   when it stops being accepted
     */
    public record Challenge(String challengeId, String participantId, String nonce, long expiresAtMs) {
        /**
         * @param chainId the chain id the node serves
         * @return the exact bytes to sign
         */
        public byte[] signedBytes(String chainId) {
            return signedText(chainId).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * @param chainId the chain id the node serves
         * @return the text whose UTF-8 bytes are signed
         */
        public String signedText(String chainId) {
            return DOMAIN + "\n" + chainId + "\n" + participantId + "\n" + nonce;
        }
    }

    /**
     * @param ttlMs    challenge lifetime
     * @param capacity most outstanding challenges
     * @param random   source of ids and nonces
     */
    public ChallengeStore(long ttlMs, int capacity, SecureRandom random) {
        if (ttlMs <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("ttlMs and capacity must be > 0");
        }
        this.ttlMs = ttlMs;
        this.capacity = capacity;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param participantId who will sign
     * @param nowMs         the time of issue
     * @return a new challenge
     * @throws AuthException TOO_MANY_CHALLENGES when full of unexpired challenges
     */
    public Challenge issue(String participantId, long nowMs) throws AuthException {
        if (open.size() >= capacity) {
            open.values().removeIf(c -> c.expiresAtMs() <= nowMs);
            if (open.size() >= capacity) {
                throw new AuthException(AuthFailure.TOO_MANY_CHALLENGES, capacity + " challenges outstanding");
            }
        }
        byte[] id = new byte[16];
        byte[] nonce = new byte[32];
        random.nextBytes(id);
        random.nextBytes(nonce);
        Challenge c = new Challenge(HexFormat.of().formatHex(id), participantId,
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), Math.addExact(nowMs, ttlMs));
        open.put(c.challengeId(), c);
        return c;
    }

    /**
     * Removes and returns a challenge.
     *
     * @param challengeId its id
     * @param nowMs       the time of use
     * @return the challenge
     * @throws AuthException UNKNOWN_CHALLENGE (never issued or already taken), CHALLENGE_EXPIRED
     */
    public Challenge take(String challengeId, long nowMs) throws AuthException {
        Challenge c = challengeId == null ? null : open.remove(challengeId);
        if (c == null) {
            throw new AuthException(AuthFailure.UNKNOWN_CHALLENGE, "no outstanding challenge " + challengeId);
        }
        if (nowMs >= c.expiresAtMs()) {
            throw new AuthException(AuthFailure.CHALLENGE_EXPIRED, "challenge expired at " + c.expiresAtMs());
        }
        return c;
    }

    /** @return outstanding challenges */
    public int size() {
        return open.size();
    }
}
