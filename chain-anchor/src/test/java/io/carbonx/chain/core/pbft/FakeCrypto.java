package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast keyed-hash stand-in for signatures in simulations: signature = SHA-256(key ‖ message), and
 * the "public key" in the validator set is that key. It is not a signature scheme (the verifier
 * knows the key) but within a simulation a byzantine node only holds its own key, so it can forge
 * others' votes exactly as well as with Ed25519: not at all. Verification goes through the same
 * {@link SignatureVerifier} interface as the real scheme.
 */
public final class FakeCrypto {

    /** Verifies fake signatures. */
    public static final SignatureVerifier VERIFIER = (key, message, signature) ->
            MessageDigest.isEqual(sign(key, message), signature);

    private FakeCrypto() {
    }

    /** The key of validator {@code id} in a simulation seeded with {@code seed}. */
    public static byte[] key(long seed, int id) {
        return Sha256.hash(("fake-key/" + seed + "/" + id).getBytes(StandardCharsets.UTF_8)).bytes();
    }

    /** A signer holding {@code key}. */
    public static Signer signer(byte[] key) {
        byte[] k = key.clone();
        return message -> sign(k, message);
    }

    /** Keys of validators {@code 0..n-1}. */
    public static List<byte[]> keys(long seed, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(key(seed, i));
        }
        return out;
    }

    private static byte[] sign(byte[] key, byte[] message) {
        return Sha256.hash(key, message).bytes();
    }
}
