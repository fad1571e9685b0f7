package io.carbonx.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.core.ReasonCode;
import org.junit.jupiter.api.Test;

class ReasonStatusTest {

    @Test
    void everyLedgerReasonCategoryHasItsStatus() {
        assertThat(ReasonStatus.of(ReasonCode.MISSING_FIELD.name())).isEqualTo(400);
        assertThat(ReasonStatus.of(ReasonCode.ARITHMETIC_OVERFLOW.name())).isEqualTo(400);
        assertThat(ReasonStatus.of(ReasonCode.ACCOUNT_EXISTS.name())).isEqualTo(409);
        assertThat(ReasonStatus.of(ReasonCode.EMISSIONS_ALREADY_RECORDED.name())).isEqualTo(409);
        assertThat(ReasonStatus.of(ReasonCode.UNKNOWN_ACCOUNT.name())).isEqualTo(404);
        assertThat(ReasonStatus.of(ReasonCode.UNKNOWN_TRADE.name())).isEqualTo(404);
        assertThat(ReasonStatus.of(ReasonCode.UNKNOWN_ACTOR.name())).isEqualTo(403);
        assertThat(ReasonStatus.of(ReasonCode.GRADE_CANNOT_TRADE.name())).isEqualTo(403);
        assertThat(ReasonStatus.of(ReasonCode.ACCOUNT_FROZEN.name())).isEqualTo(409);
        assertThat(ReasonStatus.of(ReasonCode.SURRENDER_EXCEEDS_OBLIGATION.name())).isEqualTo(409);
        for (ReasonCode r : ReasonCode.values()) {
            assertThat(ReasonStatus.of(r.name())).as(r.name()).isIn(400, 403, 404, 409);
        }
    }

    @Test
    void caAndAdapterRefusalsHaveTheirStatus() {
        assertThat(ReasonStatus.of("MALFORMED_CSR")).isEqualTo(400);
        assertThat(ReasonStatus.of("WEAK_KEY")).isEqualTo(400);
        assertThat(ReasonStatus.of("DUPLICATE_LEGAL_NAME")).isEqualTo(409);
        assertThat(ReasonStatus.of("APPROVER_NOT_AUTHORISED")).isEqualTo(403);
        assertThat(ReasonStatus.of("UNKNOWN_REGISTRATION")).isEqualTo(404);
        assertThat(ReasonStatus.of("WRONG_CHAIN")).isEqualTo(400);
    }
}
