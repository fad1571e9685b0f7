package io.carbonx.registry.identity;

/**
 * The CarbonX certificate profile: object identifiers and naming rules shared by issuer and validators.
 *
 * <h2>Object identifiers</h2>
 * CarbonX has no IANA Private Enterprise Number, so its arc is a UUID OID under {@code 2.25} (ITU-T X.667 /
 * ISO/IEC 9834-8), which needs no registration: {@value #ARC} (UUID {@code 1a81562e-59d6-4cbd-9e7b-37a3a9d72b98}).
 * <ul>
 *   <li>{@value #ROLE_EXTENSION_OID} — extension {@code carbonxRole}, non-critical, value
 *       {@code UTF8String} holding the {@link io.carbonx.events.Role} name ({@code "REGULATOR"}, ...). This is the
 *       authoritative role; the subject {@code OU} repeats it for humans and generic tools.</li>
 *   <li>{@value #ORDER_SIGNING_EKU_OID} — extended key usage {@code id-kp-carbonxOrderSigning}: the key may
 *       sign orders, agreements, votes and other CarbonX requests.</li>
 * </ul>
 *
 * <h2>Participant certificate (issued by the issuing CA)</h2>
 * <ul>
 *   <li>X.509 v3, random positive 128-bit serial, signature ecdsa-with-SHA256 by the issuing CA (P-256).</li>
 *   <li>Subject {@code O=<legal name>, OU=<ROLE>, CN=<participant id>, UID=<participant id>} (UTF8String).</li>
 *   <li>subjectAltName (non-critical): URI {@code urn:carbonx:participant:<participant id>}.</li>
 *   <li>basicConstraints (critical): {@code cA=FALSE}.</li>
 *   <li>keyUsage (critical): digitalSignature, plus keyAgreement for EC keys.</li>
 *   <li>extKeyUsage (non-critical): id-kp-clientAuth (1.3.6.1.5.5.7.3.2), {@value #ORDER_SIGNING_EKU_OID}.</li>
 *   <li>subjectKeyIdentifier (RFC 5280 method 1, SHA-1 of the key), authorityKeyIdentifier (the issuing CA's SKI).</li>
 *   <li>cRLDistributionPoints (non-critical) when a CRL URI is configured.</li>
 *   <li>carbonxRole (non-critical), see above.</li>
 *   <li>Validity: from the approval time for the configured period (default 365 days), never beyond the
 *       issuing CA's own notAfter.</li>
 * </ul>
 * The participant id is {@code p-} followed by the first 20 hex digits (80 bits) of SHA-256 over the DER
 * SubjectPublicKeyInfo of the participant's key; one key, one participant.
 *
 * <h2>Time-stamping authority certificate (issued by the issuing CA)</h2>
 * Issued by a REGULATOR's decision to an active COURT, ARBITRATOR or REGULATOR participant for a separate key
 * (the consortium TSA runs on the court node by default). Same subject, subjectAltName, carbonxRole, SKI and AKI
 * as that participant's certificate; keyUsage (critical) digitalSignature only; extKeyUsage <b>critical</b>
 * holding only id-kp-timeStamping ({@value #TIME_STAMPING_EKU_OID}), as RFC 3161 §2.3 requires. It is not a
 * participant identity (no clientAuth) and is checked by {@code CertificateValidator.validateTimestampAuthority}.
 *
 * <h2>CA certificates</h2>
 * Root: self-signed ECDSA P-256, {@code CN=<consortium> Root CA, O=<consortium>}, basicConstraints critical
 * {@code cA=TRUE}, keyUsage critical keyCertSign+cRLSign, SKI, AKI. Issuing CA: ECDSA P-256, signed by the root,
 * {@code CN=<consortium> Issuing CA, O=<consortium>}, basicConstraints critical {@code cA=TRUE, pathLen=0},
 * keyUsage critical keyCertSign+cRLSign, SKI, AKI. ECDSA P-256 was chosen over Ed25519 because every TLS stack,
 * HSM and OpenSSL version in use handles it, and BouncyCastle verifies it fast.
 */
public final class CertificateProfile {

    /** The CarbonX OID arc. */
    public static final String ARC = "2.25.35231482144683433556599758600621468568";
    /** Extension carrying the participant's role as a UTF8String. */
    public static final String ROLE_EXTENSION_OID = ARC + ".1";
    /** Extended key usage: signing CarbonX orders and requests. */
    public static final String ORDER_SIGNING_EKU_OID = ARC + ".2";
    /** id-kp-clientAuth. */
    public static final String CLIENT_AUTH_EKU_OID = "1.3.6.1.5.5.7.3.2";
    /** id-kp-timeStamping (RFC 3161 §2.3). */
    public static final String TIME_STAMPING_EKU_OID = "1.3.6.1.5.5.7.3.8";
    /** Prefix of the subjectAltName URI naming the participant. */
    public static final String PARTICIPANT_URN_PREFIX = "urn:carbonx:participant:";

    private CertificateProfile() {
    }

    /** The subjectAltName URI for a participant id. */
    public static String participantUri(String participantId) {
        return PARTICIPANT_URN_PREFIX + participantId;
    }
}
