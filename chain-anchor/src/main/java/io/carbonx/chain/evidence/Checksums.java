package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code SHA256SUMS}: one line {@code <64 hex>  <path>} (two spaces, as {@code sha256sum} writes) per member other
 * than itself, in path order; {@code sha256sum -c SHA256SUMS} checks it.
 */
final class Checksums {

    private Checksums() {
    }

    static byte[] render(SortedMap<String, byte[]> members) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, byte[]> e : members.entrySet()) {
            if (!e.getKey().equals(BundlePaths.SUMS)) {
                b.append(Sha256.hash(e.getValue()).hex()).append("  ").append(e.getKey()).append('\n');
            }
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
