package io.carbonx.chain.evidence;

/** What an evidence bundle is about. The lower-case name is the word used in {@code BUNDLE.txt}. */
public enum EvidenceKind {
    /** A trade, with the orders (and their signed requests) that made it. */
    TRADE,
    /** An order: its signed request and what happened to it. */
    ORDER,
    /** A default, with the trade it concerns. */
    DEFAULT,
    /** A compliance penalty. */
    PENALTY,
    /** Everything involving one participant over a period. */
    PARTICIPANT;

    /** The word in {@code BUNDLE.txt}: the lower-case name. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind for a {@code BUNDLE.txt} word, or null. */
    public static EvidenceKind ofWord(String word) {
        for (EvidenceKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }
}
