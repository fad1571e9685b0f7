package io.carbonx.registry.identity.pki;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * One signature verification of {@link LightweightSignatures}: the public key is decoded from its X.509
 * SubjectPublicKeyInfo ({@code PublicKey.getEncoded()}, whichever provider made the key object) by BouncyCastle's
 * {@link PublicKeyFactory} (an EC point is checked to be on its named curve), then the message is verified with
 * {@link ECDSASigner} behind {@link DSADigestSigner} (DER {@code SEQUENCE{r, s}} in its one canonical encoding, as the
 * BouncyCastle provider requires) or {@link Ed25519Signer}. A key of another type is an {@link InvalidKeyException};
 * a signature that does not decode or does not match makes {@link #engineVerify} return false. Signing is refused.
 */
final class LightweightVerifierSpi extends SignatureSpi {

    /** The algorithms verified, by their JCA standard names. */
    enum Kind {
        ECDSA_SHA256("SHA256withECDSA", SHA256Digest::new),
        ECDSA_SHA384("SHA384withECDSA", SHA384Digest::new),
        ECDSA_SHA512("SHA512withECDSA", SHA512Digest::new),
        ED25519("Ed25519", null);

        private final String jcaName;
        private final Supplier<Digest> digest;

        Kind(String jcaName, Supplier<Digest> digest) {
            this.jcaName = jcaName;
            this.digest = digest;
        }

        String jcaName() {
            return jcaName;
        }

        Signer verifier(AsymmetricKeyParameter key) throws InvalidKeyException {
            Signer signer;
            if (this == ED25519) {
                if (!(key instanceof Ed25519PublicKeyParameters)) {
                    throw new InvalidKeyException(jcaName + " needs an Ed25519 public key");
                }
                signer = new Ed25519Signer();
            } else {
                if (!(key instanceof ECPublicKeyParameters)) {
                    throw new InvalidKeyException(jcaName + " needs an EC public key");
                }
                signer = new DSADigestSigner(new ECDSASigner(), digest.get(), StandardDSAEncoding.INSTANCE);
            }
            signer.init(false, key);
            return signer;
        }
    }

    private final Kind kind;
    private Signer signer;

    LightweightVerifierSpi(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
        byte[] encoded = publicKey == null ? null : publicKey.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException("no X.509 encoding of the public key");
        }
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(encoded);
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("public key does not decode: " + e.getMessage(), e);
        }
        if (key.isPrivate()) {
            throw new InvalidKeyException("not a public key");
        }
        signer = kind.verifier(key);
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        throw new InvalidKeyException(LightweightSignatures.NAME + " only verifies signatures");
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        initialised().update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
        initialised().update(b, off, len);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        throw new SignatureException(LightweightSignatures.NAME + " only verifies signatures");
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
        Signer s = initialised();
        try {
            return sigBytes != null && s.verifySignature(sigBytes);
        } catch (RuntimeException e) {
            return false;
        } finally {
            s.reset();
        }
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException("no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new InvalidParameterException("no parameters");
    }

    private Signer initialised() throws SignatureException {
        if (signer == null) {
            throw new SignatureException("not initialised for verification");
        }
        return signer;
    }
}
