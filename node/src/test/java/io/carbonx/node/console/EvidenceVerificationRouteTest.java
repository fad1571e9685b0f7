package io.carbonx.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.HexFormat;

import io.carbonx.registry.identity.pki.BcProvider;
import io.vertx.core.json.JsonObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The verification report the endpoint answers: what is not a bundle is reported invalid with the verifier's
 * reason (not a 5xx), and the report names the root it trusted. Valid bundles are verified in ConsoleEndToEndIT on
 * a real chain.
 */
class EvidenceVerificationRouteTest {

    @Test
    void bytesThatAreNotABundleGiveAnInvalidReportWithTheReason() throws Exception {
        X509Certificate root = selfSigned();
        EvidenceVerificationRoute route = new EvidenceVerificationRoute(root);
        byte[] junk = "PK not really a zip".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        JsonObject report = route.report(junk);

        assertThat(report.getBoolean("valid")).isFalse();
        assertThat(report.getInteger("failed")).isEqualTo(1);
        assertThat(report.getJsonArray("checks").getJsonObject(0).getString("reason")).isEqualTo("NOT_A_BUNDLE");
        assertThat(report.getString("bundleSha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(junk)));
        assertThat(report.getJsonObject("trustedRoot").getString("sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded())));
        assertThat(report.getString("report")).contains("INVALID");
    }

    @Test
    void anEmptyZipIsNotABundleEither() throws Exception {
        byte[] emptyZip = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        JsonObject report = new EvidenceVerificationRoute(selfSigned()).report(emptyZip);

        assertThat(report.getBoolean("valid")).isFalse();
        assertThat(report.getInteger("passed") + report.getInteger("failed"))
                .isEqualTo(report.getJsonArray("checks").size());
    }

    private static X509Certificate selfSigned() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=Test Root");
        Date from = new Date(1_700_000_000_000L);
        Date to = new Date(1_900_000_000_000L);
        return new JcaX509CertificateConverter().setProvider(BcProvider.get()).getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from, to, name, kp.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    }
}
