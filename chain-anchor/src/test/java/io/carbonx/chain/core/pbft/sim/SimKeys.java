package io.carbonx.chain.core.pbft.sim;

import io.carbonx.chain.core.Sha256;
import io.carbonx.chain.core.pbft.FakeCrypto;
import io.carbonx.chain.core.pbft.SignatureVerifier;
import io.carbonx.chain.core.pbft.Signer;
import io.carbonx.chain.crypto.Ed25519Signer;
import io.carbonx.chain.crypto.Ed25519Verifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keys of a simulation's validators (ids 0..n-1) and of one outsider (id n), fake or Ed25519. */
final class SimKeys {

    final List<Signer> signers;
    final List<byte[]> publicKeys;
    final SignatureVerifier verifier;

    private SimKeys(List<Signer> signers, List<byte[]> publicKeys, SignatureVerifier verifier) {
        this.signers = signers;
        this.publicKeys = publicKeys;
        this.verifier = verifier;
    }

    /** Keyed SHA-256 stand-in (fast). */
    static SimKeys fake(long seed, int n) {
        List<Signer> signers = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            byte[] k = FakeCrypto.key(seed, i);
            keys.add(k);
            signers.add(FakeCrypto.signer(k));
        }
        return new SimKeys(signers, keys, FakeCrypto.VERIFIER);
    }

    /** Real Ed25519 through BouncyCastle, keys derived from the seed. */
    static SimKeys ed25519(long seed, int n) {
        List<Signer> signers = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            Ed25519Signer s = Ed25519Signer.fromPrivateKey(
                    Sha256.hash(("ed25519/" + seed + "/" + i).getBytes(StandardCharsets.UTF_8)).bytes());
            signers.add(s);
            keys.add(s.publicKey());
        }
        return new SimKeys(signers, keys, new Ed25519Verifier());
    }

    /** Public keys of the validators only (the outsider's key is not in the set). */
    List<byte[]> validatorKeys(int n) {
        return publicKeys.subList(0, n);
    }
}
