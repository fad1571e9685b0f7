package io.carbonx.rating.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The service configuration section: defaults, overrides, precise refusals. */
class RatingServiceSettingsTest {

    @Test
    void emptySectionGivesTheDocumentedDefaults() {
        RatingServiceSettings s = RatingServiceSettings.from(new JsonObject(), "node-1");
        assertThat(s.inputTopic()).isEqualTo("carbonx.registry.journal");
        assertThat(s.outputTopic()).isEqualTo("carbonx.ratings");
        assertThat(s.deadLetterTopic()).isEqualTo("carbonx.deadletter");
        assertThat(s.groupId()).isEqualTo("credit-rating");
        assertThat(s.transactionalId()).isEqualTo("credit-rating-node-1");
        assertThat(s.transactionInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.readModel()).isTrue();
        assertThat(s.scorecard().fingerprint()).isEqualTo(ScorecardConfig.defaults().fingerprint());
        assertThat(s.policy()).isEqualTo(RatingPolicy.defaults());
    }

    @Test
    void defaultConfigSectionReadsBackToTheJavaDefaults() {
        RatingServiceSettings s = RatingServiceSettings.from(RatingServiceSettings.defaultConfig(), "n");
        assertThat(s.scorecard()).isEqualTo(ScorecardConfig.defaults());
        assertThat(s.policy()).isEqualTo(RatingPolicy.defaults());
    }

    @Test
    void overridesApplyKeyByKey() {
        JsonObject config = new JsonObject()
                .put("inputTopic", "journal-2")
                .put("transactionalId", "rating-a")
                .put("scorecard", new JsonObject().put("halfLifeMs", 90L * ScorecardConfig.DAY_MS)
                        .put("defaultKindWeightPct", new JsonObject().put("EXTERNAL_BANK", 50))
                        .put("amountSeverity", new JsonObject().put("thresholds", new JsonArray().add(1000))
                                .put("points", new JsonArray().add(10).add(20))))
                .put("policy", new JsonObject().put("AAA", new JsonObject().put("depositShareBps", 400)));
        RatingServiceSettings s = RatingServiceSettings.from(config, "n");
        assertThat(s.inputTopic()).isEqualTo("journal-2");
        assertThat(s.transactionalId()).isEqualTo("rating-a");
        assertThat(s.scorecard().halfLifeMs()).isEqualTo(90L * ScorecardConfig.DAY_MS);
        assertThat(s.scorecard().defaultWeightPct(DefaultKind.EXTERNAL_BANK)).isEqualTo(50);
        assertThat(s.scorecard().defaultWeightPct(DefaultKind.PAYMENT)).isEqualTo(100);
        assertThat(s.scorecard().amountSeverity().pointsFor(5_000)).isEqualTo(20);
        assertThat(s.policy().depositShareBps(CreditGrade.AAA)).isEqualTo(400);
        assertThat(s.policy().depositShareBps(CreditGrade.AA)).isEqualTo(700);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> RatingServiceSettings.from(new JsonObject().put("scorecard",
                new JsonObject().put("gradeBands", new JsonObject().put("AA", 950))), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scorecard.gradeBands");
        assertThatThrownBy(() -> RatingServiceSettings.from(new JsonObject().put("policy",
                new JsonObject().put("D", new JsonObject().put("canOpenOrders", true))), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy.D");
        assertThatThrownBy(() -> RatingServiceSettings.from(new JsonObject().put("policy",
                new JsonObject().put("B", new JsonObject().put("depositShareBps", 20_000))), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy.B.depositShareBps");
        assertThatThrownBy(() -> RatingServiceSettings.from(new JsonObject().put("outputTopic",
                "carbonx.registry.journal"), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputTopic");
        assertThatThrownBy(() -> RatingServiceSettings.from(new JsonObject().put("transactionIntervalMs", 0), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactionIntervalMs");
        assertThatThrownBy(() -> RatingServiceSettings.from(new JsonObject().put("readModel", "yes"), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong type");
    }
}
