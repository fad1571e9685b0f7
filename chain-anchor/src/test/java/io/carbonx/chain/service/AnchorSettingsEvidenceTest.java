package io.carbonx.chain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.timestamp.TimestampConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The time-stamping and evidence keys of {@code services.chain-anchor}. */
class AnchorSettingsEvidenceTest {

    @Test
    void byDefaultTheCourtValidatorStampsAndEveryNodeServesEvidence() {
        AnchorSettings s = AnchorSettings.of(new JsonObject());

        assertThat(s.timestamping()).isEqualTo(AnchorSettings.Timestamping.AUTO);
        assertThat(s.tsaOperator()).as("validator 2 is the COURT").isEqualTo(2);
        assertThat(s.evidence()).isTrue();
        assertThat(s.stampIntervalMs()).isEqualTo(200);
        assertThat(s.evidenceTailScanLimit()).isEqualTo(100_000);
    }

    @Test
    void theTsaOperatorIsTheLocalValidatorWithTheTsaRole() {
        JsonArray roles = new JsonArray().add("EXCHANGE").add("REGULATOR").add("ARBITRATOR").add("COURT");
        assertThat(AnchorSettings.of(new JsonObject().put("validatorRoles", roles)).tsaOperator()).isEqualTo(3);
        assertThat(AnchorSettings.of(new JsonObject().put("tsaValidatorRole", "ARBITRATOR")).tsaOperator())
                .isEqualTo(3);
        assertThat(AnchorSettings.of(new JsonObject().put("tsaValidatorRole", "VERIFIER")).tsaOperator())
                .isEqualTo(-1);
    }

    @Test
    void anHttpTsaIsNamedByItsHostUnlessNamed() {
        TimestampConfig c = AnchorSettings.of(new JsonObject().put("timestamping", "http")
                .put("tsaUrl", "http://court-node:8443/tsa")).tsaHttp();
        assertThat(c.mode()).isEqualTo(TimestampConfig.Mode.HTTP);
        assertThat(c.tsaName()).isEqualTo("court-node");
        assertThat(AnchorSettings.of(new JsonObject().put("tsaUrl", "https://tsa.example/").put("tsaName", "Ext TSA"))
                .tsaHttp().tsaName()).isEqualTo("Ext TSA");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> AnchorSettings.of(new JsonObject().put("timestamping", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamping")
                .hasMessageContaining("sometimes");
        assertThatThrownBy(() -> AnchorSettings.of(new JsonObject().put("stampIntervalMs", -1)))
                .hasMessageContaining("stampIntervalMs");
        assertThatThrownBy(() -> AnchorSettings.of(new JsonObject().put("tsaUrl", "ftp://x/")).tsaHttp())
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> AnchorSettings.of(new JsonObject()).tsaHttp()).hasMessageContaining("tsaUrl");
    }
}
