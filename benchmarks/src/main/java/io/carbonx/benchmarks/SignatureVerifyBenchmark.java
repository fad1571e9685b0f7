package io.carbonx.benchmarks;

import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.SignatureVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One signature verification of a signed order's bytes, as the gateway does it for every order
 * ({@link SignatureVerifier}, BouncyCastle's lightweight API, one verifier per certificate) and, for comparison, with
 * the JDK's own provider ({@code Signature.getInstance}, SunEC on Java 17). {@code keyKind}: an enterprise's
 * EC P-256 key (ECDSA, what the CSRs carry) or an Ed25519 key (what validators sign votes with). The message is
 * 300 bytes, about a signed OrderRequest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureVerifyBenchmark {

    @Param({"EC_P256", "ED25519"})
    public String keyKind;

    private byte[] message;
    private byte[] signature;
    private KeyPair keys;
    private SignatureVerifier verifier;
    private String jdkAlgorithm;

    @Setup(Level.Trial)
    public void keys() throws GeneralSecurityException {
        boolean ec = "EC_P256".equals(keyKind);
        KeyPairGenerator g = KeyPairGenerator.getInstance(ec ? "EC" : "Ed25519");
        if (ec) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        }
        keys = g.generateKeyPair();
        message = new byte[300];
        new Random(7).nextBytes(message);
        signature = ParticipantSigner.forKey(keys.getPrivate(), keys.getPublic()).sign(message);
        verifier = SignatureVerifier.forPublicKey(keys.getPublic());
        jdkAlgorithm = ec ? "SHA256withECDSA" : "Ed25519";
        if (!verifier.verify(message, signature) || !jdk()) {
            throw new IllegalStateException("the benchmark's signature does not verify");
        }
    }

    /** The gateway's path: the cached per-certificate verifier. */
    @Benchmark
    public boolean carbonx() {
        return verifier.verify(message, signature);
    }

    /** The JDK's default provider for the same key and bytes. */
    @Benchmark
    public boolean jdk() throws GeneralSecurityException {
        Signature s = Signature.getInstance(jdkAlgorithm);
        s.initVerify(keys.getPublic());
        s.update(message);
        return s.verify(signature);
    }
}
