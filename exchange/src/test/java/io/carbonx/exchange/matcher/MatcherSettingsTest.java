package io.carbonx.exchange.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.processing.ProcessorSettings;
import io.carbonx.exchange.service.ExchangeTopics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher's loop is a static group member, so a restart after a crash does not wait for the session timeout. */
class MatcherSettingsTest {

    @Test
    void theLoopJoinsItsGroupAsAStaticMemberNamedByItsTransactionalId() {
        ProcessorSettings s = Matcher.loopSettings(new ExchangeTopics(""), "exchange", "exchange-node-1",
                Duration.ofMillis(20));

        assertThat(s.groupInstanceId()).isEqualTo("exchange-node-1");
        assertThat(s.transactionalId()).isEqualTo("exchange-node-1");
        assertThat(s.inputTopics()).isEqualTo(List.of(new ExchangeTopics("").orders()));
        assertThat(s.transactionInterval()).isEqualTo(Duration.ofMillis(20));
    }
}
