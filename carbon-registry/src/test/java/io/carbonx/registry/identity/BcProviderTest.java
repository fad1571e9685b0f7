package io.carbonx.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.LightweightSignatures;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcProviderTest {

    @TempDir
    Path dir;

    @Test
    void registrationIsIdempotent() {
        Provider first = BcProvider.get();
        Provider second = BcProvider.get();
        assertThat(second).isSameAs(first).isSameAs(Security.getProvider("BC"));
        assertThat(Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals("BC"))).hasSize(1);
    }

    /**
     * The validator verifies the CAs' ECDSA/Ed25519 signatures with {@link LightweightSignatures}: it validates
     * (and installs CRLs) with the BouncyCastle JCA provider removed, without registering it again (building that
     * provider was a fifth of a cold {@code evidence verify}), and re-registers its own provider if removed.
     */
    @Test
    void validatorWorksWithoutTheBouncyCastleProvider_andWithoutRegisteringIt() throws Exception {
        IdentityService service = PkiFixtures.openService(dir);
        ParticipantRegisteredRecord p = PkiFixtures.register(service, PkiFixtures.p256(), "Provider Ltd",
                Role.ENTERPRISE, PkiFixtures.bootstrapId(service), PkiFixtures.T1);
        CertificateRevokedRecord revoked = service.revoke(p.participantId(), RevocationReason.KEY_COMPROMISE,
                PkiFixtures.bootstrapId(service), PkiFixtures.T2);
        Security.removeProvider("BC");
        Security.removeProvider(LightweightSignatures.NAME);
        try {
            CertificateValidator fresh = CertificateValidator.fromDer(service.rootCertificate().getEncoded(),
                    List.of(service.issuingCertificate().getEncoded()));
            assertThat(fresh.validate(p.certificateDer(), Role.ENTERPRISE, PkiFixtures.T2).status())
                    .isEqualTo(ValidationStatus.VALID);
            assertThat(fresh.updateCrl(revoked.crlDer())).isTrue();
            assertThat(fresh.validate(p.certificateDer(), Role.ENTERPRISE, PkiFixtures.T2.plusSeconds(1)).status())
                    .isEqualTo(ValidationStatus.REVOKED);
            assertThat(Security.getProvider("BC")).isNull();
            assertThat(Security.getProvider(LightweightSignatures.NAME)).isNotNull();
        } finally {
            BcProvider.get();
        }
    }
}
