package io.carbonx.node.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import io.carbonx.chain.service.AnchorSettings;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;

/** The registry CA's bootstrap identity (a REGULATOR) of a node started with {@link NodeFixture#config}. */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * Reads the bootstrap certificate and key (encrypted with the development passphrase) the registry wrote under
     * {@code workDir/data/services/registry/ca}.
     *
     * @param workDir the node's work directory
     * @return the regulator as a member (id, keys, signer)
     * @throws Exception if the files cannot be read
     */
    public static NodeApi.Member regulator(Path workDir) throws Exception {
        Path ca = workDir.resolve("data").resolve("services").resolve("registry").resolve("ca");
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(ca.resolve(CaStore.BOOTSTRAP_CERT))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey key = EncryptedKeys.decrypt(Files.readString(ca.resolve(CaStore.BOOTSTRAP_KEY)),
                AnchorSettings.DEV_PASSPHRASE.toCharArray(), "bootstrap");
        return new NodeApi.Member(ParticipantIdentity.of(cert).participantId(), new KeyPair(cert.getPublicKey(), key),
                ParticipantSigner.forKey(key, cert.getPublicKey()));
    }
}
