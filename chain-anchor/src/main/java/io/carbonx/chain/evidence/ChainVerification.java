package io.carbonx.chain.evidence;

import io.carbonx.chain.BlockHeader;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PayloadCodec;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.ValidationResult;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The chain checks: the validator set, each header (chain id, height, hash field sizes), the previous-hash links,
 * and each commit certificate (exact signed COMMIT messages over the block hash, one view, valid signatures,
 * validator certificates valid at the block's time, at least 2f+1 distinct signers). The latest block must carry a
 * certificate; through the hash links it authenticates every earlier header. Certificates of other blocks, if a
 * bundle has them, are checked the same way.
 */
final class ChainVerification {

    /** Roles a validator may have: the consortium's four validator organisations. */
    static final Set<Role> VALIDATOR_ROLES = Set.copyOf(EnumSet.of(Role.EXCHANGE, Role.REGULATOR, Role.COURT,
            Role.ARBITRATOR));
    /** Fewest validators accepted: n = 3f+1 with f ≥ 1. */
    static final int MIN_VALIDATORS = 4;

    private final VerificationContext ctx;
    private final BundleContents c;
    /** The commit signature checks started ahead ({@link #startSignatures()}), by commit file. */
    private final Map<BundleContents.CommitFile, RunAhead.Pending<Boolean>> signatures = new IdentityHashMap<>();

    ChainVerification(VerificationContext ctx) {
        this.ctx = ctx;
        this.c = ctx.contents;
    }

    /** Quorum of {@code n} validators, as {@code ValidatorSet.quorum()}: ⌈(n+f+1)/2⌉ with f = ⌊(n-1)/3⌋. */
    static int quorum(int n) {
        int f = (n - 1) / 3;
        return (n + f + 2) / 2;
    }

    /** Headers and hash links (no certificates needed). */
    void headers() {
        for (BundleContents.Header h : c.headers().values()) {
            header(h);
        }
    }

    /**
     * Starts every commit file's signature check ahead ({@link RunAhead}): whether the signature verifies with the
     * key of the validator certificate it names, a pure function of the bundle's bytes. {@link #certificates()}
     * takes each result where it checks that signature, after the message and certificate checks, as before.
     */
    void startSignatures() {
        for (SortedMap<Integer, BundleContents.CommitFile> files : c.commits().values()) {
            for (BundleContents.CommitFile f : files.values()) {
                signatures.put(f, ctx.runAhead.submit(
                        () -> ctx.verifier(c.validators().get(f.validator())).verify(f.message(), f.signature())));
            }
        }
    }


    /** Validator set and commit certificates (needs the trust); {@link #startSignatures()} must have run. */
    void certificates() {
        validatorSet();
        if (!c.commits().containsKey(c.latestHeight())) {
            ctx.checks.fail("commit certificate of block " + c.latestHeight(), VerificationFailure.COMMITS_MISSING,
                    "the latest block " + c.latestHeight() + " has no commit signatures in the bundle");
        }
        for (Map.Entry<Long, SortedMap<Integer, BundleContents.CommitFile>> e : c.commits().entrySet()) {
            commits(e.getKey(), e.getValue());
        }
    }

    private void validatorSet() {
        int n = c.validators().size();
        Set<String> participants = new HashSet<>();
        StringBuilder who = new StringBuilder();
        Instant latest = ctx.blockTime(c.latestHeight());
        for (int v = 0; v < n; v++) {
            ValidationResult r = ctx.validate(c.validators().get(v), VALIDATOR_ROLES, latest);
            if (!r.isValid()) {
                ctx.checks.fail("validator set", VerificationFailure.VALIDATOR_SET_INVALID, "validator " + v
                        + "'s certificate is not a valid validator certificate at the latest block's time " + latest
                        + ": " + r.status() + " " + r.detail());
                return;
            }
            participants.add(r.participantId());
            who.append(v == 0 ? "" : ", ").append(v).append('=').append(r.participantId()).append(" (").append(r.role())
                    .append(')');
        }
        if (n < MIN_VALIDATORS || participants.size() != n) {
            ctx.checks.fail("validator set", VerificationFailure.VALIDATOR_SET_INVALID, n + " validators, "
                    + participants.size() + " distinct participants; at least " + MIN_VALIDATORS + " distinct needed");
            return;
        }
        ctx.checks.pass("validator set", n + " validators (" + who + "), quorum " + quorum(n));
    }

    private void header(BundleContents.Header h) {
        BlockHeader hd = h.header();
        String name = "header of block " + h.height();
        if (!hd.getChainId().equals(c.info().chainId()) || hd.getHeight() != h.height()
                || hd.getPreviousHash().remaining() != Digest.LENGTH || hd.getMerkleRoot().remaining() != Digest.LENGTH
                || hd.getTreeSize() < 1) {
            ctx.checks.fail(name, VerificationFailure.HEADER_INVALID, "chain " + hd.getChainId() + ", height "
                    + hd.getHeight() + ", hash fields " + hd.getPreviousHash().remaining() + "/"
                    + hd.getMerkleRoot().remaining() + " bytes, tree size " + hd.getTreeSize());
            return;
        }
        ctx.checks.pass(name, "block " + h.height() + " hash " + h.hash().hex() + ", Merkle root "
                + Digest.of(EventFacts.bytes(hd.getMerkleRoot())).hex() + ", " + hd.getTreeSize() + " events, time "
                + Instant.ofEpochMilli(hd.getTimeMs()));
        BundleContents.Header previous = c.headers().get(h.height() - 1);
        if (previous != null) {
            Digest linked = Digest.of(EventFacts.bytes(hd.getPreviousHash()));
            ctx.checks.check(linked.equals(previous.hash()), "hash link " + previous.height() + " -> " + h.height(),
                    VerificationFailure.HASH_CHAIN_BROKEN,
                    "previous hash of block " + h.height() + " is the hash of block " + previous.height(),
                    "previous hash of block " + h.height() + " is " + linked.hex() + " but block " + previous.height()
                            + " hashes to " + previous.hash().hex());
        }
    }

    private void commits(long height, SortedMap<Integer, BundleContents.CommitFile> files) {
        String name = "commit certificate of block " + height;
        Digest hash = ctx.blockHash(height);
        Instant time = ctx.blockTime(height);
        Long view = null;
        int valid = 0;
        for (BundleContents.CommitFile f : files.values()) {
            Long v = viewOf(f.message(), height, hash);
            if (v == null || (view != null && !view.equals(v))) {
                ctx.checks.fail(name, VerificationFailure.COMMIT_MESSAGE_INVALID, "validator " + f.validator()
                        + "'s message is not the COMMIT of this chain for block " + height + " with hash " + hash.hex()
                        + (v == null ? "" : " (it is for view " + v + ", an earlier one for view " + view + ")"));
                return;
            }
            view = v;
            X509Certificate cert = c.validators().get(f.validator());
            ValidationResult r = ctx.validate(cert, VALIDATOR_ROLES, time);
            if (!r.isValid()) {
                ctx.checks.fail(name, VerificationFailure.VALIDATOR_CERTIFICATE_INVALID, "validator " + f.validator()
                        + "'s certificate at " + time + ": " + r.status() + " " + r.detail());
                return;
            }
            if (!signatures.get(f).get()) {
                ctx.checks.fail(name, VerificationFailure.COMMIT_SIGNATURE_INVALID, "validator " + f.validator()
                        + "'s signature does not verify with the key of its certificate");
                return;
            }
            valid++;
        }
        int quorum = quorum(c.validators().size());
        ctx.checks.check(valid >= quorum, name, VerificationFailure.QUORUM_NOT_REACHED,
                valid + " of " + c.validators().size() + " validators " + files.keySet() + " signed block hash "
                        + hash.hex() + " in view " + view + " (quorum " + quorum + ")",
                "only " + valid + " valid signatures, quorum is " + quorum);
    }

    /** The view of a COMMIT message for exactly (chain, height, hash), or null if it is anything else. */
    private Long viewOf(byte[] message, long height, Digest hash) {
        byte[] prefix = SignedMessage.signingBytes(c.info().chainId(), new byte[0]);
        if (message.length <= prefix.length || !Arrays.equals(Arrays.copyOf(message, prefix.length), prefix)) {
            return null;
        }
        try {
            Payload p = PayloadCodec.decode(Arrays.copyOfRange(message, prefix.length, message.length));
            if (!(p instanceof Commit commit) || commit.height() != height || !commit.digest().equals(hash)) {
                return null;
            }
            byte[] expected = SignedMessage.signingBytes(c.info().chainId(), PayloadCodec.encode(commit));
            return Arrays.equals(expected, message) ? commit.view() : null;
        } catch (DecodeException e) {
            return null;
        }
    }
}
