package io.carbonx.registry.identity;

import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.registry.identity.pki.KeyPolicy;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Signs bytes with a participant's private key, producing what {@link SignatureVerifier} accepts. ECDSA uses
 * deterministic nonces (RFC 6979), so signing the same bytes twice gives the same signature; Ed25519 is
 * deterministic by design; RSA PKCS#1 v1.5 is deterministic. Thread-safe.
 */
public final class ParticipantSigner {

    private final KeyKind kind;
    private final AsymmetricKeyParameter key;

    private ParticipantSigner(KeyKind kind, AsymmetricKeyParameter key) {
        this.kind = kind;
        this.key = key;
    }

    /**
     * A signer for a key pair's private half; the public half fixes the scheme.
     *
     * @throws IllegalArgumentException if the key is not of an accepted kind
     */
    public static ParticipantSigner forKey(PrivateKey privateKey, PublicKey publicKey) {
        try {
            KeyKind kind = KeyPolicy.classify(SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
            return new ParticipantSigner(kind, PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(privateKey.getEncoded())));
        } catch (IdentityRefusedException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("unsupported private key: " + e.getMessage(), e);
        }
    }

    /** The key kind, which fixes the signature scheme. */
    public KeyKind keyKind() {
        return kind;
    }

    /** Signs {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            return switch (kind) {
                case ED25519 -> signEd25519(data);
                case EC_P256 -> signEcdsa(SignatureVerifier.digest("SHA-256", data), new SHA256Digest());
                case EC_P384 -> signEcdsa(SignatureVerifier.digest("SHA-384", data), new SHA384Digest());
                case RSA -> signRsa(data);
            };
        } catch (IOException | CryptoException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private byte[] signEd25519(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    private byte[] signEcdsa(byte[] hash, Digest nonceDigest) throws IOException {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(nonceDigest));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        return StandardDSAEncoding.INSTANCE.encode(((ECPrivateKeyParameters) key).getParameters().getN(), rs[0], rs[1]);
    }

    private byte[] signRsa(byte[] data) throws CryptoException {
        RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
        signer.init(true, key);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }
}
