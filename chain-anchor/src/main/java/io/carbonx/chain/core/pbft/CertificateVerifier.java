package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stateless verification of signatures and of the quorum certificates PBFT produces. Quorums are
 * counted over <em>distinct</em> validators; every signature is checked against the validator
 * set. Usable outside a replica (block store audits, evidence verification).
 *
 * <p>Successful signature checks are remembered in a bounded LRU keyed by SHA-256(author ‖ signed
 * bytes ‖ signature), so retransmitted, duplicated and nested copies of a message (prepared
 * certificates inside view changes inside a new view) are verified once. Failures are never cached.
 * Not thread-safe: one instance per replica.
 */
public final class CertificateVerifier {

    private static final int CACHE_SIZE = 8192;

    private final String chainId;
    private final ValidatorSet validators;
    private final SignatureVerifier verifier;
    private final Map<Digest, Boolean> verified = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Digest, Boolean> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** For chain {@code chainId} and its validator set. */
    public CertificateVerifier(String chainId, ValidatorSet validators, SignatureVerifier verifier) {
        this.chainId = chainId;
        this.validators = validators;
        this.verifier = verifier;
    }

    /** The validator set. */
    public ValidatorSet validators() {
        return validators;
    }

    /** Author is a validator and the signature verifies under its key on this chain. */
    public Verdict authenticate(SignedMessage<?> m) {
        if (!validators.contains(m.author())) {
            return Verdict.reject(Reason.UNKNOWN_AUTHOR, "author " + m.author());
        }
        byte[] signed = m.signingBytes(chainId);
        byte[] signature = m.signature();
        Digest key = Sha256.hash(new ByteWriter().i32(m.author()).bytes(signed).bytes(signature).toByteArray());
        if (verified.containsKey(key)) {
            return Verdict.ok();
        }
        if (!verifier.verify(validators.publicKey(m.author()), signed, signature)) {
            return Verdict.reject(Reason.BAD_SIGNATURE, m.type() + " by " + m.author());
        }
        verified.put(key, Boolean.TRUE);
        return Verdict.ok();
    }

    /**
     * {@code certificate} holds at least a quorum of valid COMMITs from distinct validators, all in
     * one view, for {@code header}'s height and hash.
     */
    public Verdict verifyCommitCertificate(BlockHeader header, CommitCertificate certificate) {
        Digest digest = header.hash();
        List<SignedMessage<Commit>> commits = certificate.commits();
        if (commits.isEmpty()) {
            return Verdict.reject(Reason.BAD_COMMIT_CERTIFICATE, "empty");
        }
        long view = commits.get(0).payload().view();
        Set<Integer> authors = new HashSet<>();
        for (SignedMessage<Commit> c : commits) {
            Commit p = c.payload();
            if (p.view() != view || p.height() != header.height() || !p.digest().equals(digest)) {
                return Verdict.reject(Reason.BAD_COMMIT_CERTIFICATE, "commit does not match block: " + p);
            }
            if (!authors.add(c.author())) {
                return Verdict.reject(Reason.BAD_COMMIT_CERTIFICATE, "duplicate author " + c.author());
            }
            Verdict auth = authenticate(c);
            if (!auth.isOk()) {
                return Verdict.reject(Reason.BAD_COMMIT_CERTIFICATE, auth.toString());
            }
        }
        if (authors.size() < validators.quorum()) {
            return Verdict.reject(Reason.BAD_COMMIT_CERTIFICATE,
                    authors.size() + " distinct signers < quorum " + validators.quorum());
        }
        return Verdict.ok();
    }

    /**
     * The pre-prepare comes from its view's primary and is well formed, and at least quorum − 1
     * valid PREPAREs from distinct backups match its view, height and digest.
     */
    public Verdict verifyPreparedCertificate(PreparedCertificate certificate) {
        SignedMessage<PrePrepare> pp = certificate.prePrepare();
        int primary = validators.primary(pp.payload().view());
        if (pp.author() != primary) {
            return Verdict.reject(Reason.BAD_PREPARED_CERTIFICATE, "pre-prepare not from primary");
        }
        BlockHeader header = pp.payload().header();
        if (header.height() != pp.payload().height() || !header.chainId().equals(chainId)) {
            return Verdict.reject(Reason.BAD_PREPARED_CERTIFICATE, "malformed pre-prepare");
        }
        Verdict auth = authenticate(pp);
        if (!auth.isOk()) {
            return Verdict.reject(Reason.BAD_PREPARED_CERTIFICATE, auth.toString());
        }
        Digest digest = pp.payload().digest();
        Set<Integer> authors = new HashSet<>();
        for (SignedMessage<Prepare> p : certificate.prepares()) {
            Prepare pr = p.payload();
            if (pr.view() != pp.payload().view() || pr.height() != pp.payload().height()
                    || !pr.digest().equals(digest) || p.author() == primary || !authors.add(p.author())) {
                return Verdict.reject(Reason.BAD_PREPARED_CERTIFICATE, "prepare does not match: " + p);
            }
            Verdict a = authenticate(p);
            if (!a.isOk()) {
                return Verdict.reject(Reason.BAD_PREPARED_CERTIFICATE, a.toString());
            }
        }
        if (authors.size() < validators.quorum() - 1) {
            return Verdict.reject(Reason.BAD_PREPARED_CERTIFICATE, "too few prepares: " + authors.size());
        }
        return Verdict.ok();
    }

    /**
     * Genesis, or at least a quorum of valid CHECKPOINTs from distinct validators for the proof's
     * height (a positive multiple of {@code checkpointInterval}) and digest.
     */
    public Verdict verifyCheckpointProof(CheckpointProof proof, int checkpointInterval) {
        if (proof.isGenesis()) {
            return Verdict.ok();
        }
        if (proof.height() <= 0 || proof.height() % checkpointInterval != 0) {
            return Verdict.reject(Reason.BAD_CHECKPOINT_PROOF, "not a checkpoint height: " + proof.height());
        }
        Set<Integer> authors = new HashSet<>();
        for (SignedMessage<Checkpoint> c : proof.checkpoints()) {
            if (c.payload().height() != proof.height() || !c.payload().digest().equals(proof.digest())
                    || !authors.add(c.author())) {
                return Verdict.reject(Reason.BAD_CHECKPOINT_PROOF, "checkpoint does not match: " + c);
            }
            Verdict a = authenticate(c);
            if (!a.isOk()) {
                return Verdict.reject(Reason.BAD_CHECKPOINT_PROOF, a.toString());
            }
        }
        if (authors.size() < validators.quorum()) {
            return Verdict.reject(Reason.BAD_CHECKPOINT_PROOF, "too few checkpoints: " + authors.size());
        }
        return Verdict.ok();
    }
}
