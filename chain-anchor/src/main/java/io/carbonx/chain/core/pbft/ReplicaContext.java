package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.TreeMap;

/**
 * The mutable state of one replica, shared by its handlers ({@link NormalCase}, {@link ViewChanges},
 * {@link Checkpoints}, {@link StateTransfer}). Only {@link PbftReplica} drives it, one input at a time.
 */
final class ReplicaContext {

    final PbftConfig config;
    final ValidatorSet validators;
    final int me;
    final Signer signer;
    final CertificateVerifier certs;
    final MessageValidator validator;
    final ProposalSource source;
    final ProposalValidator proposals;

    final VoteLedger ledger = new VoteLedger();
    final Outbox outbox = new Outbox();
    final CommittedChain chain;
    /** Instances of the current view by height. */
    final TreeMap<Long, Instance> instances = new TreeMap<>();
    /** Pre-prepares of the current view waiting for the local log or for lower heights. */
    final TreeMap<Long, SignedMessage<PrePrepare>> parked = new TreeMap<>();
    /** Highest-view prepared certificate per height above the stable checkpoint (the P set). */
    final TreeMap<Long, PreparedCertificate> prepared = new TreeMap<>();
    /** Each validator's highest-view VIEW-CHANGE received (own included). */
    final TreeMap<Integer, SignedMessage<ViewChange>> viewChanges = new TreeMap<>();

    /** Height of the stable checkpoint (the low watermark); maintained by {@link Checkpoints}. */
    long stableHeight;
    long now;
    long view;
    boolean changing;
    long targetView;
    SignedMessage<NewView> currentNewView;
    int timeoutAttempt;
    long workSinceMs = -1;
    long viewChangeTimerStartMs = -1;
    long lastRetransmitMs = Long.MIN_VALUE / 2;
    long lastStatusMs = Long.MIN_VALUE / 2;
    long lastCatchUpMs = Long.MIN_VALUE / 2;

    ReplicaContext(PbftConfig config, int me, Signer signer, SignatureVerifier verifier, ProposalSource source,
                   ProposalValidator proposals) {
        this.config = config;
        this.validators = config.validators();
        this.me = me;
        this.signer = signer;
        this.certs = new CertificateVerifier(config.chainId(), validators, verifier);
        this.validator = new MessageValidator(config, certs);
        this.source = source;
        this.proposals = proposals;
        this.chain = new CommittedChain(config.chainId());
    }

    <P extends Payload> SignedMessage<P> sign(P payload) {
        return SignedMessage.sign(config.chainId(), payload, me, signer);
    }

    /** Records a new own vote in the ledger, persists it, then broadcasts it. */
    void persistAndBroadcast(SignedMessage<?> vote) {
        ledger.record(vote);
        outbox.persist(new VoteRecord.SentVote(vote));
        outbox.broadcast(vote);
    }

    void reject(SignedMessage<?> m, Verdict verdict) {
        outbox.rejected(m, verdict);
    }

    void reject(SignedMessage<?> m, Reason reason, String detail) {
        outbox.rejected(m, Verdict.reject(reason, detail));
    }

    int primary(long v) {
        return validators.primary(v);
    }

    boolean isPrimary() {
        return primary(view) == me;
    }

    int quorum() {
        return validators.quorum();
    }

    long low() {
        return stableHeight;
    }

    long high() {
        return stableHeight + config.watermarkWindow();
    }

    boolean inWatermarks(long height) {
        return height > low() && height <= high();
    }

    /** The view this replica is in or moving to. */
    long currentTarget() {
        return changing ? targetView : view;
    }

    long timeoutMs() {
        long t = config.baseViewTimeoutMs() << Math.min(timeoutAttempt, 20);
        return Math.min(t, config.maxViewTimeoutMs());
    }
}
