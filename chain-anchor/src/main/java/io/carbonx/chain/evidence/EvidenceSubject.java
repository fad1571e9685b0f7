package io.carbonx.chain.evidence;

import java.util.Objects;

/**
 * The subject of a bundle: a trade, order, default or penalty id, or a participant and a period.
 *
 * @param kind          what the id names
 * @param id            trade, order, default, penalty or participant id; 1..200 printable characters, no spaces
 * @param fromMs        start of the period (inclusive, logical time in ms), only for {@link EvidenceKind#PARTICIPANT}
 * @param toMsExclusive end of the period (exclusive), only for {@link EvidenceKind#PARTICIPANT}
 */
public record EvidenceSubject(EvidenceKind kind, String id, long fromMs, long toMsExclusive) {

    /** Validates the id and the period. */
    public EvidenceSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!validId(id)) {
            throw new IllegalArgumentException("an id is 1..200 printable ASCII characters without spaces: '" + id + "'");
        }
        if (kind == EvidenceKind.PARTICIPANT ? fromMs >= toMsExclusive : fromMs != 0 || toMsExclusive != 0) {
            throw new IllegalArgumentException("a participant subject needs from < to; other subjects no period");
        }
    }

    /** A trade. */
    public static EvidenceSubject trade(String tradeId) {
        return new EvidenceSubject(EvidenceKind.TRADE, tradeId, 0, 0);
    }

    /** An order. */
    public static EvidenceSubject order(String orderId) {
        return new EvidenceSubject(EvidenceKind.ORDER, orderId, 0, 0);
    }

    /** A default. */
    public static EvidenceSubject defaultCase(String defaultId) {
        return new EvidenceSubject(EvidenceKind.DEFAULT, defaultId, 0, 0);
    }

    /** A penalty. */
    public static EvidenceSubject penalty(String penaltyId) {
        return new EvidenceSubject(EvidenceKind.PENALTY, penaltyId, 0, 0);
    }

    /** A participant over {@code [fromMs, toMsExclusive)} of logical time. */
    public static EvidenceSubject participant(String participantId, long fromMs, long toMsExclusive) {
        return new EvidenceSubject(EvidenceKind.PARTICIPANT, participantId, fromMs, toMsExclusive);
    }

    /** True for 1..200 characters in {@code !..~} (printable ASCII, no space). */
    public static boolean validId(String id) {
        if (id.isEmpty() || id.length() > 200) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return kind.word() + " " + id + (kind == EvidenceKind.PARTICIPANT ? " [" + fromMs + ", " + toMsExclusive + ")" : "");
    }
}
