package io.carbonx.chain.evidence;

import io.carbonx.chain.timestamp.TimestampCheck;
import io.carbonx.chain.timestamp.TimestampVerifier;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time-stamp checks: every RFC 3161 token verifies over its block's hash ({@link TimestampVerifier}: form,
 * imprint, signer, signature, TSA certificate chain and purpose at genTime); and every event's block is covered by
 * a valid token at that block or a later one (the hash chain carries the later block's time back to it).
 */
final class StampVerification {

    private final VerificationContext ctx;
    /** Earliest valid genTime per time-stamped height. */
    private final TreeMap<Long, Instant> stamped = new TreeMap<>();
    /** Each token's verification, started by {@link #run()}. */
    private final Map<BundleContents.Stamp, RunAhead.Pending<TimestampCheck>> tokens = new IdentityHashMap<>();

    StampVerification(VerificationContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Starts every token's verification ahead ({@link RunAhead}; {@link TimestampVerifier} is thread-safe and the
     * certificate validator is): a pure function of the token, the block hash, the TSA certificate and the trust.
     */
    private void start() {
        TimestampVerifier verifier = new TimestampVerifier(ctx.trust());
        for (List<BundleContents.Stamp> stamps : ctx.contents.stamps().values()) {
            for (BundleContents.Stamp s : stamps) {
                tokens.put(s, ctx.runAhead.submit(
                        () -> verifier.verifyResponse(s.response(), ctx.blockHash(s.height()).bytes(), s.tsa())));
            }
        }
    }

    /** Records the time-stamp checks (needs the trust). */
    void run() {
        start();
        for (Map.Entry<Long, List<BundleContents.Stamp>> e : ctx.contents.stamps().entrySet()) {
            for (BundleContents.Stamp s : e.getValue()) {
                TimestampCheck check = tokens.get(s).get();
                String name = "time-stamp " + s.k() + " of block " + s.height();
                if (ctx.checks.check(check.isValid(), name, VerificationFailure.TIMESTAMP_INVALID,
                        "RFC 3161 token by TSA " + check.tsaParticipantId() + " over block hash "
                                + ctx.blockHash(s.height()).hex() + ": genTime " + check.genTime() + ", serial "
                                + (check.serial() == null ? "-" : check.serial().toString(16)) + ", policy "
                                + check.policyOid(),
                        check.status() + ": " + check.detail())) {
                    stamped.merge(s.height(), check.genTime(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        for (BundleContents.Event e : ctx.contents.events()) {
            long h = e.proof().height();
            Map.Entry<Long, Instant> covering = earliestFrom(h);
            ctx.checks.check(covering != null, "time of event " + e.number(), VerificationFailure.NO_TIMESTAMP,
                    covering == null ? "" : "existed no later than " + covering.getValue() + " (time-stamp of block "
                            + covering.getKey() + ")",
                    "no valid time-stamp at block " + h + " or later");
        }
    }

    /** The valid time-stamp with the earliest genTime at height ≥ {@code h}, or null. */
    private Map.Entry<Long, Instant> earliestFrom(long h) {
        Map.Entry<Long, Instant> best = null;
        for (Map.Entry<Long, Instant> e : stamped.tailMap(h, true).entrySet()) {
            if (best == null || e.getValue().isBefore(best.getValue())) {
                best = e;
            }
        }
        return best;
    }
}
