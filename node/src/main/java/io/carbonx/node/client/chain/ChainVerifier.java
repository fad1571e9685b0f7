package io.carbonx.node.client.chain;

import io.carbonx.chain.CommitSignature;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.PayloadCodec;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.Role;
import io.carbonx.node.client.Report;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.ValidationResult;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Verifies a chain of {@link BlockCommitted} events end to end, trusting only the consortium root (through
 * {@code trust}) and the validators' certificates:
 * <ol>
 *   <li>every block is of the chain, heights run 1..H with none missing and none twice with different hashes
 *       (a fork);</li>
 *   <li>each header is well formed and hashes to the hash the event states;</li>
 *   <li>hash links: block 1's previous hash is zero, block h's is the hash of block h-1;</li>
 *   <li>each commit certificate: at least quorum(n) = ⌈(n+f+1)/2⌉ distinct validators (f = ⌊(n-1)/3⌋) whose
 *       certificate is known, chains to the root and has a validator role at the block's time, each signature
 *       verifying over the PBFT COMMIT bytes {@code "CXPBFT" ‖ 0x01 ‖ chainId ‖ COMMIT(view, height, blockHash)}.</li>
 * </ol>
 * A certificate is validated at the earliest and latest time it signed (validity windows and revocation are
 * intervals, so valid at both means valid in between). Every failure is reported, not only the first.
 */
public final class ChainVerifier {

    /** Roles a validator may have. */
    public static final Set<Role> VALIDATOR_ROLES = Set.copyOf(EnumSet.of(Role.EXCHANGE, Role.REGULATOR, Role.COURT,
            Role.ARBITRATOR));

    /**
     * What was verified.
     *
     * @param report  every check
     * @param headers the verified headers by height (also those whose certificate failed)
     */
    public record Result(Report report, TreeMap<Long, BlockHeader> headers) {
        /** Height of the head, 0 for an empty chain. */
        public long height() {
            return headers.isEmpty() ? 0 : headers.lastKey();
        }

        /** Events anchored up to the head. */
        public long events() {
            return headers.values().stream().mapToLong(BlockHeader::treeSize).sum();
        }
    }

    private final String chainId;
    private final CertificateValidator trust;
    private final ValidatorCertificates certificates;
    private final int validators;

    /**
     * @param chainId      the chain
     * @param trust        the root and issuing CAs
     * @param certificates the validators' certificates
     * @param validators   n, the number of validators
     */
    public ChainVerifier(String chainId, CertificateValidator trust, ValidatorCertificates certificates,
                         int validators) {
        this.chainId = chainId;
        this.trust = trust;
        this.certificates = certificates;
        this.validators = validators;
    }

    /** Quorum of n validators (as the PBFT validator set counts it). */
    public static int quorum(int n) {
        int f = (n - 1) / 3;
        return (n + f + 2) / 2;
    }

    /** Verifies {@code blocks} (in any order; other chains' blocks are ignored and noted). */
    public Result verify(List<BlockCommitted> blocks) {
        Report report = new Report();
        TreeMap<Long, BlockCommitted> byHeight = new TreeMap<>();
        TreeMap<Long, BlockHeader> headers = new TreeMap<>();
        int others = 0;
        for (BlockCommitted b : blocks) {
            if (!chainId.equals(b.getHeader().getChainId())) {
                others++;
                continue;
            }
            BlockCommitted seen = byHeight.putIfAbsent(b.getHeader().getHeight(), b);
            if (seen != null && !seen.getBlockHash().equals(b.getBlockHash())) {
                report.fail("block " + b.getHeader().getHeight(), "two different blocks at this height (a fork): "
                        + hex(seen.getBlockHash()) + " and " + hex(b.getBlockHash()));
            }
        }
        if (others > 0) {
            report.note("other chains", others + " block events of other chains ignored");
        }
        if (validators < 4) {
            report.fail("validator set", "n = " + validators + " validators; PBFT needs at least 4 (n = 3f+1, f >= 1);"
                    + " give every validator's certificate");
        }
        if (byHeight.isEmpty()) {
            report.fail("blocks", "no block of chain " + chainId + " was found");
            return new Result(report, headers);
        }
        headers(byHeight, headers, report);
        certificates(byHeight, headers, report);
        return new Result(report, headers);
    }

    private void headers(TreeMap<Long, BlockCommitted> byHeight, TreeMap<Long, BlockHeader> headers, Report report) {
        long expected = 1;
        int good = 0;
        Digest previous = Digest.ZERO;
        for (Map.Entry<Long, BlockCommitted> e : byHeight.entrySet()) {
            long h = e.getKey();
            if (h != expected) {
                report.fail("heights", h < 1 ? "a block claims height " + h : "blocks " + expected + ".." + (h - 1)
                        + " are missing (the chain jumps from " + (expected - 1) + " to " + h + ")");
                previous = null;
            }
            expected = h + 1;
            BlockHeader header;
            try {
                header = BlockHeader.fromAvro(e.getValue().getHeader());
            } catch (RuntimeException bad) {
                report.fail("header of block " + h, "not a well-formed header: " + bad.getMessage());
                previous = null;
                continue;
            }
            headers.put(h, header);
            byte[] stated = bytes(e.getValue().getBlockHash());
            if (!Arrays.equals(stated, header.hash().bytes())) {
                report.fail("hash of block " + h, "the event states " + HexFormat.of().formatHex(stated)
                        + " but the header hashes to " + header.hash().hex());
            } else if (previous != null && !header.previousHash().equals(previous)) {
                report.fail("hash link " + (h - 1) + " -> " + h, "block " + h + " names previous hash "
                        + header.previousHash().hex() + " but block " + (h - 1) + " hashes to " + previous.hex());
            } else {
                good++;
            }
            previous = header.hash();
        }
        BlockHeader head = headers.isEmpty() ? null : headers.lastEntry().getValue();
        if (head != null) {
            report.check(good == byHeight.size(), "headers and hash links", byHeight.size() + " blocks, heights 1.."
                    + head.height() + ", every header hashes to its stated hash and links to its predecessor;"
                    + " head " + head.hash().hex(), (byHeight.size() - good) + " of " + byHeight.size()
                    + " blocks fail their hash or link (see above)");
        }
    }

    private void certificates(TreeMap<Long, BlockCommitted> byHeight, TreeMap<Long, BlockHeader> headers,
                              Report report) {
        Map<X509Certificate, String> invalid = invalidCertificates(byHeight, headers);
        int quorum = quorum(validators);
        int good = 0;
        Set<String> signers = new TreeSet<>();
        Map<X509Certificate, SignatureVerifier> verifiers = new HashMap<>();
        for (Map.Entry<Long, BlockHeader> e : headers.entrySet()) {
            BlockCommitted event = byHeight.get(e.getKey());
            byte[] signed = SignedMessage.signingBytes(chainId, PayloadCodec.encode(new Commit(event.getView(),
                    e.getKey(), e.getValue().hash())));
            Set<String> valid = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            for (CommitSignature s : event.getCommitSignatures()) {
                String who = s.getValidatorId() + " (certificate " + s.getCertificateSerial() + ")";
                X509Certificate cert = certificates.certificate(s.getValidatorId(), s.getCertificateSerial())
                        .orElse(null);
                if (cert == null) {
                    problems.add(who + ": certificate not given");
                } else if (invalid.containsKey(cert)) {
                    problems.add(who + ": certificate not valid for a validator: " + invalid.get(cert));
                } else if (!verifiers.computeIfAbsent(cert, SignatureVerifier::forCertificate)
                        .verify(signed, bytes(s.getSignature()))) {
                    problems.add(who + ": signature does not verify over the COMMIT of view " + event.getView());
                } else {
                    valid.add(s.getValidatorId());
                }
            }
            signers.addAll(valid);
            if (valid.size() >= quorum && problems.isEmpty()) {
                good++;
            } else {
                report.fail("commit certificate of block " + e.getKey(), valid.size() + " valid signatures from distinct"
                        + " validators, quorum " + quorum + (problems.isEmpty() ? "" : "; " + String.join("; ",
                        problems)));
            }
        }
        report.check(good == headers.size() && !headers.isEmpty(), "commit certificates", good + " of "
                + headers.size() + " blocks carry >= " + quorum + " valid signatures of distinct validators (n = "
                + validators + "); signers " + signers, (headers.size() - good) + " of " + headers.size()
                + " certificates fail (see above)");
    }

    /**
     * The given certificates that sign some block and are not valid validator certificates at the earliest or the
     * latest block time they sign, with why.
     */
    private Map<X509Certificate, String> invalidCertificates(TreeMap<Long, BlockCommitted> byHeight,
                                                             TreeMap<Long, BlockHeader> headers) {
        Map<X509Certificate, long[]> span = new HashMap<>();
        for (Map.Entry<Long, BlockHeader> e : headers.entrySet()) {
            for (CommitSignature s : byHeight.get(e.getKey()).getCommitSignatures()) {
                certificates.certificate(s.getValidatorId(), s.getCertificateSerial()).ifPresent(c -> span.merge(c,
                        new long[] {e.getValue().timeMs(), e.getValue().timeMs()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
            }
        }
        Map<X509Certificate, String> invalid = new HashMap<>();
        span.forEach((cert, times) -> {
            for (long t : times) {
                ValidationResult r = trust.validate(cert, VALIDATOR_ROLES, Instant.ofEpochMilli(t));
                if (!r.isValid()) {
                    invalid.putIfAbsent(cert, r.status() + " at " + Instant.ofEpochMilli(t) + ": " + r.detail());
                }
            }
        });
        return invalid;
    }

    static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    private static String hex(ByteBuffer b) {
        return HexFormat.of().formatHex(bytes(b));
    }
}
