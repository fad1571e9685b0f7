package io.carbonx.registry.service;

import io.carbonx.commands.AllocateAllowances;
import io.carbonx.commands.ApproveRegistration;
import io.carbonx.commands.CancelAccount;
import io.carbonx.commands.DefineInstrument;
import io.carbonx.commands.DepositFunds;
import io.carbonx.commands.FreezeAccount;
import io.carbonx.commands.IssueOffsets;
import io.carbonx.commands.RecordEmissions;
import io.carbonx.commands.RegisterParticipant;
import io.carbonx.commands.RejectRegistration;
import io.carbonx.commands.RevokeCertificate;
import io.carbonx.commands.RunAnnualSettlement;
import io.carbonx.commands.SurrenderAllowances;
import io.carbonx.commands.UnfreezeAccount;
import io.carbonx.commands.WithdrawFunds;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.journal.Bytes;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.requests.SurrenderRequest;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import io.carbonx.schemas.EventTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides the registry's commands ({@code io.carbonx.commands}) and clock ticks. Ledger commands are translated
 * one-to-one ({@code actor} = {@code envelope.actor}, time = {@code envelope.logicalTime}); identity commands
 * go to {@link IdentityDecisions}. The API authorised the actor already; the ledger and the CA check roles
 * again where their rules name one (REGULATOR, VERIFIER).
 *
 * <p>Adapter-level refusals ({@link CommandRefusal}) concern what the ledger never sees: a surrender request
 * that does not decode, is bound to another chain, or was signed by someone else than the actor.
 */
final class CommandDecider {
    private final RegistryState state;
    private final JournalCodec codec;
    private final String chainId;
    private final IdentityDecisions identity;
    private final Map<Class<?>, BiFunction<SpecificRecord, EventEnvelope, LedgerCommand>> ledgerCommands =
            new HashMap<>();

    CommandDecider(RegistryState state, JournalCodec codec, String chainId) {
        this.state = state;
        this.codec = codec;
        this.chainId = chainId;
        this.identity = new IdentityDecisions(state, codec);
        on(DepositFunds.class, (c, e) -> new LedgerCommand.DepositFunds(c.getTransferId(), c.getParticipantId(),
                c.getAmountMinor(), e.getLogicalTime()));
        on(WithdrawFunds.class, (c, e) -> new LedgerCommand.WithdrawFunds(c.getTransferId(), c.getParticipantId(),
                c.getAmountMinor(), e.getLogicalTime()));
        on(AllocateAllowances.class, (c, e) -> new LedgerCommand.AllocateAllowances(c.getAllocationId(),
                e.getActor(), c.getParticipantId(), c.getInstrumentId(), c.getQuantity(), e.getLogicalTime()));
        on(IssueOffsets.class, (c, e) -> new LedgerCommand.IssueOffsets(c.getIssuanceId(), e.getActor(),
                c.getParticipantId(), c.getInstrumentId(), c.getSerialFrom(), c.getSerialTo(), e.getLogicalTime()));
        on(RecordEmissions.class, (c, e) -> new LedgerCommand.RecordVerifiedEmissions(e.getActor(),
                c.getParticipantId(), c.getYear(), c.getEmissionsTonnes(), e.getLogicalTime()));
        on(RunAnnualSettlement.class, (c, e) -> new LedgerCommand.RunAnnualSettlement(e.getActor(), c.getYear(),
                e.getLogicalTime()));
        on(FreezeAccount.class, (c, e) -> new LedgerCommand.FreezeAccount(e.getActor(), c.getParticipantId(),
                e.getLogicalTime()));
        on(UnfreezeAccount.class, (c, e) -> new LedgerCommand.UnfreezeAccount(e.getActor(), c.getParticipantId(),
                e.getLogicalTime()));
        on(CancelAccount.class, (c, e) -> new LedgerCommand.CancelAccount(e.getActor(), c.getParticipantId(),
                e.getLogicalTime()));
        on(DefineInstrument.class, (c, e) -> new LedgerCommand.DefineInstrument(e.getActor(), c.getInstrumentId(),
                c.getKind(), c.getVintage(), e.getLogicalTime()));
    }

    /**
     * @param command a command or clock tick from the commands topic
     * @return the decision
     */
    Decision decide(SpecificRecord command) {
        EventEnvelope envelope = EventTypes.envelopeOf(command);
        DecisionContext context = new DecisionContext(envelope.getEventId(), envelope.getActor(), command,
                state.ledger().config());
        Decision decision = new Decision();
        if (command instanceof ClockTicked) {
            long now = envelope.getLogicalTime();
            if (!state.ledger().state().dueTrades(now).isEmpty()) {
                LedgerStep.run(state, codec, new LedgerCommand.CloseSettlementWindow(now), context, decision);
            }
            return decision;
        }
        BiFunction<SpecificRecord, EventEnvelope, LedgerCommand> translate = ledgerCommands.get(command.getClass());
        if (translate != null) {
            LedgerStep.run(state, codec, translate.apply(command, envelope), context, decision);
        } else if (command instanceof SurrenderAllowances s) {
            surrender(s, envelope, context, decision);
        } else if (command instanceof RegisterParticipant r) {
            identity.register(r, envelope, context, decision);
        } else if (command instanceof ApproveRegistration a) {
            identity.approve(a, envelope, context, decision);
        } else if (command instanceof RejectRegistration r) {
            identity.reject(r, envelope, context, decision);
        } else if (command instanceof RevokeCertificate r) {
            identity.revoke(r, envelope, context, decision);
        } else {
            decision.refuse(CommandRefusal.UNSUPPORTED_COMMAND.name(), command.getSchema().getName());
        }
        return decision;
    }

    private void surrender(SurrenderAllowances s, EventEnvelope envelope, DecisionContext context, Decision decision) {
        SurrenderRequest request;
        try {
            request = EventCodec.standard().decode(Bytes.of(s.getRequestBytes()), SurrenderRequest.class);
        } catch (EventDecodingException e) {
            decision.refuse(CommandRefusal.MALFORMED_REQUEST.name(), e.getMessage());
            return;
        }
        if (!chainId.equals(request.getChainId())) {
            decision.refuse(CommandRefusal.WRONG_CHAIN.name(), "request is bound to chain " + request.getChainId()
                    + ", this is " + chainId);
            return;
        }
        if (!request.getParticipantId().equals(envelope.getActor())
                || !request.getParticipantId().equals(s.getSignature().getSignerId())) {
            decision.refuse(CommandRefusal.NOT_REQUEST_SIGNER.name(), "request of " + request.getParticipantId()
                    + " signed by " + s.getSignature().getSignerId() + ", submitted by " + envelope.getActor());
            return;
        }
        LedgerStep.run(state, codec, new LedgerCommand.SurrenderAllowances(request.getSurrenderId(),
                request.getParticipantId(), request.getYear(), request.getInstrumentId(), request.getQuantity(),
                envelope.getLogicalTime()), context, decision);
    }

    private <C extends SpecificRecord> void on(Class<C> type, BiFunction<C, EventEnvelope, LedgerCommand> f) {
        ledgerCommands.put(type, (c, e) -> f.apply(type.cast(c), e));
    }
}
