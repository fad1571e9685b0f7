package io.carbonx.registry.api;

import io.carbonx.events.CommandDecided;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.registry.log.LogFollower;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventTypes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Request-reply over the log: {@link #send} publishes a command to the registry's commands topic (idempotent
 * producer, key = command id) and completes with the {@link CommandDecided} whose {@code commandId} is the
 * command's {@code envelope.eventId}, read from the replies topic ({@code read_committed}, followed from its end
 * as of {@link #start}); after {@code timeoutMs} the future fails with {@link TimeoutException}. Replies to other
 * nodes' commands are ignored. Futures complete on the caller's Vert.x context. Thread-safe.
 */
public final class CommandGateway implements AutoCloseable {
    private final Vertx vertx;
    private final KafkaClients clients;
    private final String commandsTopic;
    private final String repliesTopic;
    private final long timeoutMs;
    private final KafkaClientTracker tracker;
    private final String clientId;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaClientTracker.Registration producerMetrics;
    private LogFollower replies;

    private record Pending(Promise<CommandDecided> promise, Context context, long timerId) {
    }

    /**
     * @param vertx         Vert.x (timers, contexts)
     * @param clients       Kafka client factory
     * @param commandsTopic where commands go
     * @param repliesTopic  where replies come from
     * @param timeoutMs     how long to wait for a reply
     * @param tracker       registers the clients' metrics
     * @param clientId      client id prefix (unique per node)
     */
    public CommandGateway(Vertx vertx, KafkaClients clients, String commandsTopic, String repliesTopic, long timeoutMs,
                          KafkaClientTracker tracker, String clientId) {
        this.vertx = vertx;
        this.clients = clients;
        this.commandsTopic = commandsTopic;
        this.repliesTopic = repliesTopic;
        this.timeoutMs = timeoutMs;
        this.tracker = tracker;
        this.clientId = clientId;
    }

    /**
     * Connects: follows the replies from their current end, then opens the producer. Blocking.
     *
     * @return this
     */
    public CommandGateway start() {
        replies = new LogFollower(clients, clientId + "-replies", repliesTopic, true,
                r -> onReply(EventCodec.standard().decode(r.value(), CommandDecided.class)), tracker)
                .start(Duration.ofSeconds(30));
        producer = clients.newProducer(clients.producerConfig(clientId + "-commands"));
        producerMetrics = tracker.track(producer, clientId + "-commands");
        return this;
    }

    /**
     * @param command a command (envelope.eventId unique)
     * @return its reply; fails with {@link TimeoutException} after the timeout, or with the producer's error
     */
    public Future<CommandDecided> send(SpecificRecord command) {
        String id = EventTypes.envelopeOf(command).getEventId();
        Context context = vertx.getOrCreateContext();
        Promise<CommandDecided> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMs, t -> {
            Pending p = pending.remove(id);
            if (p != null) {
                p.promise().tryFail(new TimeoutException("no reply to command " + id + " within " + timeoutMs
                        + " ms"));
            }
        });
        pending.put(id, new Pending(promise, context, timer));
        producer.send(new ProducerRecord<>(commandsTopic, id.getBytes(StandardCharsets.UTF_8),
                EventCodec.standard().encode(command)), (meta, error) -> {
                    if (error != null) {
                        Pending p = pending.remove(id);
                        if (p != null) {
                            vertx.cancelTimer(p.timerId());
                            p.context().runOnContext(v -> p.promise().tryFail(error));
                        }
                    }
                });
        return promise.future();
    }

    /**
     * Publishes a record to the commands topic without waiting for a reply (the registry's clock ticks).
     *
     * @param command a command or clock tick
     */
    public void publish(SpecificRecord command) {
        String id = EventTypes.envelopeOf(command).getEventId();
        producer.send(new ProducerRecord<>(commandsTopic, id.getBytes(StandardCharsets.UTF_8),
                EventCodec.standard().encode(command)));
    }

    /** @return commands waiting for their reply */
    public int inFlight() {
        return pending.size();
    }

    @Override
    public void close() {
        if (replies != null) {
            replies.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producerMetrics.close();
        }
        pending.values().forEach(p -> p.context().runOnContext(v ->
                p.promise().tryFail(new IllegalStateException("gateway closed"))));
        pending.clear();
    }

    private void onReply(CommandDecided reply) {
        Pending p = pending.remove(reply.getCommandId());
        if (p != null) {
            vertx.cancelTimer(p.timerId());
            p.context().runOnContext(v -> p.promise().tryComplete(reply));
        }
    }
}
