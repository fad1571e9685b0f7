package io.carbonx.registry.it;

import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, CSRs and the bootstrap identity for the registry's API tests. */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair p256() {
        return generate("EC", new ECGenParameterSpec("secp256r1"), 0);
    }

    static KeyPair rsa(int bits) {
        return generate("RSA", null, bits);
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec, int bits) {
        try {
            KeyPairGenerator g = algorithm.equals("RSA") ? KeyPairGenerator.getInstance("RSA")
                    : KeyPairGenerator.getInstance(algorithm, BcProvider.get());
            if (spec != null) {
                g.initialize(spec);
            } else {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DER CSR carrying {@code subjectKey}, signed by {@code signingKey}. */
    static byte[] csr(PublicKey subjectKey, PrivateKey signingKey) {
        try {
            String alg = signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(BcProvider.get()).build(signingKey);
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=test"), subjectKey).build(signer)
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] csr(KeyPair kp) {
        return csr(kp.getPublic(), kp.getPrivate());
    }

    /** The bootstrap REGULATOR's participant id, from the CA directory. */
    static String bootstrapId(Path caDir) {
        try (var in = Files.newInputStream(caDir.resolve(CaStore.BOOTSTRAP_CERT))) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return ParticipantIdentity.of(cert).participantId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bootstrap REGULATOR's signer, from the CA directory. */
    static ParticipantSigner bootstrapSigner(Path caDir, char[] passphrase) {
        try {
            PrivateKey key = EncryptedKeys.decrypt(Files.readString(caDir.resolve(CaStore.BOOTSTRAP_KEY)), passphrase,
                    "bootstrap");
            X509Certificate cert;
            try (var in = Files.newInputStream(caDir.resolve(CaStore.BOOTSTRAP_CERT))) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            return ParticipantSigner.forKey(key, cert.getPublicKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
