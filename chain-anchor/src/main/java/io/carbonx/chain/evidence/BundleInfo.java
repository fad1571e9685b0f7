package io.carbonx.chain.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code BUNDLE.txt}: three lines, LF-terminated:
 * <pre>
 * format: carbonx-evidence-bundle/1
 * chain-id: &lt;chain id&gt;
 * subject: &lt;trade|order|default|penalty|participant&gt; &lt;id&gt;
 * </pre>
 *
 * @param chainId   the chain id (must equal every header's)
 * @param kind      the subject's kind
 * @param subjectId the subject's id
 */
public record BundleInfo(String chainId, EvidenceKind kind, String subjectId) {

    /** The format line's value. */
    public static final String FORMAT = "carbonx-evidence-bundle/1";

    /** Validates the ids. */
    public BundleInfo {
        Objects.requireNonNull(kind, "kind");
        if (!EvidenceSubject.validId(chainId) || !EvidenceSubject.validId(subjectId)) {
            throw new IllegalArgumentException("chain and subject ids must be printable ASCII without spaces");
        }
    }

    /** The file's bytes. */
    public byte[] render() {
        return ("format: " + FORMAT + "\nchain-id: " + chainId + "\nsubject: " + kind.word() + " " + subjectId + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses the file; it must be exactly what {@link #render} writes.
     *
     * @throws BundleFormatException otherwise
     */
    public static BundleInfo parse(byte[] bytes) throws BundleFormatException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty() || !lines[0].equals("format: " + FORMAT)
                || !lines[1].startsWith("chain-id: ") || !lines[2].startsWith("subject: ")) {
            throw new BundleFormatException(BundlePaths.INFO + " is not a format 1 bundle description");
        }
        String[] subject = lines[2].substring("subject: ".length()).split(" ", -1);
        EvidenceKind kind = subject.length == 2 ? EvidenceKind.ofWord(subject[0]) : null;
        BundleInfo info;
        try {
            info = new BundleInfo(lines[1].substring("chain-id: ".length()), kind, subject.length == 2 ? subject[1] : "");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BundleFormatException(BundlePaths.INFO + ": " + e.getMessage());
        }
        if (!java.util.Arrays.equals(info.render(), bytes)) {
            throw new BundleFormatException(BundlePaths.INFO + " is not in canonical form");
        }
        return info;
    }
}
