package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/**
 * A bundle stays verifiable after the contract evolves. The fixture {@code evidence/schema-v3/trade.zip} was produced
 * by a node of schema version 3 (before {@code OrderRequest}/{@code OrderSubmitted} gained the {@code storage} field
 * in version 4); it carries those events' bytes, the then-current schema texts and a REPORT.md rendered from them.
 * Today's verifier must find the writer schemas through the schema history with the exact text the older node wrote
 * (SCHEMA_MISMATCH otherwise), and render the report from the events as written, not as read into today's classes
 * (REPORT_MISMATCH otherwise). Certificates are checked at the bundle's own signing and time-stamping times, so the
 * fixture does not age.
 */
class OlderSchemaBundleTest {

    @Test
    void aBundleWrittenWithSchemaVersion3VerifiesWithTodaysVerifier() throws Exception {
        byte[] bundle = resource("evidence/schema-v3/trade.zip");
        X509Certificate root = Pems.certificate("root.pem", resource("evidence/schema-v3/root.pem"));

        VerificationReport report = new EvidenceVerifier().verify(bundle, root);

        assertThat(report.valid()).as(report.render()).isTrue();
    }

    @Test
    void aChangedByteInTheOlderBundleIsStillRejected() throws Exception {
        byte[] bundle = resource("evidence/schema-v3/trade.zip");
        X509Certificate root = Pems.certificate("root.pem", resource("evidence/schema-v3/root.pem"));
        byte[] changed = bundle.clone();
        changed[changed.length / 2] ^= 0x01;

        assertThat(new EvidenceVerifier().verify(changed, root).valid()).isFalse();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = OlderSchemaBundleTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
