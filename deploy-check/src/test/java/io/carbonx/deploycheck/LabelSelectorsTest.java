package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    private static final Map<String, String> POD = Map.of("app.kubernetes.io/name", "carbonx-node",
            "app.kubernetes.io/component", "validator");

    @Test
    void matchLabelsNeedEveryPair() {
        assertThat(LabelSelectors.matches(yaml("matchLabels: {app.kubernetes.io/component: validator}"), POD)).isTrue();
        assertThat(LabelSelectors.matches(yaml("matchLabels: {app.kubernetes.io/component: gateway}"), POD)).isFalse();
        assertThat(LabelSelectors.matches(yaml("matchLabels: {tier: x, app.kubernetes.io/component: validator}"), POD))
                .isFalse();
    }

    @Test
    void matchExpressionsSupportEveryOperator() {
        assertThat(LabelSelectors.matches(yaml("matchExpressions: [{key: app.kubernetes.io/component, operator: In,"
                + " values: [gateway, validator]}]"), POD)).isTrue();
        assertThat(LabelSelectors.matches(yaml("matchExpressions: [{key: app.kubernetes.io/component, operator: NotIn,"
                + " values: [validator]}]"), POD)).isFalse();
        assertThat(LabelSelectors.matches(yaml("matchExpressions: [{key: tier, operator: DoesNotExist}]"), POD))
                .isTrue();
        assertThat(LabelSelectors.matches(yaml("matchExpressions: [{key: tier, operator: Exists}]"), POD)).isFalse();
        assertThatThrownBy(() -> LabelSelectors.matches(yaml("matchExpressions: [{key: tier, operator: Gt}]"), POD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gt");
    }

    @Test
    void anEmptyLabelSelectorMatchesEverythingButAnEmptyServiceSelectorNothing() {
        assertThat(LabelSelectors.matches(yaml("{}"), POD)).isTrue();
        assertThat(LabelSelectors.isEmpty(yaml("{}"))).isTrue();
        assertThat(LabelSelectors.matchesMap(Map.of(), POD)).isFalse();
        assertThat(LabelSelectors.matchesMap(Map.of("app.kubernetes.io/name", "carbonx-node"), POD)).isTrue();
    }

    @Test
    void quantitiesCompareAcrossUnits() {
        assertThat(Quantities.parse("500m")).isEqualByComparingTo("0.5");
        assertThat(Quantities.parse("1Gi")).isEqualByComparingTo(Quantities.parse("1024Mi"));
        assertThat(Quantities.parse("1G")).isLessThan(Quantities.parse("1Gi"));
        assertThatThrownBy(() -> Quantities.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
