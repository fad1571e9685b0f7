package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every single-byte change is rejected: each byte position of the raw ZIP file of two bundles, and each byte of the
 * members of two bundles, with {@code SHA256SUMS} recomputed and the archive rebuilt canonically, so that the change
 * must be caught by what the member means, not by the checksum or the container: every byte of every member of the
 * penalty bundle; every byte of every evidence member of the order bundle (events, proofs, requests, signatures,
 * headers, commits, time-stamps, certificates, CRL, BUNDLE.txt, SHA256SUMS) and every 16th byte of its REPORT.md
 * and schema texts, which the verifier compares whole with the texts it renders itself (all of them with
 * {@code -Devidence.tamper.full=true}). Each position is XORed with a non-zero mask from a seeded generator; the
 * seed, member and position are in every failure message. Rejections by the verifier's safety net (an input no
 * check anticipated) count as failures of this test.
 */
class EvidenceTamperTest {

    static final long SEED = Long.getLong("evidence.tamper.seed", 20261101L);
    static final boolean FULL = Boolean.getBoolean("evidence.tamper.full");

    static EvidenceFixture fx;
    static X509Certificate root;
    static Map<String, byte[]> bundles;

    @BeforeAll
    static void bundles() throws Exception {
        fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        root = fx.pki.root();
        bundles = SampleBundles.build(fx);
    }

    private static VerificationReport verify(byte[] zip) {
        return new EvidenceVerifier().verify(zip, root, true);
    }

    private static byte mask(Random random) {
        return (byte) (1 + random.nextInt(255));
    }

    @Test
    void everyRawByteChangeOfThePenaltyBundleFileIsRejected() {
        assertEveryRawByteRejected("penalty");
    }

    @Test
    void everyRawByteChangeOfTheOrderBundleFileIsRejected() {
        assertEveryRawByteRejected("order");
    }

    @Test
    void everyByteChangeInsideEveryMemberOfThePenaltyBundleIsRejectedByItsMeaning() throws Exception {
        assertEveryMemberByteRejected("penalty", 1);
    }

    @Test
    void everyByteChangeInsideEveryEvidenceMemberOfTheOrderBundleIsRejectedByItsMeaning() throws Exception {
        assertEveryMemberByteRejected("order", FULL ? 1 : 16);
    }

    @Test
    void stopAtFirstFailureGivesTheSameVerdictAsTheFullVerification() throws Exception {
        byte[] zip = bundles.get("order");
        SortedMap<String, byte[]> members = StoredZip.read(zip);
        Random random = new Random(SEED);
        for (String path : members.keySet()) {
            byte[] tampered = rebuild(members, path, random.nextInt(members.get(path).length), mask(random));
            VerificationReport full = new EvidenceVerifier().verify(tampered, root, false);
            VerificationReport fast = verify(tampered);
            assertThat(full.valid()).as(path).isFalse();
            assertThat(fast.valid()).as(path).isFalse();
            assertThat(full.failures().get(0)).as(path).isEqualTo(fast.failures().get(0));
        }
    }

    private static void assertEveryRawByteRejected(String name) {
        byte[] zip = bundles.get(name);
        assertThat(verify(zip).valid()).isTrue();
        List<String> accepted = IntStream.range(0, zip.length).parallel().mapToObj(i -> {
            byte[] copy = zip.clone();
            byte m = mask(new Random(SEED * 31 + i));
            copy[i] ^= m;
            VerificationReport r = verify(copy);
            return r.valid() || r.failures().get(0).detail().startsWith(EvidenceVerifier.UNEXPECTED)
                    ? "byte " + i + " ^ " + (m & 0xFF) + ": " + r.failures() : null;
        }).filter(s -> s != null).toList();
        assertThat(accepted).as("raw changes of %s accepted (seed %d)", name, SEED).isEmpty();
    }

    /** Every byte of every member, except every {@code textStride}-th byte only of REPORT.md and schema texts. */
    private static void assertEveryMemberByteRejected(String name, int textStride) throws Exception {
        SortedMap<String, byte[]> members = StoredZip.read(bundles.get(name));
        List<String> accepted = new ArrayList<>();
        List<String> caughtOnlyByChecksums = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            String path = member.getKey();
            int length = member.getValue().length;
            int stride = path.equals(BundlePaths.REPORT) || path.startsWith("schemas/") ? textStride : 1;
            total += (length + stride - 1) / stride;
            List<String> results = IntStream.range(0, length).filter(j -> j % stride == 0).parallel().mapToObj(j -> {
                byte m = mask(new Random(SEED * 31 + path.hashCode() * 7L + j));
                VerificationReport r = verify(rebuild(members, path, j, m));
                if (r.valid()) {
                    return "A" + path + " byte " + j + " ^ " + (m & 0xFF);
                }
                Check first = r.failures().get(0);
                if (first.detail().startsWith(EvidenceVerifier.UNEXPECTED)) {
                    return "A" + path + " byte " + j + " hit the safety net: " + first.detail();
                }
                boolean checksumOnly = !path.equals(BundlePaths.SUMS)
                        && (first.reason() == VerificationFailure.CHECKSUMS_MISMATCH
                        || first.reason() == VerificationFailure.NOT_A_BUNDLE);
                return checksumOnly ? "C" + path + " byte " + j + ": " + first : null;
            }).filter(s -> s != null).toList();
            for (String s : results) {
                (s.charAt(0) == 'A' ? accepted : caughtOnlyByChecksums).add(s.substring(1));
            }
        }
        assertThat(total).isGreaterThan(5_000);
        System.out.printf("%s bundle: %d member byte changes, all rejected by their meaning%n", name, total);
        assertThat(accepted).as("member changes of %s accepted (seed %d)", name, SEED).isEmpty();
        assertThat(caughtOnlyByChecksums).as("changes caught only by SHA256SUMS or the container").isEmpty();
    }

    /** The archive with byte {@code index} of member {@code path} XORed with {@code mask}, SHA256SUMS recomputed. */
    static byte[] rebuild(SortedMap<String, byte[]> members, String path, int index, byte mask) {
        SortedMap<String, byte[]> copy = new TreeMap<>(members);
        byte[] changed = members.get(path).clone();
        changed[index] ^= mask;
        copy.put(path, changed);
        if (!path.equals(BundlePaths.SUMS)) {
            copy.put(BundlePaths.SUMS, Checksums.render(copy));
        }
        return StoredZip.write(copy);
    }
}
