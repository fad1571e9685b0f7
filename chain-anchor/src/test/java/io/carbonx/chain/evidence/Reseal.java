package io.carbonx.chain.evidence;

import io.carbonx.schemas.EventCodec;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test helper: after a deliberate change to a bundle's members, re-renders REPORT.md and SHA256SUMS as an honest
 * builder would, so that a test isolates the check that must catch the change.
 */
final class Reseal {

    private Reseal() {
    }

    static byte[] reseal(SortedMap<String, byte[]> changed) throws BundleFormatException {
        SortedMap<String, byte[]> members = new TreeMap<>(changed);
        BundleContents contents = BundleParser.parse(members, EventCodec.standard());
        members.put(BundlePaths.REPORT, ReportRenderer.render(contents));
        members.put(BundlePaths.SUMS, Checksums.render(members));
        return StoredZip.write(members);
    }

    static SortedMap<String, byte[]> members(byte[] zip) throws StoredZip.FormatException {
        return new TreeMap<>(StoredZip.read(zip));
    }
}
