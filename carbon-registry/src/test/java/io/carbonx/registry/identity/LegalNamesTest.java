package io.carbonx.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LegalNamesTest {

    @Test
    void displayFormTrimsAndCollapsesWhitespace() throws Exception {
        assertThat(LegalNames.displayForm("\t Acme \n  Steel\u00a0Ltd  ")).isEqualTo("Acme Steel Ltd");
        assertThat(LegalNames.displayForm("中国石化 股份有限公司")).isEqualTo("中国石化 股份有限公司");
    }

    @Test
    void comparisonKeyIgnoresCaseSpacingAndCompatibilityForms() throws Exception {
        assertThat(LegalNames.comparisonKey(LegalNames.displayForm("ACME  Steel")))
                .isEqualTo(LegalNames.comparisonKey(LegalNames.displayForm("acme steel")));
        assertThat(LegalNames.comparisonKey("Ｆｕｌｌｗｉｄｔｈ")).isEqualTo(LegalNames.comparisonKey("fullwidth"));
        assertThat(LegalNames.comparisonKey("Acme Steel")).isNotEqualTo(LegalNames.comparisonKey("Acme Steels"));
    }

    @Test
    void refusesControlAndFormatCharacters() {
        for (String bad : new String[] {"A\u0000B", "Zero\u200bWidth", "Bidi\u202eName", "", "  ", null}) {
            assertThatThrownBy(() -> LegalNames.displayForm(bad)).isInstanceOfSatisfying(IdentityRefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo(IdentityRefusal.INVALID_LEGAL_NAME));
        }
    }
}
