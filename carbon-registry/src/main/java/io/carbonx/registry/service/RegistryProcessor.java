package io.carbonx.registry.service;

import io.carbonx.events.CommandDecided;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.EventEnvelope;
import io.carbonx.eventlog.processing.CommittedStateGate;
import io.carbonx.eventlog.processing.LoopListener;
import io.carbonx.eventlog.processing.RecordProcessor;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventTypes;
import io.carbonx.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's logic inside the exactly-once loop: decode the input, decide ({@link CommandDecider} for the
 * commands topic, {@link InputDecider} for the other services' events), and produce, in one transaction, the
 * journal entries, the public events ({@link PublicProjection}) and, for a command, its {@link CommandDecided}
 * reply. The state is rebuilt from the journal whenever partitions are (re)assigned — at start and after an
 * aborted transaction — so it is always the fold of the committed journal. The first decision after a rebuild
 * writes the CA's bootstrap identity into the journal if it is not there yet.
 *
 * <p>Records the registry itself wrote (header {@value #WRITER_HEADER}) are skipped when they come back on the
 * order topic. A record that does not decode, or is not an event or command, goes to the dead-letter topic.
 *
 * <p><b>Status.</b> The state hashes cost a walk of the whole state, so they are not computed per commit but when
 * {@link #status()} is asked and the state moved since: under a lock the loop holds from a poll's
 * {@link #onPolled} until its transaction commits or aborts, so the hash is taken only of a state that is exactly
 * the fold of the committed journal, and is reported with that entry count (the replay check compares at it).
 */
public final class RegistryProcessor implements RecordProcessor, LoopListener {
    /** Header marking the registry's own output records. */
    public static final String WRITER_HEADER = "carbonx-writer";
    private static final byte[] WRITER = "carbon-registry".getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcessor.class);
    private static final long STATUS_WAIT_MS = 250;

    private final Supplier<RegistryState> rebuild;
    private final RegistryTopics topics;
    private final String chainId;
    private final JournalCodec codec = new JournalCodec();
    private RegistryState state;
    private CommandDecider commands;
    private InputDecider inputs;
    private IdentityDecisions bootstrap;
    private boolean bootstrapChecked;
    private volatile LiveStatus status = LiveStatus.NONE;
    /** Held by the loop thread while a transaction is open (state not committed); see {@link #status()}. */
    private final CommittedStateGate committed = new CommittedStateGate(STATUS_WAIT_MS);

    /**
     * @param rebuild builds the state from the committed journal
     * @param topics  topic names
     * @param chainId the chain signed requests must be bound to
     */
    public RegistryProcessor(Supplier<RegistryState> rebuild, RegistryTopics topics, String chainId) {
        this.rebuild = rebuild;
        this.topics = topics;
        this.chainId = chainId;
    }

    /**
     * The live state as of the last commit: the journal entries folded and the ledger and identity hashes of exactly
     * that state. Computed here if the state moved since it was last asked (waiting up to {@value #STATUS_WAIT_MS}
     * ms for an open transaction to end; if it does not, or the state is being rebuilt, the last status is returned,
     * older but still exact for its entry count). Thread-safe.
     *
     * @return the status, {@link LiveStatus#NONE} before the first rebuild
     */
    public LiveStatus status() {
        return committed.read(() -> {
            if (state != null && state.entries() != status.entries()) {
                publishStatus();
            }
        }, () -> status);
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> record) {
        if (state == null) {
            rebuildState();
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        if (!bootstrapChecked) {
            Decision boot = bootstrap.bootstrapIfNeeded();
            if (boot != null) {
                emit(boot, out);
            }
            bootstrapChecked = true;
        }
        if (ownRecord(record)) {
            return out;
        }
        SpecificRecord input;
        try {
            input = EventCodec.standard().decode(record.value());
            if (!EventTypes.hasEnvelope(input.getClass())) {
                throw new IllegalArgumentException(input.getSchema().getName() + " is not an event or command");
            }
        } catch (RuntimeException e) {
            out.add(deadLetter(record, e));
            return out;
        }
        boolean isCommand = record.topic().equals(topics.commands());
        Decision decision = isCommand ? commands.decide(input) : inputs.decide(input);
        emit(decision, out);
        if (isCommand && EventTypes.isCommand(input.getClass())) {
            out.add(reply(input, decision));
        }
        return out;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (state == null && !partitions.isEmpty()) {
            rebuildState();
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            committed.replaceState(() -> state = null, false);
        }
    }

    /** A transaction is open or continues: the state leaves the committed fold until it commits or aborts. */
    @Override
    public void onPolled(int records) {
        committed.transactionOpened();
    }

    @Override
    public void afterCommit(int recordsIn, int recordsOut) {
        committed.transactionEnded(state != null);
    }

    @Override
    public void afterAbort(Throwable cause) {
        committed.transactionEnded(false);
    }

    private void rebuildState() {
        committed.replaceState(() -> {
            state = rebuild.get();
            commands = new CommandDecider(state, codec, chainId);
            inputs = new InputDecider(state, codec);
            bootstrap = new IdentityDecisions(state, codec);
            bootstrapChecked = false;
            publishStatus();
        }, true);
        LOG.info("registry state rebuilt from {} journal entries, ledger hash {}", state.entries(),
                status.ledgerHash());
    }

    /** Hashes the state; the caller holds {@link #committed} with the state settled (or is rebuilding it). */
    private void publishStatus() {
        status = new LiveStatus(state.entries(), state.ledger().stateHash(),
                state.identity().registry().stateHash());
    }

    private void emit(Decision decision, List<ProducerRecord<byte[], byte[]>> out) {
        for (SpecificRecord entry : decision.journal) {
            out.add(record(topics.journal(), EventTypes.envelopeOf(entry).getEventId(), entry));
        }
        state.wrote(decision.journal.size());
        for (Decision.Published p : PublicProjection.of(decision, state.ledger().state())) {
            out.add(record(topics.name(p.catalogueTopic()), p.key(), p.event()));
        }
    }

    private ProducerRecord<byte[], byte[]> reply(SpecificRecord command, Decision decision) {
        EventEnvelope e = EventTypes.envelopeOf(command);
        List<ByteBuffer> events = new ArrayList<>();
        for (SpecificRecord entry : decision.journal) {
            events.add(ByteBuffer.wrap(EventCodec.standard().encode(entry)));
        }
        CommandDecided decided = CommandDecided.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(e.getEventId() + "#reply").setType("CommandDecided")
                        .setCauseId(e.getEventId()).setLogicalTime(e.getLogicalTime())
                        .setActor(DecisionContext.REGISTRY_ACTOR).build())
                .setCommandId(e.getEventId()).setCommandType(e.getType()).setAccepted(decision.accepted())
                .setReasonCode(decision.reason).setDetail(decision.detail).setEvents(events).build();
        return record(topics.replies(), e.getEventId(), decided);
    }

    private ProducerRecord<byte[], byte[]> record(String topic, String key, SpecificRecord event) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8),
                EventCodec.standard().encode(event));
        r.headers().add(WRITER_HEADER, WRITER);
        return r;
    }

    private boolean ownRecord(ConsumerRecord<byte[], byte[]> record) {
        Header h = record.headers().lastHeader(WRITER_HEADER);
        return h != null && Arrays.equals(h.value(), WRITER);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
        String id = "registry-dlq-" + record.topic() + "-" + record.partition() + "-" + record.offset();
        DeadLetter letter = DeadLetter.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(id).setType("DeadLetter").setCauseId(null)
                        .setLogicalTime(Math.max(0, record.timestamp())).setActor(DecisionContext.REGISTRY_ACTOR)
                        .build())
                .setSourceTopic(record.topic()).setSourcePartition(record.partition()).setSourceOffset(record.offset())
                .setConsumerId(DecisionContext.REGISTRY_ACTOR).setReasonCode("UNDECODABLE")
                .setDetail(String.valueOf(e.getMessage()))
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setPayload(ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value())).build();
        LOG.warn("dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        return record(topics.name(Topics.DEAD_LETTER), record.topic(), letter);
    }
}
