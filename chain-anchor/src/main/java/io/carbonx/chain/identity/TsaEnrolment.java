package io.carbonx.chain.identity;

import io.carbonx.chain.timestamp.TimestampAuthority;
import io.carbonx.chain.timestamp.TsaPolicy;
import io.carbonx.registry.identity.IdentityRefusedException;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.ValidationResult;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
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
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The consortium time-stamping authority's identity, kept on the node that runs the validator operating it (the
 * COURT validator by default): an ECDSA P-256 key, written encrypted like validator keys, and a certificate the
 * registry CA issues with the time-stamping profile (critical EKU id-kp-timeStamping only) in the name of that
 * validator's participant ({@link IdentityService#issueTimestampingCertificate}, approved by the CA's bootstrap
 * regulator). Files: {@code <validatorsDir>/tsa/tsa.key.pem} and {@code tsa.pem}.
 *
 * <p>{@link #ensure} issues them at first start, and again when they are missing or the certificate is no longer a
 * valid TSA certificate (expired, or rejected by the roster's validator); otherwise it loads them. An exclusive
 * file lock keeps two processes sharing the directory from issuing twice.
 */
public final class TsaEnrolment {

    /** Directory under the validators directory. */
    public static final String DIR = "tsa";
    /** Key file. */
    public static final String KEY = "tsa.key.pem";
    /** Certificate file. */
    public static final String CERT = "tsa.pem";

    private TsaEnrolment() {
    }

    /**
     * The TSA of validator {@code operatorId}, issuing its key and certificate if needed.
     *
     * @param s          the enrolment settings (files, CA directory and passphrases)
     * @param roster     the checked roster ({@code operatorId}'s certificate names the operating participant)
     * @param operatorId the operating validator (role COURT, ARBITRATOR or REGULATOR)
     * @param now        the time to check and issue at
     * @throws RosterException if the CA refuses, or the files cannot be read or written
     */
    public static TimestampAuthority ensure(ValidatorEnrolment.Settings s, ValidatorRoster roster, int operatorId,
                                            Instant now, SecureRandom random) throws RosterException {
        Path dir = s.files().dir().resolve(DIR);
        ValidatorRoster.Member operator = roster.member(operatorId);
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    if (!usable(dir, roster, now)) {
                        issue(dir, s, operator, now);
                    }
                    return load(dir, s, operator.participantId(), random);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new RosterException("cannot write the TSA identity under " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean usable(Path dir, ValidatorRoster roster, Instant now) throws RosterException {
        if (!Files.isRegularFile(dir.resolve(KEY)) || !Files.isRegularFile(dir.resolve(CERT))) {
            return false;
        }
        X509Certificate cert = ValidatorFiles.readCertificate(dir.resolve(CERT));
        ValidationResult v = roster.certificateValidator().validateTimestampAuthority(cert, now);
        return v.isValid() && now.isBefore(cert.getNotAfter().toInstant());
    }

    private static void issue(Path dir, ValidatorEnrolment.Settings s, ValidatorRoster.Member operator, Instant now)
            throws RosterException, IOException {
        try {
            IdentityService ca = IdentityService.open(s.caDir(), s.caPassphrase(), s.caConfig(), now);
            String regulator = ca.bootstrapRegistration().participantId();
            X509Certificate oc = operator.certificate();
            ParticipantIdentity id = ParticipantIdentity.of(oc);
            if (!id.participantId().equals(regulator)) {
                ca.apply(new ParticipantRegisteredRecord(id.participantId(), id.legalName(), id.role(),
                        Certificates.der(oc), oc.getSerialNumber().toString(16), oc.getNotBefore().toInstant(),
                        oc.getNotAfter().toInstant(), regulator, oc.getNotBefore().toInstant()));
            }
            KeyPair keys = generate(KeyPairGenerator.getInstance("EC", BcProvider.get()));
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=tsa"), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BcProvider.get())
                            .build(keys.getPrivate())).getEncoded();
            X509Certificate cert = ca.issueTimestampingCertificate(id.participantId(), csr, regulator, now);
            ValidatorFiles.writeAtomically(dir.resolve(KEY), EncryptedKeys.encrypt(keys.getPrivate(),
                    s.keyPassphrase(), s.keyPbkdf2Iterations(), new SecureRandom()));
            ValidatorFiles.writeAtomically(dir.resolve(CERT), Certificates.pem(cert));
        } catch (IdentityStoreException | IdentityRefusedException | CertificateException e) {
            throw new RosterException("the registry CA did not issue the TSA certificate of validator "
                    + operator.id() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a TSA key and request", e);
        }
    }

    private static KeyPair generate(KeyPairGenerator g) throws GeneralSecurityException {
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static TimestampAuthority load(Path dir, ValidatorEnrolment.Settings s, String operator,
                                           SecureRandom random) throws RosterException, IOException {
        X509Certificate cert = ValidatorFiles.readCertificate(dir.resolve(CERT));
        try {
            PrivateKey key = EncryptedKeys.decrypt(Files.readString(dir.resolve(KEY), StandardCharsets.US_ASCII),
                    s.keyPassphrase(), dir.resolve(KEY).toString());
            EncryptedKeys.requireMatch(key, cert.getPublicKey(), dir.resolve(KEY).toString());
            return new TimestampAuthority(key, cert, TsaPolicy.consortiumDefault(), operator, random);
        } catch (IdentityStoreException e) {
            throw new RosterException("cannot load the TSA key: " + e.getMessage(), e);
        }
    }
}
