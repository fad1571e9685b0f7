package io.carbonx.exchange.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionScheduleTest {

    private static final long H = 3_600_000L;
    private static final long DAY = 20_000L * SessionSchedule.DAY_MS;

    @Test
    void phaseAtFollowsTheDailyTimetable() {
        SessionSchedule daily = SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H);

        assertThat(daily.phaseAt(DAY + H - 1)).isEqualTo(TradingPhase.CLOSED);
        assertThat(daily.phaseAt(DAY + H)).isEqualTo(TradingPhase.PRE_OPEN);
        assertThat(daily.phaseAt(DAY + 2 * H)).isEqualTo(TradingPhase.CONTINUOUS);
        assertThat(daily.phaseAt(DAY + 20 * H)).isEqualTo(TradingPhase.CLOSING_AUCTION);
        assertThat(daily.phaseAt(DAY + 21 * H)).isEqualTo(TradingPhase.CLOSED);
    }

    @Test
    void phaseAtFollowsThePeriodicTimetable() {
        SessionSchedule periodic = SessionSchedule.periodic(H, 2 * H, 21 * H, 60_000);

        assertThat(periodic.phaseAt(DAY + H)).isEqualTo(TradingPhase.PRE_OPEN);
        assertThat(periodic.phaseAt(DAY + 10 * H)).isEqualTo(TradingPhase.PERIODIC_AUCTION);
        assertThat(periodic.phaseAt(DAY + 22 * H)).isEqualTo(TradingPhase.CLOSED);
    }

    @Test
    void inconsistentTimetablesAreConfigurationErrors() {
        assertThatThrownBy(() -> SessionSchedule.daily(2 * H, H, 20 * H, 21 * H))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionSchedule.daily(H, 2 * H, 20 * H, SessionSchedule.DAY_MS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionSchedule.periodic(H, 2 * H, 21 * H, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inconsistentInstrumentRulesAreConfigurationErrors() {
        assertThatThrownBy(() -> InstrumentRules.builder("X").tickSize(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstrumentRules.builder("X").quantityRange(10, 5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstrumentRules.builder("X").priceBand(100, 10_001).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstrumentRules.builder(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
