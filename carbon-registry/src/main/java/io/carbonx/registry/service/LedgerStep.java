package io.carbonx.registry.service;

import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AgreementRejected;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.RequestSignature;
import io.carbonx.registry.core.Outcome;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.registry.core.state.OpenOrder;
import io.carbonx.schemas.Topics;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs one ledger command and collects its journal records into a {@link Decision}. A freeze among them (an
 * AccountFrozen, whichever command caused it: the regulator, a default at settlement, penalty debt) also publishes
 * one OrderCancelRequested per order it names ({@code cancelledOrderIds}, the account's open orders) on the orders
 * topic, keyed by instrument, so that the book cancels what still rests and reports it ({@link #cancelRequest}).
 */
final class LedgerStep {
    private LedgerStep() {
    }

    /**
     * @param state    the registry state
     * @param codec    the journal codec
     * @param command  the ledger command
     * @param context  the decision's context
     * @param decision receives the journal records and, on refusal, the reason
     * @return the ledger's outcome
     */
    static Outcome run(RegistryState state, JournalCodec codec, LedgerCommand command, DecisionContext context,
                       Decision decision) {
        List<SpecificRecord> records = new ArrayList<>();
        Outcome outcome = state.ledger().handle(command, codec.observer(context, records));
        if (!outcome.isAccepted()) {
            for (SpecificRecord r : records) {
                if (r instanceof OrderRejected o) {
                    o.put("detail", outcome.detail());
                } else if (r instanceof AgreementRejected a) {
                    a.put("detail", outcome.detail());
                }
            }
            decision.refuse(outcome.reason().name(), outcome.detail());
        }
        decision.journal.addAll(records);
        for (SpecificRecord r : records) {
            if (r instanceof AccountFrozen f) {
                for (String orderId : f.getCancelledOrderIds()) {
                    state.ledger().state().openOrder(orderId).ifPresent(o -> decision.published.add(
                            new Decision.Published(Topics.ORDERS, o.instrumentId(), cancelRequest(f, o))));
                }
            }
        }
        return outcome;
    }

    /**
     * The registry's request to the book to cancel an order of a frozen account: actor the registry, id
     * {@code <AccountFrozen id>#cancel/<order id>}, caused by the freeze, at its time. It is not a participant's
     * signed request: sequence 0, no request bytes, and a signature naming the registry with algorithm NONE and no
     * value (the freeze it follows is the authority, anchored like every event). The book answers OrderCancelled
     * with reason ACCOUNT_FROZEN for what still rests, or OrderRejected if nothing does (its fills or expiry
     * already closed the order).
     */
    static OrderCancelRequested cancelRequest(AccountFrozen f, OpenOrder o) {
        EventEnvelope e = f.getEnvelope();
        return OrderCancelRequested.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(e.getEventId() + "#cancel/" + o.orderId())
                        .setType("OrderCancelRequested").setCauseId(e.getEventId())
                        .setLogicalTime(e.getLogicalTime()).setActor(DecisionContext.REGISTRY_ACTOR).build())
                .setOrderId(o.orderId()).setParticipantId(o.participantId()).setInstrumentId(o.instrumentId())
                .setSequence(0).setRequestBytes(ByteBuffer.allocate(0))
                .setSignature(RequestSignature.newBuilder().setSignerId(DecisionContext.REGISTRY_ACTOR)
                        .setCertificateSerial("").setAlgorithm("NONE").setValue(ByteBuffer.allocate(0)).build())
                .build();
    }
}
