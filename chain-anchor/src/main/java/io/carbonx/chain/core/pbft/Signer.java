package io.carbonx.chain.core.pbft;

/**
 * Signs bytes with this validator's private key. The core never sees keys; the adapter package
 * {@code io.carbonx.chain.crypto} provides Ed25519, tests provide fast fakes.
 */
@FunctionalInterface
public interface Signer {

    /** A signature over exactly {@code message}. */
    byte[] sign(byte[] message);
}
