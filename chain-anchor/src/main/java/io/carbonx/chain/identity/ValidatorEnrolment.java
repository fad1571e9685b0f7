package io.carbonx.chain.identity;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityRefusedException;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Validator identities at first start, and loading them afterwards.
 *
 * <p>{@link #ensureEnrolled}: under an exclusive file lock ({@code <validatorsDir>/.enrol.lock}, so two
 * processes sharing a data directory never enrol twice), every requested validator lacking its key or
 * certificate gets a fresh key pair (Ed25519 by default, or ECDSA P-256), a PKCS#10 request, and a
 * certificate from the registry's consortium CA: the request is submitted with the validator's role and
 * approved by the CA's bootstrap regulator, exactly as {@link IdentityService} registers any participant.
 * The key is written encrypted (PKCS#8, PBES2/AES-256), the certificate and the CA certificates as PEM
 * ({@link ValidatorFiles}). Existing identities are never replaced.
 *
 * <p>{@link #roster} reads every validator certificate and checks it ({@link ValidatorRoster#verified}).
 */
public final class ValidatorEnrolment {

    /**
     * What enrolment needs.
     *
     * @param files where identities live
     * @param roles validator {@code i}'s role at index {@code i}
     * @param chainId named in the validators' legal names
     * @param caDir the registry CA's data directory ({@link IdentityService#open})
     * @param caPassphrase passphrase of the CA keys
     * @param caConfig CA configuration (used only if the CA does not exist yet)
     * @param keyPassphrase passphrase protecting validator keys at rest
     * @param keyPbkdf2Iterations PBKDF2 iterations for validator keys
     * @param keyKind {@link KeyKind#ED25519} or {@link KeyKind#EC_P256}
     */
    public record Settings(ValidatorFiles files, List<Role> roles, String chainId, Path caDir, char[] caPassphrase,
                           IdentityConfig caConfig, char[] keyPassphrase, int keyPbkdf2Iterations, KeyKind keyKind) {
        /** Checks the key kind. */
        public Settings {
            if (keyKind != KeyKind.ED25519 && keyKind != KeyKind.EC_P256) {
                throw new IllegalArgumentException("validator keys are Ed25519 or EC_P256, not " + keyKind);
            }
            roles = List.copyOf(roles);
        }
    }

    private ValidatorEnrolment() {
    }

    /**
     * Makes sure validators {@code ids} have a key and a certificate on disk, issuing missing ones.
     *
     * @return the ids enrolled by this call (empty when all existed)
     * @throws RosterException if the CA cannot be opened or refuses a registration, or files cannot be written
     */
    public static List<Integer> ensureEnrolled(Settings s, Set<Integer> ids, Instant now) throws RosterException {
        ValidatorFiles f = s.files();
        try {
            Files.createDirectories(f.dir());
            try (FileChannel lockFile = FileChannel.open(f.dir().resolve(".enrol.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    return enrolLocked(s, ids, now);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new RosterException("cannot write validator identities under " + f.dir() + ": " + e.getMessage(), e);
        }
    }

    private static List<Integer> enrolLocked(Settings s, Set<Integer> ids, Instant now) throws RosterException,
            IOException {
        ValidatorFiles f = s.files();
        List<Integer> missing = ids.stream().sorted()
                .filter(id -> !Files.isRegularFile(f.keyFile(id)) || !Files.isRegularFile(f.certificateFile(id)))
                .toList();
        if (missing.isEmpty() && Files.isRegularFile(f.rootFile()) && Files.isRegularFile(f.issuingFile())) {
            return List.of();
        }
        try {
            IdentityService ca = IdentityService.open(s.caDir(), s.caPassphrase(), s.caConfig(), now);
            writeIfAbsent(f.rootFile(), Certificates.pem(ca.rootCertificate()));
            writeIfAbsent(f.issuingFile(), Certificates.pem(ca.issuingCertificate()));
            for (int id : missing) {
                enrol(s, ca, id, now);
            }
            return missing;
        } catch (IdentityStoreException e) {
            throw new RosterException("cannot open the registry CA at " + s.caDir() + ": " + e.getMessage(), e);
        }
    }

    private static void enrol(Settings s, IdentityService ca, int id, Instant now) throws RosterException,
            IOException {
        if (id < 0 || id >= s.roles().size()) {
            throw new RosterException("validator id " + id + " outside 0.." + (s.roles().size() - 1));
        }
        Role role = s.roles().get(id);
        KeyPair keys = generate(s.keyKind());
        String regulator = ca.bootstrapRegistration().participantId();
        X509Certificate cert;
        try {
            RegistrationSubmittedRecord submitted = ca.submitRegistration(csr(keys, s.keyKind(), id), "CarbonX validator "
                    + id + " (" + role + ") of chain " + s.chainId(), role, now);
            ca.apply(submitted);
            ParticipantRegisteredRecord registered = ca.approveRegistration(submitted.participantId(), regulator, now);
            ca.apply(registered);
            cert = Certificates.fromDer(registered.certificateDer());
        } catch (IdentityRefusedException | CertificateException e) {
            throw new RosterException("the registry CA refused validator " + id + ": " + e.getMessage(), e);
        }
        ValidatorFiles f = s.files();
        ValidatorFiles.writeAtomically(f.keyFile(id), EncryptedKeys.encrypt(keys.getPrivate(), s.keyPassphrase(),
                s.keyPbkdf2Iterations(), new SecureRandom()));
        ValidatorFiles.writeAtomically(f.certificateFile(id), Certificates.pem(cert));
    }

    private static void writeIfAbsent(Path file, String text) throws IOException {
        if (!Files.isRegularFile(file)) {
            ValidatorFiles.writeAtomically(file, text);
        }
    }

    private static KeyPair generate(KeyKind kind) {
        try {
            if (kind == KeyKind.ED25519) {
                return KeyPairGenerator.getInstance("Ed25519", BcProvider.get()).generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate " + kind + " keys", e);
        }
    }

    private static byte[] csr(KeyPair keys, KeyKind kind, int id) throws IOException {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=validator-" + id), keys.getPublic())
                    .build(new JcaContentSignerBuilder(kind.signatureAlgorithm()).setProvider(BcProvider.get())
                            .build(keys.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certification request", e);
        }
    }

    /**
     * Loads validator {@code id}'s key and certificate (and the issuing CA for its chain).
     *
     * @throws RosterException if a file is missing, the passphrase is wrong or key and certificate differ
     */
    public static ValidatorIdentity load(ValidatorFiles files, int id, char[] keyPassphrase) throws RosterException {
        X509Certificate cert = ValidatorFiles.readCertificate(files.certificateFile(id));
        X509Certificate issuing = ValidatorFiles.readCertificate(files.issuingFile());
        Path keyFile = files.keyFile(id);
        if (!Files.isRegularFile(keyFile)) {
            throw new RosterException("validator " + id + " key file missing: " + keyFile);
        }
        try {
            PrivateKey key = EncryptedKeys.decrypt(Files.readString(keyFile, StandardCharsets.US_ASCII), keyPassphrase,
                    keyFile.toString());
            EncryptedKeys.requireMatch(key, cert.getPublicKey(), keyFile.toString());
            return new ValidatorIdentity(id, key, List.of(cert, issuing));
        } catch (IOException | IdentityStoreException e) {
            throw new RosterException("cannot load validator " + id + " key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks every validator certificate at {@code now} against the consortium CA certificates in
     * {@code files} (and the CA's newest CRL in {@code caDir}, when readable).
     */
    public static ValidatorRoster roster(ValidatorFiles files, List<Role> roles, Path caDir, Instant now)
            throws RosterException {
        X509Certificate root = ValidatorFiles.readCertificate(files.rootFile());
        X509Certificate issuing = ValidatorFiles.readCertificate(files.issuingFile());
        CertificateValidator validator;
        try {
            validator = CertificateValidator.create(root, List.of(issuing));
        } catch (IllegalArgumentException e) {
            throw new RosterException("consortium CA certificates in " + files.dir() + " do not chain: "
                    + e.getMessage(), e);
        }
        Path crl = caDir == null ? null : caDir.resolve(CaStore.CRL);
        if (crl != null && Files.isRegularFile(crl)) {
            try {
                validator.updateCrl(Pem.decodeSingle(Files.readString(crl, StandardCharsets.US_ASCII),
                        Set.of(Pem.X509_CRL)));
            } catch (IOException | IllegalArgumentException e) {
                throw new RosterException("unreadable CRL " + crl + ": " + e.getMessage(), e);
            }
        }
        return ValidatorRoster.verified(files.readValidatorCertificates(roles.size()), roles, validator, now);
    }
}
