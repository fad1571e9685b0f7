package io.carbonx.exchange.core.pool;

import java.util.List;
import java.util.Objects;

/**
 * The platform's commission on peer-to-peer trades, as a rate that depends on a party's <em>priority</em> — its
 * 1-based rank in the period's ranking (consumers by quantity &times; price, highest first; suppliers by
 * quantity &times; price, lowest first). Reference §4.2 (4): the platform "increase[s] or decrease[s]
 * transaction commissions to encourage bidding based on the priority of the transaction".
 *
 * <p>A schedule is a list of tiers, each covering ranks up to and including {@code upToRank} (strictly
 * increasing), and a rate for every rank beyond the last tier. Rates are basis points of the trade's notional
 * (0..10&nbsp;000). The default lowers the rate for the best-ranked parties and raises it for the rest: ranks
 * 1–3 pay 20 bp, ranks 4–10 pay 30 bp, ranks 11 and beyond pay 50 bp.
 *
 * <p>Commission is {@code floor(notional × bps / 10 000)}, computed without intermediate overflow, so it never
 * exceeds the notional and rounding always favours the participant.
 *
 * @param tiers     rank tiers, {@code upToRank} strictly increasing and at least 1
 * @param beyondBps rate for ranks after the last tier
 */
public record CommissionSchedule(List<Tier> tiers, int beyondBps) {

    /** One basis point is 1/10 000 of the notional. */
    public static final int BPS_DENOMINATOR = 10_000;

    /**
     * A tier: every rank {@code <= upToRank} not covered by an earlier tier pays {@code bps}.
     *
     * @param upToRank last rank (1-based, inclusive) of the tier
     * @param bps      rate in basis points, 0..10 000
     */
    public record Tier(int upToRank, int bps) {
    }

    /** Validates and copies the tiers; throws {@link IllegalArgumentException} on a malformed schedule. */
    public CommissionSchedule {
        Objects.requireNonNull(tiers, "tiers");
        tiers = List.copyOf(tiers);
        int previous = 0;
        for (Tier t : tiers) {
            if (t.upToRank() <= previous) {
                throw new IllegalArgumentException("tier ranks must be positive and strictly increasing: " + tiers);
            }
            checkBps(t.bps());
            previous = t.upToRank();
        }
        checkBps(beyondBps);
    }

    /** The default schedule: 20 bp for ranks 1–3, 30 bp for ranks 4–10, 50 bp beyond. */
    public static CommissionSchedule defaults() {
        return new CommissionSchedule(List.of(new Tier(3, 20), new Tier(10, 30)), 50);
    }

    /** A flat rate for every rank (0 disables commission). */
    public static CommissionSchedule flat(int bps) {
        return new CommissionSchedule(List.of(), bps);
    }

    /** The rate for a 1-based rank. */
    public int bpsForRank(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based: " + rank);
        }
        for (Tier t : tiers) {
            if (rank <= t.upToRank()) {
                return t.bps();
            }
        }
        return beyondBps;
    }

    /** {@code floor(notionalMinor × bpsForRank(rank) / 10 000)}; {@code notionalMinor} must be non-negative. */
    public long commissionMinor(long notionalMinor, int rank) {
        if (notionalMinor < 0) {
            throw new IllegalArgumentException("negative notional: " + notionalMinor);
        }
        long bps = bpsForRank(rank);
        return notionalMinor / BPS_DENOMINATOR * bps + notionalMinor % BPS_DENOMINATOR * bps / BPS_DENOMINATOR;
    }

    private static void checkBps(int bps) {
        if (bps < 0 || bps > BPS_DENOMINATOR) {
            throw new IllegalArgumentException("commission rate must be 0..10000 bp: " + bps);
        }
    }
}
