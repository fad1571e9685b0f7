package io.carbonx.registry.service;

import io.carbonx.commands.ApproveRegistration;
import io.carbonx.commands.RegisterParticipant;
import io.carbonx.commands.RejectRegistration;
import io.carbonx.commands.RevokeCertificate;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.Role;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.identity.IdentityRecord;
import io.carbonx.registry.identity.IdentityRefusedException;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.RevocationReason;
import io.carbonx.registry.journal.Bytes;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.IdentityRecordCodec;
import io.carbonx.registry.journal.JournalCodec;
import java.time.Instant;

/**
 * Identity decisions in the registry's single-writer loop: decide with the CA ({@link IdentityService}),
 * journal the record, apply it (decide → journal → apply). An approval also opens the participant's ledger
 * account, in the same decision. A CA refusal is the command's reason code ({@code IdentityRefusal} name).
 */
final class IdentityDecisions {
    private final RegistryState state;
    private final JournalCodec codec;

    IdentityDecisions(RegistryState state, JournalCodec codec) {
        this.state = state;
        this.codec = codec;
    }

    void register(RegisterParticipant c, EventEnvelope e, DecisionContext context, Decision decision) {
        try {
            journal(state.identity().submitRegistration(Bytes.of(c.getCsrDer()), c.getLegalName(), c.getRole(),
                    at(e)), e.getLogicalTime(), context, decision);
        } catch (IdentityRefusedException r) {
            decision.refuse(r.reason().name(), r.getMessage());
        }
    }

    void approve(ApproveRegistration c, EventEnvelope e, DecisionContext context, Decision decision) {
        ParticipantRegisteredRecord registered;
        try {
            registered = state.identity().approveRegistration(c.getParticipantId(), e.getActor(), at(e));
        } catch (IdentityRefusedException r) {
            decision.refuse(r.reason().name(), r.getMessage());
            return;
        }
        journal(registered, e.getLogicalTime(), context, decision);
        openAccount(registered.participantId(), registered.role(), e.getLogicalTime(), context, decision);
    }

    void reject(RejectRegistration c, EventEnvelope e, DecisionContext context, Decision decision) {
        try {
            journal(state.identity().rejectRegistration(c.getParticipantId(), e.getActor(), c.getReason(), at(e)),
                    e.getLogicalTime(), context, decision);
        } catch (IdentityRefusedException r) {
            decision.refuse(r.reason().name(), r.getMessage());
        }
    }

    void revoke(RevokeCertificate c, EventEnvelope e, DecisionContext context, Decision decision) {
        RevocationReason reason;
        try {
            reason = RevocationReason.valueOf(c.getRevocationReason());
        } catch (IllegalArgumentException bad) {
            decision.refuse(CommandRefusal.INVALID_REVOCATION_REASON.name(), "unknown reason "
                    + c.getRevocationReason());
            return;
        }
        try {
            journal(state.identity().revoke(c.getParticipantId(), reason, e.getActor(), at(e)), e.getLogicalTime(),
                    context, decision);
        } catch (IdentityRefusedException r) {
            decision.refuse(r.reason().name(), r.getMessage());
        }
    }

    /**
     * The bootstrap REGULATOR identity (created by the CA at first start) enters the journal once: its
     * registration and its ledger account.
     *
     * @return the decision, or null when it is in the journal already
     */
    Decision bootstrapIfNeeded() {
        ParticipantRegisteredRecord boot = state.identity().bootstrapRegistration();
        if (state.ledger().state().account(boot.participantId()).isPresent()) {
            return null;
        }
        long time = IdentityRecordCodec.timeOf(boot);
        DecisionContext context = new DecisionContext("bootstrap:" + boot.participantId(),
                DecisionContext.REGISTRY_ACTOR, null, state.ledger().config());
        Decision decision = new Decision();
        journal(boot, time, context, decision);
        openAccount(boot.participantId(), Role.REGULATOR, time, context, decision);
        return decision;
    }

    private void openAccount(String participantId, Role role, long time, DecisionContext context, Decision decision) {
        LedgerStep.run(state, codec, new LedgerCommand.OpenAccount(participantId, role, time), context, decision);
        if (!decision.accepted()) {
            throw new IllegalStateException("a newly registered participant cannot get an account: "
                    + decision.reason + " " + decision.detail);
        }
    }

    private void journal(IdentityRecord record, long time, DecisionContext context, Decision decision) {
        EventEnvelope envelope = context.nextEnvelope(IdentityRecordCodec.typeOf(record), time, context.actor());
        decision.journal.add(IdentityRecordCodec.encode(record, envelope));
        state.identity().apply(record);
    }

    private static Instant at(EventEnvelope e) {
        return Instant.ofEpochMilli(e.getLogicalTime());
    }
}
