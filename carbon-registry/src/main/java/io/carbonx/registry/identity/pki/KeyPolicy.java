package io.carbonx.registry.identity.pki;

import io.carbonx.registry.identity.IdentityRefusal;
import io.carbonx.registry.identity.IdentityRefusedException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Which public keys CarbonX accepts: EC on P-256 or P-384 (named curve only), Ed25519, RSA 2048..8192 bits.
 * Everything else is refused with a precise reason; accepted keys are also decoded once to prove they are
 * well-formed (an EC point on its curve, a 32-byte Ed25519 key, an odd RSA modulus).
 */
public final class KeyPolicy {

    /** Smallest accepted RSA modulus, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** Largest accepted RSA modulus, in bits (bounds verification cost). */
    public static final int MAX_RSA_BITS = 8192;

    private static final int PARTICIPANT_ID_HEX = 20;

    private KeyPolicy() {
    }

    /**
     * Classifies a key or refuses it.
     *
     * @throws IdentityRefusedException WEAK_KEY, UNSUPPORTED_CURVE, UNSUPPORTED_KEY_ALGORITHM, or MALFORMED_CSR
     *                                  when the key encoding itself is broken
     */
    public static KeyKind classify(SubjectPublicKeyInfo spki) throws IdentityRefusedException {
        AlgorithmIdentifier alg = spki.getAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        KeyKind kind;
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            kind = classifyEc(alg);
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            if (alg.getParameters() != null) {
                throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "Ed25519 key with parameters");
            }
            kind = KeyKind.ED25519;
        } else if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            kind = classifyRsa(spki);
        } else {
            throw new IdentityRefusedException(IdentityRefusal.UNSUPPORTED_KEY_ALGORITHM,
                    "key algorithm " + oid.getId() + " is not accepted (EC P-256/P-384, Ed25519, RSA >= 2048)");
        }
        try {
            PublicKeyFactory.createKey(spki);
        } catch (IOException | RuntimeException e) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "public key does not decode: " + e.getMessage(), e);
        }
        return kind;
    }

    /** The participant id derived from a key: {@code p-} and 20 hex digits of SHA-256 over the DER SPKI. */
    public static String participantId(SubjectPublicKeyInfo spki) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(spki.getEncoded(ASN1Encoding.DER));
            return "p-" + HexFormat.of().formatHex(digest).substring(0, PARTICIPANT_ID_HEX);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot encode a decoded public key", e);
        }
    }

    private static KeyKind classifyEc(AlgorithmIdentifier alg) throws IdentityRefusedException {
        X962Parameters params;
        try {
            params = X962Parameters.getInstance(alg.getParameters());
        } catch (RuntimeException e) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "EC key parameters do not decode", e);
        }
        if (params == null || !params.isNamedCurve()) {
            throw new IdentityRefusedException(IdentityRefusal.UNSUPPORTED_CURVE,
                    "EC key without a named curve (explicit or implicit parameters are not accepted)");
        }
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(params.getParameters());
        if (SECObjectIdentifiers.secp256r1.equals(curve)) {
            return KeyKind.EC_P256;
        }
        if (SECObjectIdentifiers.secp384r1.equals(curve)) {
            return KeyKind.EC_P384;
        }
        throw new IdentityRefusedException(IdentityRefusal.UNSUPPORTED_CURVE,
                "EC curve " + curve.getId() + " is not accepted (P-256, P-384)");
    }

    private static KeyKind classifyRsa(SubjectPublicKeyInfo spki) throws IdentityRefusedException {
        if (spki.getAlgorithm().getParameters() != null
                && !DERNull.INSTANCE.equals(spki.getAlgorithm().getParameters())) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "RSA key with non-NULL parameters");
        }
        int bits;
        try {
            bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | RuntimeException e) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "RSA key does not decode", e);
        }
        if (bits < MIN_RSA_BITS) {
            throw new IdentityRefusedException(IdentityRefusal.WEAK_KEY,
                    "RSA modulus of " + bits + " bits is below the minimum of " + MIN_RSA_BITS);
        }
        if (bits > MAX_RSA_BITS) {
            throw new IdentityRefusedException(IdentityRefusal.UNSUPPORTED_KEY_ALGORITHM,
                    "RSA modulus of " + bits + " bits is above the maximum of " + MAX_RSA_BITS);
        }
        return KeyKind.RSA;
    }
}
