package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.CONFIG;
import static io.carbonx.registry.identity.PkiFixtures.PASSPHRASE;
import static io.carbonx.registry.identity.PkiFixtures.T0;
import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.T2;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static io.carbonx.registry.identity.PkiFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesEveryFile_laterStartLoadsTheSameCa() throws Exception {
        IdentityService first = PkiFixtures.openService(dir);
        assertThat(first.createdOnThisStart()).isTrue();
        for (String f : new String[] {CaStore.ROOT_CERT, CaStore.ROOT_KEY, CaStore.ISSUING_CERT, CaStore.ISSUING_KEY,
                CaStore.CHAIN, CaStore.BOOTSTRAP_CERT, CaStore.BOOTSTRAP_KEY, CaStore.CRL}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }

        IdentityService second = IdentityService.open(dir, PASSPHRASE, CONFIG, T0.plus(Duration.ofDays(400)));
        assertThat(second.createdOnThisStart()).isFalse();
        assertThat(second.rootCertificate().getEncoded()).isEqualTo(first.rootCertificate().getEncoded());
        assertThat(second.issuingCertificate().getEncoded()).isEqualTo(first.issuingCertificate().getEncoded());
        assertThat(second.bootstrapRegistration()).isEqualTo(first.bootstrapRegistration());

        ParticipantRegisteredRecord p = register(second, p256(), "After Restart Ltd", Role.ENTERPRISE,
                bootstrapId(second), T1);
        assertThat(first.validator().validate(p.certificateDer(), Role.ENTERPRISE, T2).isValid())
                .as("a certificate issued after restart chains to the same root").isTrue();
    }

    @Test
    void wrongPassphraseFailsPrecisely() throws Exception {
        PkiFixtures.openService(dir);
        assertThatThrownBy(() -> IdentityService.open(dir, "not the passphrase".toCharArray(), CONFIG, T1))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.failure()).isEqualTo(StoreFailure.WRONG_PASSPHRASE))
                .hasMessageContaining(CaStore.ROOT_KEY);
    }

    @Test
    void weakPassphraseRefusedAtCreation() {
        assertThatThrownBy(() -> IdentityService.open(dir, "short".toCharArray(), CONFIG, T0))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.failure()).isEqualTo(StoreFailure.WEAK_PASSPHRASE));
        assertThat(dir.resolve(CaStore.ROOT_KEY)).doesNotExist();
    }

    @Test
    void incompleteDirectoryIsRefusedAndNotOverwritten() throws Exception {
        PkiFixtures.openService(dir);
        byte[] root = Files.readAllBytes(dir.resolve(CaStore.ROOT_CERT));
        Files.delete(dir.resolve(CaStore.ISSUING_CERT));
        assertThatThrownBy(() -> PkiFixtures.openService(dir))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.failure()).isEqualTo(StoreFailure.INCOMPLETE_STORE));
        assertThat(Files.readAllBytes(dir.resolve(CaStore.ROOT_CERT))).isEqualTo(root);
    }

    @Test
    void swappedKeyFileIsAMismatch() throws Exception {
        PkiFixtures.openService(dir);
        Files.copy(dir.resolve(CaStore.BOOTSTRAP_KEY), dir.resolve(CaStore.ISSUING_KEY),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> PkiFixtures.openService(dir))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.failure()).isEqualTo(StoreFailure.KEY_CERTIFICATE_MISMATCH));
    }

    @Test
    void corruptCertificateFileIsReported() throws Exception {
        PkiFixtures.openService(dir);
        Files.writeString(dir.resolve(CaStore.ISSUING_CERT), "not a certificate");
        assertThatThrownBy(() -> PkiFixtures.openService(dir))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.failure()).isEqualTo(StoreFailure.CORRUPT_FILE));
    }

    @Test
    void keysAreEncryptedPkcs8WithPbes2Aes256AndOwnerOnly() throws Exception {
        PkiFixtures.openService(dir);
        for (String f : new String[] {CaStore.ROOT_KEY, CaStore.ISSUING_KEY, CaStore.BOOTSTRAP_KEY}) {
            String pem = Files.readString(dir.resolve(f), StandardCharsets.US_ASCII);
            assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("BEGIN PRIVATE KEY");
            PKCS8EncryptedPrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(
                    Pem.decodeSingle(pem, Set.of(Pem.ENCRYPTED_PRIVATE_KEY)));
            assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
            PBES2Parameters params = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
            assertThat(params.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
            PBKDF2Params kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
            assertThat(kdf.getIterationCount().intValue()).isEqualTo(CONFIG.pbkdf2Iterations());
            assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void bootstrapKeyIsGivenToTheOperator() throws Exception {
        IdentityService service = PkiFixtures.openService(dir);
        PrivateKey key = new CaStore(dir).loadBootstrapKey(PASSPHRASE);
        byte[] request = "approve p-123".getBytes(StandardCharsets.UTF_8);
        X509Certificate cert = service.participantCertificate(bootstrapId(service)).orElseThrow();
        byte[] sig = ParticipantSigner.forKey(key, cert.getPublicKey()).sign(request);
        assertThat(SignatureVerifier.verify(cert, request, sig)).isTrue();
    }

    @Test
    void crlIsPersistedAndLoadedOnRestart_replayRestoresTheSameState() throws Exception {
        IdentityService live = PkiFixtures.openService(dir);
        List<IdentityRecord> log = new ArrayList<>();
        log.add(live.bootstrapRegistration());
        ParticipantRegisteredRecord p = registerLogged(live, log, "Revoked Ltd");
        registerLogged(live, log, "Kept Ltd");
        CertificateRevokedRecord revoked = live.revoke(p.participantId(), RevocationReason.KEY_COMPROMISE,
                bootstrapId(live), T2);
        live.apply(revoked);
        log.add(revoked);
        assertThat(Files.readString(dir.resolve(CaStore.CRL))).startsWith("-----BEGIN X509 CRL-----");

        IdentityService restarted = PkiFixtures.openService(dir);
        assertThat(restarted.validator().validate(p.certificateDer(), Role.ENTERPRISE, T2.plusSeconds(1)).status())
                .as("the stored CRL is in force before replay").isEqualTo(ValidationStatus.REVOKED);
        for (IdentityRecord r : log) {
            restarted.apply(r);
        }
        assertThat(restarted.registry().stateHash()).isEqualTo(live.registry().stateHash());
        assertThat(restarted.registry().participants()).isEqualTo(live.registry().participants());
    }

    private static ParticipantRegisteredRecord registerLogged(IdentityService s, List<IdentityRecord> log,
                                                              String name) throws Exception {
        RegistrationSubmittedRecord sub = s.submitRegistration(PkiFixtures.csr(p256()), name, Role.ENTERPRISE, T1);
        s.apply(sub);
        log.add(sub);
        ParticipantRegisteredRecord reg = s.approveRegistration(sub.participantId(), bootstrapId(s), T1);
        s.apply(reg);
        log.add(reg);
        return reg;
    }
}
