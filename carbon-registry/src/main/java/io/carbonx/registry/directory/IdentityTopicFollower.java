package io.carbonx.registry.directory;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.registry.log.LogFollower;
import io.carbonx.schemas.EventCodec;
import java.time.Duration;

/**
 * Keeps a {@link ParticipantDirectory} current from the identity topic: follows it from the beginning and
 * applies every record it can decode (others are logged and skipped).
 */
public final class IdentityTopicFollower {
    private IdentityTopicFollower() {
    }

    /**
     * @param clients   client factory
     * @param name      client id (unique per process)
     * @param topic     the identity topic ({@code carbonx.identity})
     * @param directory the directory to feed
     * @param tracker   registers the consumer's metrics
     * @param timeout   how long to wait for the topic
     * @return the running follower; close it to stop
     */
    public static LogFollower start(KafkaClients clients, String name, String topic, ParticipantDirectory directory,
                                    KafkaClientTracker tracker, Duration timeout) {
        return new LogFollower(clients, name, topic, false,
                r -> directory.apply(EventCodec.standard().decode(r.value())), tracker).start(timeout);
    }
}
