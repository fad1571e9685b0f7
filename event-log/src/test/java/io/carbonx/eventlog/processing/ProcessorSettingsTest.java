package io.carbonx.eventlog.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.KafkaClients;
import org.junit.jupiter.api.Test;

class ProcessorSettingsTest {

    private final ProcessorSettings defaults = ProcessorSettings.of("g", "svc-0", List.of("in"));

    @Test
    void defaultsBoundTransactionsBySizeAndTime() {
        assertThat(defaults.maxRecordsPerTransaction()).isEqualTo(2000);
        assertThat(defaults.transactionInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.groupInstanceId()).isNull();
        assertThat(defaults.caughtUpCommitSpacing()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void caughtUpCommitsCanBeSpacedOrTurnedOff() {
        assertThat(defaults.withCaughtUpCommits(Duration.ofMillis(3)).caughtUpCommitSpacing())
                .isEqualTo(Duration.ofMillis(3));
        assertThat(defaults.withCaughtUpCommits(null).caughtUpCommitSpacing()).isNull();
        assertThat(defaults.withCaughtUpCommits(null).withPollTimeout(Duration.ofMillis(7)).caughtUpCommitSpacing())
                .as("other withers keep it").isNull();
        assertThatThrownBy(() -> defaults.withCaughtUpCommits(Duration.ofMillis(-1)))
                .hasMessageContaining("caughtUpCommitSpacing");
    }

    @Test
    void withersChangeOnlyTheirField() {
        ProcessorSettings s = defaults.withTransactionBounds(10, Duration.ofSeconds(1)).withGroupInstanceId("svc-0");

        assertThat(s.maxRecordsPerTransaction()).isEqualTo(10);
        assertThat(s.transactionInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.groupInstanceId()).isEqualTo("svc-0");
        assertThat(s.inputTopics()).isEqualTo(defaults.inputTopics());
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> ProcessorSettings.of("g", "t", List.of()))
                .hasMessageContaining("at least one input topic");
        assertThatThrownBy(() -> defaults.withTransactionBounds(0, Duration.ofMillis(1)))
                .hasMessageContaining("maxRecordsPerTransaction");
        assertThatThrownBy(() -> defaults.withTransactionBounds(1, Duration.ZERO))
                .hasMessageContaining("transactionInterval");
        assertThatThrownBy(() -> defaults.withGroupInstanceId(" ")).hasMessageContaining("groupInstanceId");
        assertThatThrownBy(() -> defaults.withFailurePolicy(0, Duration.ZERO))
                .hasMessageContaining("maxConsecutiveFailures");
    }

    @Test
    void processorRejectsAConsumerThatWouldNotRewindToTheBeginning() {
        ProcessorSettings latest = defaults.withConsumerOverrides(Map.of("auto.offset.reset", "latest"));

        assertThatThrownBy(() -> new ExactlyOnceProcessor(new KafkaClients("127.0.0.1:1"), latest, r -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto.offset.reset must be earliest");
    }

    @Test
    void processorRejectsUnsafeOverridesBeforeConnecting() {
        ProcessorSettings unsafe = defaults.withProducerOverrides(Map.of("enable.idempotence", "false"));

        assertThatThrownBy(() -> new ExactlyOnceProcessor(new KafkaClients("127.0.0.1:1"), unsafe, r -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.idempotence");
    }
}
