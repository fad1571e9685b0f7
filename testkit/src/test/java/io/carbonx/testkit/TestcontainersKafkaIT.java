package io.carbonx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Testcontainers variant: runs against {@value KafkaBrokerExtension#KAFKA_IMAGE} when a Docker engine is present,
 * and is reported <em>skipped</em> when none is (as on the build machines).
 */
@ExtendWith(KafkaBrokerExtension.class)
@UseKafka(KafkaBrokerKind.TESTCONTAINERS)
class TestcontainersKafkaIT {

    @Test
    void containerBrokerCreatesTopics(KafkaBroker broker) throws Exception {
        assertThat(broker.kind()).isEqualTo(KafkaBrokerKind.TESTCONTAINERS);
        String topic = broker.createTopic("container", 2);
        try (var admin = broker.clients().newAdmin()) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(2);
        }
    }
}
