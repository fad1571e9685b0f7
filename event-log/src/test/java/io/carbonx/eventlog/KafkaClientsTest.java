package io.carbonx.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients("127.0.0.1:9092", Map.of("request.timeout.ms", "20000"));

    @Test
    void producerIsIdempotentWithAcksAllAndBatching() {
        Map<String, Object> p = clients.producerConfig("p1");

        assertThat(p).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024))
                .containsEntry("request.timeout.ms", "20000")
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Test
    void transactionalProducerCarriesItsStableIdAndTimeout() {
        Map<String, Object> p = clients.transactionalProducerConfig("exchange-0");

        assertThat(p).containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "exchange-0")
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }

    @Test
    void transactionalProducerRetriesSoonUnlessTheDeploymentSaysOtherwise() {
        assertThat(clients.transactionalProducerConfig("exchange-0"))
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "2")
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "50");
        assertThat(clients.producerConfig("p1")).doesNotContainKey(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);

        KafkaClients tuned = new KafkaClients("127.0.0.1:9092", Map.of(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "20"));
        assertThat(tuned.transactionalProducerConfig("exchange-0"))
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "20")
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "50");
        assertThat(clients.transactionalProducerConfig("exchange-0",
                Map.of(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "400")))
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "400");
    }

    @Test
    void consumerReadsCommittedWithoutAutoCommitFromEarliest() {
        Map<String, Object> c = clients.consumerConfig("g1");

        assertThat(c).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "g1")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @Test
    void harmlessOverridesApply() {
        Map<String, Object> p = clients.producerConfig("p1", Map.of(ProducerConfig.LINGER_MS_CONFIG, 20));

        assertThat(p).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20);
    }

    @Test
    void rejectsOverridesThatBreakDeliveryGuarantees() {
        assertThatThrownBy(() -> clients.producerConfig("p", Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.idempotence");
        assertThatThrownBy(() -> clients.producerConfig("p", Map.of(ProducerConfig.ACKS_CONFIG, "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks must be all");
        assertThatThrownBy(() -> clients.producerConfig("p",
                Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 5]");
        assertThatThrownBy(() -> clients.consumerConfig("g",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isolation.level");
        assertThatThrownBy(() -> clients.consumerConfig("g", Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.auto.commit");
    }

    @Test
    void acceptsMinusOneAsAcksAll() {
        assertThat(clients.producerConfig("p", Map.of(ProducerConfig.ACKS_CONFIG, "-1")))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "-1");
    }

    @Test
    void rejectsBlankBootstrapAndTransactionalId() {
        assertThatThrownBy(() -> new KafkaClients(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clients.transactionalProducerConfig(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactionalId");
    }
}
