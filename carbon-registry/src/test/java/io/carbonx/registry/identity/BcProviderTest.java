package io.carbonx.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.BcProvider;
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

    @Test
    void validatorWorksEvenWhenTheProviderWasRemoved() throws Exception {
        IdentityService service = PkiFixtures.openService(dir);
        ParticipantRegisteredRecord p = PkiFixtures.register(service, PkiFixtures.p256(), "Provider Ltd",
                Role.ENTERPRISE, PkiFixtures.bootstrapId(service), PkiFixtures.T1);
        Security.removeProvider("BC");
        try {
            CertificateValidator fresh = CertificateValidator.fromDer(service.rootCertificate().getEncoded(),
                    List.of(service.issuingCertificate().getEncoded()));
            assertThat(fresh.validate(p.certificateDer(), Role.ENTERPRISE, PkiFixtures.T2).status())
                    .isEqualTo(ValidationStatus.VALID);
            assertThat(Security.getProvider("BC")).isNotNull();
        } finally {
            BcProvider.get();
        }
    }
}
