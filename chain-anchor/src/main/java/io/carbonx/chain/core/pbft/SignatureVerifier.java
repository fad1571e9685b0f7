package io.carbonx.chain.core.pbft;

/** Verifies a signature against a public key taken from the {@link ValidatorSet}. */
@FunctionalInterface
public interface SignatureVerifier {

    /**
     * True iff {@code signature} is a valid signature of {@code message} under {@code publicKey}.
     * Must return false (not throw) for malformed keys or signatures.
     */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
