package io.carbonx.node.it.multi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.carbonx.chain.identity.TsaEnrolment;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.registry.service.StandaloneApiSecurity;

/**
 * The consortium's key material, made once before any process starts, the way k8s/README.md "Secrets" does it: the
 * registry CA (in the registry process's own data directory), four validator identities and the COURT validator's
 * TSA identity issued by it, and per process only what that process would hold in a real deployment: the registry
 * its CA; validator {@code i} the CA certificates, every validator's certificate and its own key (and the TSA's key
 * for the COURT validator); the other roles the CA's public certificates
 * ({@code services.registry.caCertificatesDir}). One random token key for every node.
 */
final class Consortium {

    static final String CHAIN = "fault-chain";
    static final String PASSPHRASE = "fault-test-passphrase";
    static final int PBKDF2 = 1000;
    static final List<Role> VALIDATOR_ROLES = List.of(Role.EXCHANGE, Role.REGULATOR, Role.COURT, Role.ARBITRATOR);
    /** The validator whose node runs the consortium TSA (role COURT, AnchorSettings' tsaValidatorRole). */
    static final int TSA_VALIDATOR = VALIDATOR_ROLES.indexOf(Role.COURT);

    private final Path registryCa;
    private final Path publicCa;
    private final Path enrolled;
    private final String tokenKeyBase64;

    private Consortium(Path registryCa, Path publicCa, Path enrolled, String tokenKeyBase64) {
        this.registryCa = registryCa;
        this.publicCa = publicCa;
        this.enrolled = enrolled;
        this.tokenKeyBase64 = tokenKeyBase64;
    }

    /**
     * Creates the CA in {@code registryCa} and enrols the validators.
     *
     * @param registryCa the registry process's CA directory ({@code <data>/services/registry/ca})
     * @param work       a scratch directory for the shared files
     */
    static Consortium create(Path registryCa, Path work) throws Exception {
        Instant now = Instant.now();
        IdentityConfig caConfig = IdentityConfig.defaults().withPbkdf2Iterations(PBKDF2);
        IdentityService.open(registryCa, PASSPHRASE.toCharArray(), caConfig, now);
        Path enrolled = work.resolve("enrolled-validators");
        ValidatorEnrolment.Settings enrol = new ValidatorEnrolment.Settings(new ValidatorFiles(enrolled),
                VALIDATOR_ROLES, CHAIN, registryCa, PASSPHRASE.toCharArray(), caConfig, PASSPHRASE.toCharArray(),
                PBKDF2, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(enrol, Set.of(0, 1, 2, 3), now);
        // the consortium TSA, run by the COURT validator's node, gets its key and certificate here too
        TsaEnrolment.ensure(enrol, ValidatorEnrolment.roster(enrol.files(), VALIDATOR_ROLES, registryCa, now),
                TSA_VALIDATOR, now, new SecureRandom());
        Path publicCa = Files.createDirectories(work.resolve("ca-public"));
        for (String file : List.of(CaStore.ROOT_CERT, CaStore.ISSUING_CERT, CaStore.CRL)) {
            if (Files.exists(registryCa.resolve(file))) {
                Files.copy(registryCa.resolve(file), publicCa.resolve(file));
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Consortium(registryCa, publicCa, enrolled, Base64.getEncoder().encodeToString(key));
    }

    /** The CA's public certificates (and CRL): what every role but the registry trusts. */
    Path publicCa() {
        return publicCa;
    }

    /** The token key every node shares. */
    String tokenKeyBase64() {
        return tokenKeyBase64;
    }

    /**
     * Writes validator {@code id}'s own validators directory: the CA certificates, every validator's certificate,
     * and only its own key.
     */
    Path validatorFiles(int id, Path dir) {
        ValidatorFiles from = new ValidatorFiles(enrolled);
        ValidatorFiles to = new ValidatorFiles(dir);
        try {
            Files.createDirectories(dir);
            Files.copy(from.rootFile(), to.rootFile());
            Files.copy(from.issuingFile(), to.issuingFile());
            for (int j = 0; j < VALIDATOR_ROLES.size(); j++) {
                Files.createDirectories(to.validatorDir(j));
                Files.copy(from.certificateFile(j), to.certificateFile(j));
            }
            Files.copy(from.keyFile(id), to.keyFile(id));
            if (id == TSA_VALIDATOR) {
                Path tsa = Files.createDirectories(dir.resolve(TsaEnrolment.DIR));
                Files.copy(enrolled.resolve(TsaEnrolment.DIR).resolve(TsaEnrolment.KEY), tsa.resolve(TsaEnrolment.KEY));
                Files.copy(enrolled.resolve(TsaEnrolment.DIR).resolve(TsaEnrolment.CERT),
                        tsa.resolve(TsaEnrolment.CERT));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every validator's certificate (for the chain verification). */
    List<Path> validatorCertificates() {
        List<Path> out = new ArrayList<>();
        ValidatorFiles files = new ValidatorFiles(enrolled);
        for (int j = 0; j < VALIDATOR_ROLES.size(); j++) {
            out.add(files.certificateFile(j));
        }
        out.add(files.rootFile());
        out.add(files.issuingFile());
        return out;
    }

    /** The consortium's trust anchor, as a verifier outside the cluster holds it. */
    CertificateValidator trust() {
        List<X509Certificate> ca = StandaloneApiSecurity.readCaCertificates(publicCa);
        return CertificateValidator.create(ca.get(0), List.of(ca.get(1)));
    }

    /** The CA's bootstrap REGULATOR, as the operator holds it (key decrypted with the CA passphrase). */
    ParticipantSigner bootstrapSigner() throws Exception {
        PrivateKey key = EncryptedKeys.decrypt(Files.readString(registryCa.resolve(CaStore.BOOTSTRAP_KEY)),
                PASSPHRASE.toCharArray(), "bootstrap");
        return ParticipantSigner.forKey(key, bootstrapCertificate().getPublicKey());
    }

    /** The bootstrap REGULATOR's participant id. */
    String bootstrapId() throws Exception {
        return ParticipantIdentity.of(bootstrapCertificate()).participantId();
    }

    private X509Certificate bootstrapCertificate() throws Exception {
        return Certificates.fromDer(Pem.decodeSingle(Files.readString(registryCa.resolve(CaStore.BOOTSTRAP_CERT)),
                Set.of(Pem.CERTIFICATE)));
    }
}
