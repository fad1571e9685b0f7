package io.carbonx.chain.crypto;

import io.carbonx.chain.core.pbft.Signer;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 (RFC 8032, BouncyCastle) signer holding one validator's private key. Signatures are
 * deterministic: the same key and message always give the same 64 bytes.
 */
public final class Ed25519Signer implements Signer {

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private Ed25519Signer(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /** From the 32-byte private key (RFC 8032 "secret key"). */
    public static Ed25519Signer fromPrivateKey(byte[] privateKey32) {
        if (privateKey32.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 private key must be 32 bytes");
        }
        return new Ed25519Signer(new Ed25519PrivateKeyParameters(privateKey32, 0));
    }

    /** A fresh key from {@code random}. */
    public static Ed25519Signer generate(SecureRandom random) {
        return new Ed25519Signer(new Ed25519PrivateKeyParameters(random));
    }

    /** The 32-byte public key to put in the validator set. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        org.bouncycastle.crypto.signers.Ed25519Signer s = new org.bouncycastle.crypto.signers.Ed25519Signer();
        s.init(true, privateKey);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }
}
