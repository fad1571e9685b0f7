package io.carbonx.node.client;

import io.carbonx.registry.identity.pki.BcProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * What a registration needs: a fresh EC P-256 key pair and a PKCS#10 request signed with it
 * (SHA256withECDSA). The subject is informational: the registry CA names the certificate after the participant
 * id it derives from the key and the legal name submitted with the request.
 */
public final class Registration {

    private Registration() {
    }

    /** A fresh EC P-256 key pair (BouncyCastle, the JDK's strong random source). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key pair", e);
        }
    }

    /** The DER PKCS#10 request for {@code keys}, subject {@code CN=<commonName>} (characters other than letters, digits, space, '.', '_', '-' become spaces). */
    public static byte[] csr(KeyPair keys, String commonName) {
        try {
            String cn = commonName.replaceAll("[^A-Za-z0-9 ._-]", " ").strip();
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + (cn.isEmpty() ? "participant"
                    : cn)), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BcProvider.get())
                            .build(keys.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build the certification request: " + e.getMessage(), e);
        }
    }
}
