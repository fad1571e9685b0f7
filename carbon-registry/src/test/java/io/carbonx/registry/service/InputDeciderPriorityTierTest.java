package io.carbonx.registry.service;

import static io.carbonx.registry.service.RegistryInputs.T0;
import static io.carbonx.registry.service.RegistryInputs.of;
import static io.carbonx.registry.service.RegistryInputs.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.Side;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.LedgerConfig.GradeTerms;
import io.carbonx.registry.core.command.LedgerCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry is the one source of the exchange's ranking at equal price: every OrderAccepted carries the
 * priority tier its grade table configures for the participant's grade at acceptance (next to the deposit share),
 * so reconfiguring the table changes what the book does.
 */
class InputDeciderPriorityTierTest {

    private static final String EUA = "EUA-2026";

    @TempDir
    Path caDir;

    private static RegistryInputs registry(RegistryInputs r) {
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.enterprise("BUYER", 10_000_000);
        return r;
    }

    private static OrderAccepted place(RegistryInputs r, String orderId, long time) {
        Decision d = r.decide(submitted(orderId, "BUYER", EUA, Side.BUY, 10, time).setPriceMinor(9_000L).build());
        assertThat(d.accepted()).as(d.detail).isTrue();
        return of(d, OrderAccepted.class).get(0);
    }

    @Test
    void givenDefaultTerms_whenAnUnratedParticipantOrders_thenOrderAcceptedCarriesUnratedsConfiguredTier() {
        RegistryInputs r = registry(new RegistryInputs(caDir));

        OrderAccepted accepted = place(r, "BUYER-1", T0 + 1);

        assertThat(accepted.getGrade()).isEqualTo(CreditGrade.UNRATED);
        assertThat(accepted.getPriorityTier()).as("UNRATED's default tier equals BB's, not its enum position")
                .isEqualTo(LedgerConfig.defaults().terms(CreditGrade.BB).priorityTier()).isEqualTo(4);
        assertThat(accepted.getDepositShareBps()).isEqualTo(2_000);
        r.assertReplayMatches();
    }

    @Test
    void givenReconfiguredTiers_whenTheGradeChanges_thenEachOrderCarriesTheTierOfItsGradeAtAcceptance() {
        LedgerConfig ledger = LedgerConfig.defaults()
                .withGradeTerms(CreditGrade.UNRATED, new GradeTerms(2_000, 900, 1_000_000_000L, true))
                .withGradeTerms(CreditGrade.B, new GradeTerms(3_000, 0, 2_000_000_000L, true));
        RegistryInputs r = registry(new RegistryInputs(caDir, ledger));

        OrderAccepted unrated = place(r, "BUYER-1", T0 + 1);
        r.ok(new LedgerCommand.ChangeCreditGrade("BUYER", CreditGrade.B, T0 + 2));
        OrderAccepted rated = place(r, "BUYER-2", T0 + 3);

        assertThat(unrated.getPriorityTier()).isEqualTo(900);
        assertThat(rated.getGrade()).isEqualTo(CreditGrade.B);
        assertThat(rated.getPriorityTier()).isZero();
        assertThat(rated.getDepositShareBps()).isEqualTo(3_000);
        r.assertReplayMatches();
    }

    @Test
    void aTierOutsideZeroToOneThousandIsRefusedByTheConfiguration() {
        assertThatThrownBy(() -> new GradeTerms(2_000, -1, 0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priorityTier");
        assertThatThrownBy(() -> new GradeTerms(2_000, 1_001, 0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priorityTier");
    }
}
