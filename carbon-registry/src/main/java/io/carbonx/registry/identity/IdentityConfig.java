package io.carbonx.registry.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the consortium CA.
 *
 * @param consortiumName     name used in the CA subjects ({@code O=}, {@code CN=<name> Root CA})
 * @param participantValidity validity of participant certificates
 * @param rootValidity       validity of the root CA certificate created at first start
 * @param issuingValidity    validity of the issuing CA certificate created at first start (capped by the root's)
 * @param crlValidity        distance between a CRL's thisUpdate and nextUpdate
 * @param pbkdf2Iterations   PBKDF2-HMAC-SHA256 iteration count for newly encrypted private keys (at least 1000)
 * @param crlDistributionUri URI put in the cRLDistributionPoints extension of participant certificates, or
 *                           {@code null} to leave the extension out
 */
public record IdentityConfig(
        String consortiumName,
        Duration participantValidity,
        Duration rootValidity,
        Duration issuingValidity,
        Duration crlValidity,
        int pbkdf2Iterations,
        String crlDistributionUri) {

    /** The iteration count used by {@link #defaults()}. */
    public static final int DEFAULT_PBKDF2_ITERATIONS = 310_000;

    /** Validates the fields. */
    public IdentityConfig {
        Objects.requireNonNull(consortiumName, "consortiumName");
        if (consortiumName.isBlank() || consortiumName.length() > 64) {
            throw new IllegalArgumentException("consortiumName must be 1..64 characters");
        }
        requirePositive(participantValidity, "participantValidity");
        requirePositive(rootValidity, "rootValidity");
        requirePositive(issuingValidity, "issuingValidity");
        requirePositive(crlValidity, "crlValidity");
        if (pbkdf2Iterations < 1000) {
            throw new IllegalArgumentException("pbkdf2Iterations must be at least 1000");
        }
    }

    /** CarbonX defaults: 365-day participant certificates, 20-year root, 10-year issuing CA, 30-day CRLs. */
    public static IdentityConfig defaults() {
        return new IdentityConfig("CarbonX Consortium", Duration.ofDays(365), Duration.ofDays(20 * 365),
                Duration.ofDays(10 * 365), Duration.ofDays(30), DEFAULT_PBKDF2_ITERATIONS, null);
    }

    /** A copy with another PBKDF2 iteration count (tests use a low one to stay fast). */
    public IdentityConfig withPbkdf2Iterations(int iterations) {
        return new IdentityConfig(consortiumName, participantValidity, rootValidity, issuingValidity, crlValidity,
                iterations, crlDistributionUri);
    }

    /** A copy with another participant certificate validity. */
    public IdentityConfig withParticipantValidity(Duration validity) {
        return new IdentityConfig(consortiumName, validity, rootValidity, issuingValidity, crlValidity,
                pbkdf2Iterations, crlDistributionUri);
    }

    /** A copy with another consortium name. */
    public IdentityConfig withConsortiumName(String name) {
        return new IdentityConfig(name, participantValidity, rootValidity, issuingValidity, crlValidity,
                pbkdf2Iterations, crlDistributionUri);
    }

    /** A copy with a CRL distribution point URI ({@code null} removes it). */
    public IdentityConfig withCrlDistributionUri(String uri) {
        return new IdentityConfig(consortiumName, participantValidity, rootValidity, issuingValidity, crlValidity,
                pbkdf2Iterations, uri);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.toSeconds() < 1) {
            throw new IllegalArgumentException(name + " must be at least one second");
        }
    }
}
