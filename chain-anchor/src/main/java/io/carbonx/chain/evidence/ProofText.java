package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.merkle.InclusionProof;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An event's {@code proof.txt}: LF-terminated lines
 * <pre>
 * block: &lt;height&gt;
 * leaf-index: &lt;index&gt;
 * tree-size: &lt;size&gt;
 * path:
 * &lt;64 lower-case hex digits&gt;   (one line per audit path element, bottom-up)
 * </pre>
 *
 * @param height the block holding the event
 * @param proof  leaf index, tree size and audit path
 */
public record ProofText(long height, InclusionProof proof) {

    private static final Pattern HASH_LINE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    /** The file's bytes. */
    public byte[] render() {
        StringBuilder b = new StringBuilder();
        b.append("block: ").append(height).append('\n').append("leaf-index: ").append(proof.leafIndex()).append('\n')
                .append("tree-size: ").append(proof.treeSize()).append('\n').append("path:\n");
        for (Digest d : proof.path()) {
            b.append(d.hex()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses the file; it must be exactly what {@link #render} writes.
     *
     * @throws BundleFormatException otherwise (the message names {@code path})
     */
    public static ProofText parse(String path, byte[] bytes) throws BundleFormatException {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
        if (lines.length < 5 || !lines[lines.length - 1].isEmpty() || !lines[3].equals("path:")) {
            throw new BundleFormatException(path + " is not a proof file");
        }
        try {
            long height = number(lines[0], "block: ");
            long index = number(lines[1], "leaf-index: ");
            long size = number(lines[2], "tree-size: ");
            List<Digest> audit = new ArrayList<>();
            for (int i = 4; i < lines.length - 1; i++) {
                if (!HASH_LINE.matcher(lines[i]).matches()) {
                    throw new IllegalArgumentException("bad path line " + (i + 1));
                }
                audit.add(Digest.ofHex(lines[i]));
            }
            ProofText proof = new ProofText(height, new InclusionProof(index, size, audit));
            if (!Arrays.equals(proof.render(), bytes)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return proof;
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(path + ": " + e.getMessage());
        }
    }

    private static long number(String line, String prefix) {
        if (!line.startsWith(prefix) || !NUMBER.matcher(line.substring(prefix.length())).matches()) {
            throw new IllegalArgumentException("expected '" + prefix + "<number>', got '" + line + "'");
        }
        return Long.parseLong(line.substring(prefix.length()));
    }
}
