package io.carbonx.exchange.matcher;

import io.carbonx.eventlog.processing.RecordProcessor;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.EventEnvelope;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.market.MarketOutput;
import io.carbonx.exchange.core.market.Markets;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher's logic inside the exactly-once loop: one {@link Markets} per owned partition of
 * {@code carbonx.orders} (input-sourced: the partition is the instruments' only input, so replaying it rebuilds
 * their books exactly).
 *
 * <ul>
 *   <li>{@link #process}: decode (an undecodable record, or one whose processing throws, becomes a DeadLetter and
 *       is skipped, identically on every replay), apply, encode the outputs to their topics (key = instrument,
 *       or participant for rejections). Every {@code checkpointEvery} records of a partition it also writes a
 *       {@link Checkpoint} of the partition's state hashes to the snapshots topic, in the same transaction.</li>
 *   <li>{@link #onPartitionsAssigned}: rebuilds each partition's state by replaying it from the beginning up to
 *       the group's committed offset with outputs suppressed, then compares the state hashes with the latest
 *       checkpoint at its offset ({@link PartitionStatus.Verification}).</li>
 *   <li>{@link #onPartitionsRevoked}: forgets the partitions' state.</li>
 * </ul>
 * Loop thread only, except {@link #status()}, which any thread may read.
 */
public final class OrdersProcessor implements RecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersProcessor.class);
    private static final EventCodec CODEC = EventCodec.standard();

    /** The state of one owned partition. */
    private static final class PartitionState {
        final Markets markets;
        long nextOffset;
        long sinceCheckpoint;
        long replayed;
        long deadLetters;
        PartitionStatus.Verification verification = PartitionStatus.Verification.NO_CHECKPOINT;

        PartitionState(Markets markets) {
            this.markets = markets;
        }
    }

    private final String chainId;
    private final List<MarketDefinition> definitions;
    private final ExchangeTopics topics;
    private final PartitionReplayer replayer;
    private final String consumerId;
    private final int checkpointEvery;
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private final MatcherStatus status = new MatcherStatus();

    /**
     * @param chainId         the chain agreement terms must be bound to
     * @param definitions     the instruments
     * @param topics          topic names
     * @param replayer        reads partitions for rebuilds
     * @param consumerId      the service's consumer group (named in dead letters)
     * @param checkpointEvery records per partition between checkpoints (&ge; 1)
     */
    OrdersProcessor(String chainId, List<MarketDefinition> definitions, ExchangeTopics topics,
                    PartitionReplayer replayer, String consumerId, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1");
        }
        this.chainId = chainId;
        this.definitions = List.copyOf(definitions);
        this.topics = topics;
        this.replayer = replayer;
        this.consumerId = consumerId;
        this.checkpointEvery = checkpointEvery;
        new Markets(chainId, this.definitions); // validates the definitions now
    }

    /** What the processor reports; readable from any thread. */
    public MatcherStatus status() {
        return status;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionState state = partitions.get(tp);
        if (state == null) {
            state = rebuild(tp);
            partitions.put(tp, state);
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        apply(state, record, out);
        state.nextOffset = record.offset() + 1;
        if (++state.sinceCheckpoint >= checkpointEvery) {
            state.sinceCheckpoint = 0;
            Checkpoint c = new Checkpoint(record.offset(), state.markets.stateHashes());
            out.add(new ProducerRecord<>(topics.snapshots(), utf8(Checkpoint.key(tp.topic(), tp.partition())),
                    c.encode()));
        }
        return out;
    }

    /** Applies one record; outputs go to {@code out} (null during a replay: suppressed). */
    private void apply(PartitionState state, ConsumerRecord<byte[], byte[]> record,
                       List<ProducerRecord<byte[], byte[]>> out) {
        List<MarketOutput> outputs;
        try {
            outputs = state.markets.apply(CODEC.decode(record.value()));
        } catch (EventDecodingException e) {
            deadLetter(state, record, e.reason().name(), e.getMessage(), out);
            return;
        } catch (RuntimeException e) {
            deadLetter(state, record, "PROCESSING_FAILED", e.toString(), out);
            return;
        }
        if (out != null) {
            for (MarketOutput o : outputs) {
                out.add(new ProducerRecord<>(topics.of(o.destination()), utf8(o.key()), CODEC.encode(o.event())));
            }
        }
    }

    private void deadLetter(PartitionState state, ConsumerRecord<byte[], byte[]> record, String reason, String detail,
                            List<ProducerRecord<byte[], byte[]>> out) {
        state.deadLetters++;
        if (out == null) {
            return;
        }
        LOG.warn("dead letter {}-{}@{}: {} {}", record.topic(), record.partition(), record.offset(), reason, detail);
        String id = "deadletter/" + consumerId + "/" + record.topic() + "/" + record.partition() + "/"
                + record.offset();
        DeadLetter letter = DeadLetter.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(id).setType("DeadLetter").setCauseId(null)
                        .setLogicalTime(record.timestamp()).setActor(consumerId).build())
                .setSourceTopic(record.topic()).setSourcePartition(record.partition())
                .setSourceOffset(record.offset()).setConsumerId(consumerId).setReasonCode(reason)
                .setDetail(detail == null ? "" : detail)
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setPayload(ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value())).build();
        out.add(new ProducerRecord<>(topics.deadLetter(), utf8(record.topic()), CODEC.encode(letter)));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        for (TopicPartition tp : assigned) {
            partitions.put(tp, rebuild(tp));
        }
        publishStatus();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        for (TopicPartition tp : revoked) {
            partitions.remove(tp);
        }
        publishStatus();
    }

    /** Replays {@code tp} up to the committed offset, outputs suppressed, and checks the latest checkpoint. */
    private PartitionState rebuild(TopicPartition tp) {
        long committed = replayer.committedOffset(tp);
        Optional<Checkpoint> checkpoint = replayer.latestCheckpoint(topics.snapshots(),
                Checkpoint.key(tp.topic(), tp.partition()));
        PartitionState state = new PartitionState(new Markets(chainId, definitions));
        SortedMap<String, String>[] atCheckpoint = newHolder();
        long target = checkpoint.filter(c -> c.offset() < committed).map(Checkpoint::offset).orElse(-1L);
        state.replayed = replayer.replay(tp, committed, r -> {
            apply(state, r, null);
            if (r.offset() == target) {
                atCheckpoint[0] = state.markets.stateHashes();
            }
        });
        state.nextOffset = committed;
        if (checkpoint.isPresent() && target >= 0) {
            boolean same = checkpoint.get().hashes().equals(atCheckpoint[0]);
            state.verification = same ? PartitionStatus.Verification.VERIFIED
                    : PartitionStatus.Verification.MISMATCH;
            if (!same) {
                LOG.error("replay of {} diverges from checkpoint at offset {}: rebuilt {} but published {}", tp,
                        target, atCheckpoint[0], checkpoint.get().hashes());
            }
        }
        LOG.info("rebuilt {} from {} records up to offset {}: {} ({})", tp, state.replayed, committed,
                state.markets.stateHashes(), state.verification);
        return state;
    }

    @SuppressWarnings("unchecked")
    private static SortedMap<String, String>[] newHolder() {
        return (SortedMap<String, String>[]) new SortedMap<?, ?>[1];
    }

    /** Publishes the owned partitions' status for other threads (call on the loop thread, e.g. after a commit). */
    public void publishStatus() {
        List<PartitionStatus> list = new ArrayList<>();
        partitions.forEach((tp, s) -> list.add(new PartitionStatus(tp.partition(), s.nextOffset, s.replayed,
                s.verification, s.markets.stateHashes(), s.deadLetters)));
        status.publish(list);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
