package io.carbonx.registry.identity;

import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.registry.identity.pki.KeyPolicy;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Verifies CarbonX signatures over bytes with a participant's public key, using BouncyCastle's lightweight
 * primitives (no JCA lookup per call). The scheme follows the key ({@link KeyKind}): ECDSA P-256/SHA-256 and
 * P-384/SHA-384 with DER {@code ECDSA-Sig-Value} signatures (as {@code openssl dgst -sha256 -sign} makes),
 * Ed25519 with 64-byte signatures, RSA PKCS#1 v1.5 with SHA-256.
 *
 * <p>Build one per certificate and reuse it: the key is decoded once. It does not check the certificate: call
 * {@link CertificateValidator} for that. Thread-safe (no mutable state; signer objects are made per call).
 * ECDSA signatures are malleable ((r, s) and (r, n-s) both verify); callers that de-duplicate by signature
 * bytes must not rely on them being unique.
 */
public final class SignatureVerifier {

    private final KeyKind kind;
    private final AsymmetricKeyParameter key;

    private SignatureVerifier(KeyKind kind, AsymmetricKeyParameter key) {
        this.kind = kind;
        this.key = key;
    }

    /**
     * A verifier for the certificate's public key.
     *
     * @throws IllegalArgumentException if the key is not of an accepted kind
     */
    public static SignatureVerifier forCertificate(X509Certificate certificate) {
        return forPublicKey(certificate.getPublicKey());
    }

    /**
     * A verifier for a public key.
     *
     * @throws IllegalArgumentException if the key is not of an accepted kind
     */
    public static SignatureVerifier forPublicKey(PublicKey publicKey) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
            KeyKind kind = KeyPolicy.classify(spki);
            return new SignatureVerifier(kind, PublicKeyFactory.createKey(spki));
        } catch (IdentityRefusedException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("unsupported public key: " + e.getMessage(), e);
        }
    }

    /** One-shot verification with the certificate's key. */
    public static boolean verify(X509Certificate certificate, byte[] data, byte[] signature) {
        return forCertificate(certificate).verify(data, signature);
    }

    /** The key kind, which fixes the signature scheme. */
    public KeyKind keyKind() {
        return kind;
    }

    /** True when {@code signature} is a valid signature over {@code data}; false for any malformed signature. */
    public boolean verify(byte[] data, byte[] signature) {
        if (data == null || signature == null) {
            return false;
        }
        try {
            return switch (kind) {
                case ED25519 -> verifyEd25519(data, signature);
                case EC_P256 -> verifyEcdsa(digest("SHA-256", data), signature);
                case EC_P384 -> verifyEcdsa(digest("SHA-384", data), signature);
                case RSA -> verifyRsa(data, signature);
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean verifyEd25519(byte[] data, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, key);
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    private boolean verifyEcdsa(byte[] hash, byte[] signature) throws IOException {
        BigInteger n = ((ECPublicKeyParameters) key).getParameters().getN();
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(hash, rs[0], rs[1]);
    }

    private boolean verifyRsa(byte[] data, byte[] signature) {
        RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
        signer.init(false, key);
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
