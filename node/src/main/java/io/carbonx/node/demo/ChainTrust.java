package io.carbonx.node.demo;

import io.carbonx.events.Role;
import io.carbonx.node.client.chain.ChainVerifier;
import io.carbonx.node.client.chain.ValidatorCertificates;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the offline checks trust, read from the node's files as an auditor given a copy of them would: the
 * consortium root, the issuing CA and its CRL from the registry's CA directory, the validators' certificates from
 * the chain anchor's validators directory. Nothing is taken from the node's HTTP answers.
 */
public final class ChainTrust {

    private ChainTrust() {
    }

    /** The consortium root certificate. */
    public static X509Certificate root(Path caDir) {
        return certificate(caDir.resolve(CaStore.ROOT_CERT));
    }

    /** Root and issuing CA, with the issuing CA's CRL. */
    public static CertificateValidator trust(Path caDir) {
        CertificateValidator v = CertificateValidator.create(root(caDir), List.of(certificate(caDir.resolve(
                CaStore.ISSUING_CERT))));
        Path crl = caDir.resolve(CaStore.CRL);
        if (Files.isRegularFile(crl)) {
            try {
                v.updateCrl(Pem.decodeSingle(Files.readString(crl), Set.of(Pem.X509_CRL)));
            } catch (IOException e) {
                throw new DemoException("cannot read " + crl + ": " + e.getMessage(), e);
            }
        }
        return v;
    }

    /** The number of distinct participants among {@code certs} whose certificate carries a validator role. */
    public static int validatorCount(ValidatorCertificates certs) {
        Set<String> ids = new TreeSet<>();
        for (Map.Entry<String, Map<String, X509Certificate>> e : certs.participants().entrySet()) {
            for (X509Certificate c : e.getValue().values()) {
                try {
                    Role r = ParticipantIdentity.of(c).role();
                    if (ChainVerifier.VALIDATOR_ROLES.contains(r)) {
                        ids.add(e.getKey());
                    }
                } catch (CertificateParsingException ignored) {
                    // not a participant certificate
                }
            }
        }
        return ids.size();
    }

    private static X509Certificate certificate(Path file) {
        try {
            return Certificates.fromDer(Pem.decodeSingle(Files.readString(file), Set.of(Pem.CERTIFICATE)));
        } catch (IOException | CertificateException e) {
            throw new DemoException("cannot read the certificate " + file + ": " + e.getMessage(), e);
        }
    }
}
