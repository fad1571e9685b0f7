package io.carbonx.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes run only through the JUnit {@code EngineTestKit} by {@link KafkaBrokerExtensionLifecycleIT} (their
 * names match neither surefire's nor failsafe's patterns). Each records the broker it was given.
 */
final class ExtensionScenarios {

    static final List<KafkaBroker> SEEN = new CopyOnWriteArrayList<>();

    private ExtensionScenarios() {
    }

    @ExtendWith(KafkaBrokerExtension.class)
    @UseKafka(KafkaBrokerKind.EMBEDDED)
    static class FirstClass {
        @Test
        void usesBroker(KafkaBroker broker) {
            SEEN.add(broker);
            broker.createTopic("first", 1);
        }
    }

    @ExtendWith(KafkaBrokerExtension.class)
    @UseKafka(KafkaBrokerKind.EMBEDDED)
    static class SecondClass {
        @Test
        void usesBroker(KafkaBroker broker) {
            SEEN.add(broker);
            broker.createTopic("second", 1);
        }
    }

    /** Requests the container variant explicitly. */
    @ExtendWith(KafkaBrokerExtension.class)
    @UseKafka(KafkaBrokerKind.TESTCONTAINERS)
    static class PinnedToTestcontainers {
        @Test
        void usesBroker(KafkaBroker broker) {
            SEEN.add(broker);
        }
    }

    /** Follows the {@code carbonx.kafka} property. */
    @ExtendWith(KafkaBrokerExtension.class)
    static class FollowsProperty {
        @Test
        void usesBroker(KafkaBroker broker) {
            SEEN.add(broker);
        }
    }
}
