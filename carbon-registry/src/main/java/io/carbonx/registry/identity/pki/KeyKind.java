package io.carbonx.registry.identity.pki;

/**
 * The public key kinds CarbonX accepts for participants, each with the one signature scheme used with it for
 * CarbonX signatures (orders, votes, requests). ECDSA and RSA signatures are DER/PKCS#1 v1.5 encoded as
 * produced by {@code openssl dgst -sha256 -sign}; Ed25519 signatures are the 64-byte RFC 8032 value.
 */
public enum KeyKind {
    /** ECDSA on NIST P-256 with SHA-256. */
    EC_P256("SHA256withECDSA"),
    /** ECDSA on NIST P-384 with SHA-384. */
    EC_P384("SHA384withECDSA"),
    /** Ed25519 (pure, RFC 8032). */
    ED25519("Ed25519"),
    /** RSA 2048..8192 bits, PKCS#1 v1.5 with SHA-256. */
    RSA("SHA256withRSA");

    private final String signatureAlgorithm;

    KeyKind(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA name of the signature scheme used with keys of this kind. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** True for elliptic-curve Diffie-Hellman capable keys (the certificate then also gets keyAgreement). */
    public boolean supportsKeyAgreement() {
        return this == EC_P256 || this == EC_P384;
    }
}
