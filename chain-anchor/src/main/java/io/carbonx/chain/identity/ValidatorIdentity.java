package io.carbonx.chain.identity;

import io.carbonx.chain.core.pbft.Signer;
import io.carbonx.registry.identity.ParticipantSigner;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * This node's own validator: its id in the roster, its private key and its certificate chain (the
 * validator certificate, then the issuing CA). The key signs PBFT votes and authenticates TLS.
 *
 * @param id index in the validator set
 * @param privateKey the private key (never leaves the process)
 * @param chain validator certificate first, then the issuing CA certificate
 */
public record ValidatorIdentity(int id, PrivateKey privateKey, List<X509Certificate> chain) {

    /** Copies the chain; it must hold at least the validator certificate. */
    public ValidatorIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
    }

    /** The validator certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** A PBFT signer with this key (Ed25519 or ECDSA P-256 by the key's kind; thread-safe). */
    public Signer signer() {
        ParticipantSigner s = ParticipantSigner.forKey(privateKey, certificate().getPublicKey());
        return s::sign;
    }
}
