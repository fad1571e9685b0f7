package io.carbonx.registry.identity;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.BcProvider;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Shared test material: fixed times, a fast config, key pairs and CSRs. */
final class PkiFixtures {

    /** CA creation time of every test CA. */
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** Registration time used by most tests. */
    static final Instant T1 = T0.plus(Duration.ofDays(1));
    /** A time well inside every participant certificate issued at T1. */
    static final Instant T2 = T1.plus(Duration.ofDays(30));
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    /** PBKDF2 iterations low enough to keep tests fast; production uses the default. */
    static final IdentityConfig CONFIG = IdentityConfig.defaults().withPbkdf2Iterations(1000);

    private static KeyPair rsa2048;

    private PkiFixtures() {
    }

    static IdentityService openService(Path dir) throws IdentityStoreException {
        return IdentityService.open(dir, PASSPHRASE, CONFIG, T0);
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair p256() {
        return ec("secp256r1");
    }

    static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, BcProvider.get());
            if (bits > 0) {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSA key pair from the JDK's generator (much faster than BouncyCastle's for RSA). */
    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized KeyPair rsa2048() {
        if (rsa2048 == null) {
            rsa2048 = rsa(2048);
        }
        return rsa2048;
    }

    static String signatureAlgorithmFor(KeyPair kp) {
        return switch (kp.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> "SHA256withECDSA";
        };
    }

    /** A DER CSR for {@code kp}, self-signed with the usual algorithm for its key. */
    static byte[] csr(KeyPair kp) {
        return csr(kp.getPublic(), kp.getPrivate(), signatureAlgorithmFor(kp));
    }

    /** A DER CSR carrying {@code subjectKey}, signed by {@code signingKey} with {@code algorithm}. */
    static byte[] csr(PublicKey subjectKey, PrivateKey signingKey, String algorithm) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(BcProvider.get()).build(signingKey);
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=ignored by the CA"), subjectKey)
                    .build(signer).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits, applies, approves (by {@code approver}) and applies a registration; returns the registration. */
    static ParticipantRegisteredRecord register(IdentityService service, KeyPair kp, String name, Role role,
                                                String approver, Instant at) throws IdentityRefusedException {
        RegistrationSubmittedRecord submitted = service.submitRegistration(csr(kp), name, role, at);
        service.apply(submitted);
        ParticipantRegisteredRecord registered = service.approveRegistration(submitted.participantId(), approver, at);
        service.apply(registered);
        return registered;
    }

    static String bootstrapId(IdentityService service) {
        return service.bootstrapRegistration().participantId();
    }
}
