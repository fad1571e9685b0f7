package io.carbonx.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka in a Docker container ({@value KafkaBrokerExtension#KAFKA_IMAGE}), stopped on close. */
final class ContainerBroker extends AbstractKafkaBroker {

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
        connected(container.getBootstrapServers());
    }

    static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(KafkaBrokerExtension.KAFKA_IMAGE));
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public KafkaBrokerKind kind() {
        return KafkaBrokerKind.TESTCONTAINERS;
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    protected void stopBroker() {
        container.stop();
    }
}
