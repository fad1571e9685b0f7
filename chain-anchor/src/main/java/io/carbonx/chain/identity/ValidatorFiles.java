package io.carbonx.chain.identity;

import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where validator identities live on disk: {@code <validatorsDir>/<id>/validator.key.pem} (encrypted
 * PKCS#8, only for this node's validators), {@code <validatorsDir>/<id>/validator.pem} (certificate, for
 * every validator), and the consortium CA certificates {@code root-ca.pem} and {@code issuing-ca.pem} in
 * {@code <validatorsDir>}. Other nodes' validator certificates are distributed into the same layout.
 *
 * @param dir the validators directory
 */
public record ValidatorFiles(Path dir) {

    /** Key file name. */
    public static final String KEY = "validator.key.pem";
    /** Certificate file name. */
    public static final String CERT = "validator.pem";
    /** Root CA certificate file name. */
    public static final String ROOT = "root-ca.pem";
    /** Issuing CA certificate file name. */
    public static final String ISSUING = "issuing-ca.pem";

    /** Directory of validator {@code id}. */
    public Path validatorDir(int id) {
        return dir.resolve(Integer.toString(id));
    }

    /** Validator {@code id}'s encrypted private key. */
    public Path keyFile(int id) {
        return validatorDir(id).resolve(KEY);
    }

    /** Validator {@code id}'s certificate. */
    public Path certificateFile(int id) {
        return validatorDir(id).resolve(CERT);
    }

    /** The root CA certificate. */
    public Path rootFile() {
        return dir.resolve(ROOT);
    }

    /** The issuing CA certificate. */
    public Path issuingFile() {
        return dir.resolve(ISSUING);
    }

    /** Reads one PEM certificate. */
    public static X509Certificate readCertificate(Path file) throws RosterException {
        if (!Files.isRegularFile(file)) {
            throw new RosterException("certificate file missing: " + file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            return Certificates.fromDer(Pem.decodeSingle(text, Set.of(Pem.CERTIFICATE)));
        } catch (IOException | CertificateException e) {
            throw new RosterException("cannot read certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads validator certificates {@code 0..n-1}. */
    public List<X509Certificate> readValidatorCertificates(int n) throws RosterException {
        List<X509Certificate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(readCertificate(certificateFile(i)));
        }
        return out;
    }

    /** Writes {@code text} to {@code file} atomically (temp file, then rename). */
    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
