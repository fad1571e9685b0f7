package io.carbonx.registry.identity.pki;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.identity.StoreFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The CA data directory. Files (PEM, LF line ends):
 * <pre>
 *   root-ca.pem            root CA certificate (the trust anchor to distribute)
 *   root-ca.key.pem        root CA private key, encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC)
 *   issuing-ca.pem         issuing CA certificate
 *   issuing-ca.key.pem     issuing CA private key, encrypted PKCS#8
 *   ca-chain.pem           issuing CA then root CA certificates, for operators and TLS configuration
 *   bootstrap.pem          bootstrap identity certificate (REGULATOR), for the operator
 *   bootstrap.key.pem      bootstrap identity private key, encrypted PKCS#8 (operator may move it away)
 *   issuing-ca.crl.pem     the newest CRL signed by the issuing CA
 * </pre>
 * First start (none of root/issuing/bootstrap certificates and CA keys present) creates everything; a later
 * start loads and checks it: certificates chain, each key decrypts under the passphrase and matches its
 * certificate. A directory holding only some of those files is refused (INCOMPLETE_STORE), never overwritten.
 * Files are written to a temporary name and atomically renamed; key files are made owner-only where POSIX.
 */
public final class CaStore {

    public static final String ROOT_CERT = "root-ca.pem";
    public static final String ROOT_KEY = "root-ca.key.pem";
    public static final String ISSUING_CERT = "issuing-ca.pem";
    public static final String ISSUING_KEY = "issuing-ca.key.pem";
    public static final String CHAIN = "ca-chain.pem";
    public static final String BOOTSTRAP_CERT = "bootstrap.pem";
    public static final String BOOTSTRAP_KEY = "bootstrap.key.pem";
    public static final String CRL = "issuing-ca.crl.pem";

    /** Minimum passphrase length accepted when creating a new CA. */
    public static final int MIN_PASSPHRASE_LENGTH = 12;

    private static final List<String> REQUIRED = List.of(ROOT_CERT, ROOT_KEY, ISSUING_CERT, ISSUING_KEY, BOOTSTRAP_CERT);

    private final Path dir;

    /** A store over {@code dir} (created on first start if absent). */
    public CaStore(Path dir) {
        this.dir = dir;
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Loads the CA, or creates it when the directory holds none of its files.
     *
     * @param now validity start of CA and bootstrap certificates when creating
     * @throws IdentityStoreException with the precise failure
     */
    public ConsortiumCa openOrCreate(char[] passphrase, IdentityConfig config, Instant now, SecureRandom random)
            throws IdentityStoreException {
        List<String> present = new ArrayList<>();
        for (String f : REQUIRED) {
            if (Files.exists(dir.resolve(f))) {
                present.add(f);
            }
        }
        if (present.isEmpty()) {
            return create(passphrase, config, now, random);
        }
        if (present.size() != REQUIRED.size()) {
            throw new IdentityStoreException(StoreFailure.INCOMPLETE_STORE, dir + " holds " + present + " but not all of "
                    + REQUIRED + "; restore the missing files or empty the directory");
        }
        return load(passphrase, random);
    }

    /** Writes the CRL as the directory's current CRL. */
    public void writeCrl(X509CRL crl) throws IdentityStoreException {
        write(CRL, Certificates.pem(crl), false);
    }

    /** Decrypts the bootstrap identity's private key (for the operator's tooling). */
    public PrivateKey loadBootstrapKey(char[] passphrase) throws IdentityStoreException {
        return EncryptedKeys.decrypt(read(BOOTSTRAP_KEY), passphrase, BOOTSTRAP_KEY);
    }

    private ConsortiumCa create(char[] passphrase, IdentityConfig config, Instant now, SecureRandom random)
            throws IdentityStoreException {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new IdentityStoreException(StoreFailure.WEAK_PASSPHRASE,
                    "a new CA needs a passphrase of at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
        KeyPair rootKeys = CaCertificates.newP256KeyPair(random);
        KeyPair issuingKeys = CaCertificates.newP256KeyPair(random);
        KeyPair bootstrapKeys = CaCertificates.newP256KeyPair(random);
        X509Certificate root = CaCertificates.root(rootKeys, config, now, random);
        X509Certificate issuing = CaCertificates.issuing(issuingKeys.getPublic(), root, rootKeys.getPrivate(),
                config, now, random);
        ConsortiumCa unsaved = new ConsortiumCa(root, issuing, issuingKeys.getPrivate(), root, null, true, random);
        X509Certificate bootstrap = unsaved.issue(bootstrapRequest(bootstrapKeys, unsaved, config, now));
        X509CRL initialCrl = unsaved.signCrl(List.of(), 0, now, config);
        int iterations = config.pbkdf2Iterations();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IdentityStoreException(StoreFailure.IO_ERROR, "cannot create " + dir, e);
        }
        write(CRL, Certificates.pem(initialCrl), false);
        write(BOOTSTRAP_KEY, EncryptedKeys.encrypt(bootstrapKeys.getPrivate(), passphrase, iterations, random), true);
        write(CHAIN, Certificates.pem(issuing) + Certificates.pem(root), false);
        write(ROOT_KEY, EncryptedKeys.encrypt(rootKeys.getPrivate(), passphrase, iterations, random), true);
        write(ISSUING_KEY, EncryptedKeys.encrypt(issuingKeys.getPrivate(), passphrase, iterations, random), true);
        write(ROOT_CERT, Certificates.pem(root), false);
        write(ISSUING_CERT, Certificates.pem(issuing), false);
        write(BOOTSTRAP_CERT, Certificates.pem(bootstrap), false);
        return new ConsortiumCa(root, issuing, issuingKeys.getPrivate(), bootstrap, initialCrl, true, random);
    }

    private static ParticipantCertificates.Request bootstrapRequest(KeyPair keys, ConsortiumCa ca,
                                                                    IdentityConfig config, Instant now) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        Instant notAfter = CaCertificates.min(now.plus(config.participantValidity()), ca.issuingNotAfter());
        return new ParticipantCertificates.Request(spki, KeyKind.EC_P256, KeyPolicy.participantId(spki),
                config.consortiumName() + " Bootstrap Operator", Role.REGULATOR, ca.newSerial(), now, notAfter,
                config.crlDistributionUri());
    }

    private ConsortiumCa load(char[] passphrase, SecureRandom random) throws IdentityStoreException {
        X509Certificate root = readCertificate(ROOT_CERT);
        X509Certificate issuing = readCertificate(ISSUING_CERT);
        X509Certificate bootstrap = readCertificate(BOOTSTRAP_CERT);
        requireSignedBy(root, root, ROOT_CERT);
        requireSignedBy(issuing, root, ISSUING_CERT);
        requireSignedBy(bootstrap, issuing, BOOTSTRAP_CERT);
        PrivateKey rootKey = EncryptedKeys.decrypt(read(ROOT_KEY), passphrase, ROOT_KEY);
        EncryptedKeys.requireMatch(rootKey, root.getPublicKey(), ROOT_KEY);
        PrivateKey issuingKey = EncryptedKeys.decrypt(read(ISSUING_KEY), passphrase, ISSUING_KEY);
        EncryptedKeys.requireMatch(issuingKey, issuing.getPublicKey(), ISSUING_KEY);
        X509CRL crl = null;
        if (Files.exists(dir.resolve(CRL))) {
            try {
                crl = Certificates.crlFromDer(Pem.decodeSingle(read(CRL), Set.of(Pem.X509_CRL)));
                crl.verify(issuing.getPublicKey(), BcProvider.get());
            } catch (IOException | GeneralSecurityException e) {
                throw new IdentityStoreException(StoreFailure.CORRUPT_FILE, CRL + " is not a CRL of the issuing CA", e);
            }
        }
        return new ConsortiumCa(root, issuing, issuingKey, bootstrap, crl, false, random);
    }

    private X509Certificate readCertificate(String name) throws IdentityStoreException {
        try {
            return Certificates.fromDer(Pem.decodeSingle(read(name), Set.of(Pem.CERTIFICATE)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IdentityStoreException(StoreFailure.CORRUPT_FILE, name + " is not a PEM certificate", e);
        }
    }

    private static void requireSignedBy(X509Certificate cert, X509Certificate issuer, String name)
            throws IdentityStoreException {
        try {
            if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer name differs");
            }
            cert.verify(issuer.getPublicKey(), BcProvider.get());
        } catch (GeneralSecurityException e) {
            throw new IdentityStoreException(StoreFailure.CORRUPT_FILE,
                    name + " is not signed by " + issuer.getSubjectX500Principal(), e);
        }
    }

    private String read(String name) throws IdentityStoreException {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IdentityStoreException(StoreFailure.IO_ERROR, "cannot read " + dir.resolve(name), e);
        }
    }

    private void write(String name, String content, boolean secret) throws IdentityStoreException {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (secret && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IdentityStoreException(StoreFailure.IO_ERROR, "cannot write " + target, e);
        }
    }
}
