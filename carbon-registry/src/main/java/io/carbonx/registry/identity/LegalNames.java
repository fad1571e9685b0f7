package io.carbonx.registry.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Legal-name rules. A legal name is stored in its display form (Unicode NFC, trimmed, each run of whitespace
 * collapsed to one space, 1..{@value #MAX_LENGTH} characters, no control or format characters). Two names are
 * duplicates when their comparison keys are equal: NFKC, lower-cased with {@link Locale#ROOT}, whitespace
 * collapsed, so "ACME  Steel" and "acme steel" collide.
 */
public final class LegalNames {

    /** Longest accepted legal name, in UTF-16 code units after normalisation. */
    public static final int MAX_LENGTH = 200;

    private LegalNames() {
    }

    /**
     * The display form of a legal name.
     *
     * @throws IdentityRefusedException INVALID_LEGAL_NAME when it is null, blank, too long or holds control
     *                                  or format characters
     */
    public static String displayForm(String raw) throws IdentityRefusedException {
        if (raw == null) {
            throw new IdentityRefusedException(IdentityRefusal.INVALID_LEGAL_NAME, "no legal name");
        }
        String s = collapse(Normalizer.normalize(raw, Normalizer.Form.NFC));
        if (s.isEmpty()) {
            throw new IdentityRefusedException(IdentityRefusal.INVALID_LEGAL_NAME, "blank legal name");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IdentityRefusedException(IdentityRefusal.INVALID_LEGAL_NAME,
                    "legal name of " + s.length() + " characters exceeds " + MAX_LENGTH);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                throw new IdentityRefusedException(IdentityRefusal.INVALID_LEGAL_NAME,
                        String.format("legal name contains character U+%04X at index %d", (int) c, i));
            }
        }
        return s;
    }

    /** The comparison key used to detect duplicate names. */
    public static String comparisonKey(String displayForm) {
        return collapse(Normalizer.normalize(displayForm, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    }

    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
