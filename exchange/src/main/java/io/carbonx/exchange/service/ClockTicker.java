package io.carbonx.exchange.service;

import io.carbonx.events.ClockTicked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.exchange.matcher.MatcherStatus;
import io.carbonx.exchange.matcher.PartitionStatus;
import io.carbonx.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * Makes time pass for the books this instance owns: on every {@link #tick()} it writes one ClockTicked per
 * configured instrument whose partition of {@code carbonx.orders} the matcher owns, into that partition
 * (key = instrument, so Kafka's default partitioner puts it there), with the wall clock as logical time. The
 * books read the ticks in their input order, so a replay sees time pass exactly as it did.
 *
 * <p>{@code tickSequence} is {@code max(previous + 1, wall clock ms)}: strictly increasing per instrument within an
 * instance and across restarts; the books ignore a tick whose sequence is not above the last they saw (e.g. from a
 * previous owner during a rebalance). Not thread-safe: call {@link #tick()} from one thread.
 */
public final class ClockTicker {

    private static final EventCodec CODEC = EventCodec.standard();

    private final Producer<byte[], byte[]> producer;
    private final String ordersTopic;
    private final List<String> instruments;
    private final MatcherStatus status;
    private final LongSupplier wallClock;
    private final String actor;
    private long lastSequence;

    /**
     * @param producer    an idempotent producer (not transactional)
     * @param ordersTopic the books' input topic
     * @param instruments the configured instrument ids
     * @param status      which partitions the matcher owns
     * @param wallClock   milliseconds since the epoch
     * @param actor       the envelope actor (e.g. {@code exchange-clock/<node>})
     */
    public ClockTicker(Producer<byte[], byte[]> producer, String ordersTopic, List<String> instruments,
                       MatcherStatus status, LongSupplier wallClock, String actor) {
        this.producer = producer;
        this.ordersTopic = ordersTopic;
        this.instruments = List.copyOf(instruments);
        this.status = status;
        this.wallClock = wallClock;
        this.actor = actor;
    }

    /** Writes one tick per owned instrument; returns how many. */
    public int tick() {
        Set<Integer> owned = new HashSet<>();
        for (PartitionStatus p : status.partitions()) {
            owned.add(p.partition());
        }
        if (owned.isEmpty()) {
            return 0;
        }
        int partitions = producer.partitionsFor(ordersTopic).size();
        long now = wallClock.getAsLong();
        long sequence = Math.max(lastSequence + 1, now);
        lastSequence = sequence;
        int sent = 0;
        for (String instrument : instruments) {
            byte[] key = instrument.getBytes(StandardCharsets.UTF_8);
            if (!owned.contains(Utils.toPositive(Utils.murmur2(key)) % partitions)) {
                continue;
            }
            ClockTicked tick = ClockTicked.newBuilder()
                    .setEnvelope(EventEnvelope.newBuilder().setEventId("tick/" + instrument + "/" + sequence)
                            .setType("ClockTicked").setCauseId(null).setLogicalTime(now).setActor(actor).build())
                    .setScope(instrument).setTickSequence(sequence).build();
            producer.send(new ProducerRecord<>(ordersTopic, key, CODEC.encode(tick)));
            sent++;
        }
        return sent;
    }
}
