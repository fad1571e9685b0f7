package io.carbonx.chain.evidence;

import static io.carbonx.chain.testing.TestPki.T2;

import io.carbonx.registry.identity.pki.Certificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the five sample bundles of {@link EvidenceFixture} and the root certificate to a directory:
 * {@code trade.zip, order.zip, default.zip, penalty.zip, participant.zip, root.pem}. Used by the script and CLI
 * tests and the benchmark; run {@code main(dir)} to look at real bundles.
 */
public final class SampleBundles {

    private SampleBundles() {
    }

    /** The five bundles by name. */
    public static Map<String, byte[]> build(EvidenceFixture fx) throws EvidenceException {
        BundleBuilder b = new BundleBuilder(fx.source);
        long t = T2.toEpochMilli();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("trade", b.build(EvidenceSubject.trade(EvidenceFixture.TRADE)));
        out.put("order", b.build(EvidenceSubject.order(EvidenceFixture.BUY_ORDER)));
        out.put("default", b.build(EvidenceSubject.defaultCase(EvidenceFixture.DEFAULT)));
        out.put("penalty", b.build(EvidenceSubject.penalty(EvidenceFixture.PENALTY)));
        out.put("participant", b.build(EvidenceSubject.participant(fx.seller.id(), t - 1000, t + 1500)));
        return out;
    }

    /** Writes the bundles and {@code root.pem} into {@code dir}. */
    public static void write(EvidenceFixture fx, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : build(fx).entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".zip"), e.getValue());
        }
        Files.writeString(dir.resolve("root.pem"), Certificates.pem(fx.pki.root()));
    }

    /** {@code SampleBundles <dir>}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-bundles");
        write(EvidenceFixture.create(EvidenceFixture.Seller.NORMAL), dir);
        System.out.println("wrote sample bundles to " + dir.toAbsolutePath());
    }
}
