package io.carbonx.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.Outcome;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The registry's decider of other services' inputs ({@link InputDecider}) over a real ledger and CA, without
 * Kafka: a regulator REG, an exchange operator OPS, enterprises; the decisions' journal records are folded back
 * (replay) to check they rebuild the same ledger.
 */
final class RegistryInputs {
    static final long T0 = 1_793_577_600_000L;
    static final String REG = "REG";
    static final String OPS = "OPS";

    final RegistryState state;
    final InputDecider decider;
    private final List<LedgerEvent> log = new ArrayList<>();

    RegistryInputs(Path caDir) {
        this(caDir, null);
    }

    /** A registry whose ledger runs {@code ledger} (null: the configuration's defaults). */
    RegistryInputs(Path caDir, LedgerConfig ledger) {
        RegistryConfig config = RegistryConfig.of(new JsonObject().put("caPassphrase", "unit test passphrase")
                .put("pbkdf2Iterations", 1_000));
        state = new RegistryState(new Ledger(ledger == null ? config.ledger() : ledger),
                RegistryService.openCa(caDir, config, Instant.ofEpochMilli(T0)));
        decider = new InputDecider(state, new JournalCodec());
        ok(new LedgerCommand.OpenAccount(REG, Role.REGULATOR, T0));
        ok(new LedgerCommand.OpenAccount(OPS, Role.EXCHANGE, T0));
    }

    void ok(LedgerCommand command) {
        Outcome o = state.ledger().handle(command);
        assertThat(o.isAccepted()).as("%s: %s %s", command, o.reason(), o.detail()).isTrue();
        log.addAll(o.events());
    }

    void enterprise(String id, long cashMinor) {
        ok(new LedgerCommand.OpenAccount(id, Role.ENTERPRISE, T0));
        ok(new LedgerCommand.DepositFunds("dep-" + id, id, cashMinor, T0));
    }

    void instrument(String id, InstrumentKind kind, int vintage) {
        ok(new LedgerCommand.DefineInstrument(REG, id, kind, vintage, T0));
    }

    /** Decides one input; its journal records are decoded back into ledger events for the replay check. */
    Decision decide(SpecificRecord input) {
        Decision d = decider.decide(input);
        for (SpecificRecord r : d.journal) {
            if (JournalCodec.decode(EventCodec.standard().encode(r)) instanceof JournalCodec.LedgerEntry e) {
                log.add(e.event());
            }
        }
        return d;
    }

    /** Adds a journal record written elsewhere (e.g. by the processor) to the replay log. */
    void journalled(byte[] journalRecord) {
        if (JournalCodec.decode(journalRecord) instanceof JournalCodec.LedgerEntry e) {
            log.add(e.event());
        }
    }

    /** The ledger hash of a replay of the setup and the journal from genesis. */
    String replayedLedgerHash() {
        return Ledger.replay(state.ledger().config(), log).stateHash();
    }

    /** The setup and the decisions' journal, decoded and replayed from genesis, rebuild the live ledger. */
    void assertReplayMatches() {
        assertThat(Ledger.replay(state.ledger().config(), log).stateHash()).isEqualTo(state.ledger().stateHash());
    }

    static <T extends SpecificRecord> List<T> of(Decision d, Class<T> type) {
        return d.journal.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends SpecificRecord> List<T> published(Decision d, Class<T> type) {
        return PublicProjection.of(d, state.ledger().state()).stream().map(Decision.Published::event).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static EventEnvelope envelope(String id, String type, String actor, long time) {
        return EventEnvelope.newBuilder().setEventId(id).setType(type).setCauseId(null).setLogicalTime(time)
                .setActor(actor).build();
    }

    static OrderSubmitted.Builder submitted(String orderId, String participant, String instrument, Side side,
                                            long quantity, long time) {
        return OrderSubmitted.newBuilder().setEnvelope(envelope("submitted/" + orderId, "OrderSubmitted",
                        participant, time)).setOrderId(orderId).setParticipantId(participant)
                .setClientOrderId("c-" + orderId).setSequence(1).setInstrumentId(instrument).setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(null)
                .setQuantity(quantity).setExpiresAtMs(null).setRequestBytes(ByteBuffer.wrap(new byte[] {1}))
                .setSignature(RequestSignature.newBuilder().setSignerId(participant).setCertificateSerial("1")
                        .setAlgorithm("SHA256withECDSA").setValue(ByteBuffer.wrap(new byte[] {2})).build());
    }
}
