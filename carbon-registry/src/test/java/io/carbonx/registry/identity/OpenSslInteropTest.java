package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.T2;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static io.carbonx.registry.identity.PkiFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock OpenSSL accepts what the CA produces and produces what the registry accepts: chain verification (strict
 * X.509, TLS client purpose), CRL checking, encrypted PKCS#8 keys, CSRs and signatures. Skipped when no
 * {@code openssl} is on the PATH. Verification times are fixed with {@code -attime}.
 */
class OpenSslInteropTest {

    @TempDir
    Path dir;
    @TempDir
    Path work;

    private IdentityService service;

    @BeforeAll
    static void requireOpenSsl() {
        Assumptions.assumeTrue(openSslAvailable(), "openssl is not on the PATH");
    }

    @BeforeEach
    void open() throws Exception {
        service = PkiFixtures.openService(dir);
        Files.writeString(work.resolve("root.pem"), Certificates.pem(service.rootCertificate()));
        Files.writeString(work.resolve("issuing.pem"), Certificates.pem(service.issuingCertificate()));
    }

    @Test
    void opensslVerifiesIssuedCertificateChain() throws Exception {
        ParticipantRegisteredRecord p = register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        writeLeaf(p);
        Result r = openssl("verify", "-attime", epoch(T2), "-x509_strict", "-purpose", "sslclient",
                "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem");
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("leaf.pem: OK");
    }

    @Test
    void opensslRejectsExpiredCertificate() throws Exception {
        ParticipantRegisteredRecord p = register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        writeLeaf(p);
        Result r = openssl("verify", "-attime", epoch(p.notAfter().plusSeconds(60)), "-CAfile", "root.pem",
                "-untrusted", "issuing.pem", "leaf.pem");
        assertThat(r.exit).isNotZero();
        assertThat(r.output).contains("certificate has expired");
    }

    @Test
    void opensslSeesRevocationInTheCrl() throws Exception {
        ParticipantRegisteredRecord p = register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        writeLeaf(p);
        Files.copy(dir.resolve(CaStore.CRL), work.resolve("crl0.pem"));
        Result before = openssl("verify", "-attime", epoch(T1.plusSeconds(3600)), "-crl_check", "-CRLfile", "crl0.pem",
                "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem");
        assertThat(before.exit).as(before.output).isZero();

        Instant revokedAt = T2;
        service.apply(service.revoke(p.participantId(), RevocationReason.KEY_COMPROMISE, bootstrapId(service), revokedAt));
        Files.copy(dir.resolve(CaStore.CRL), work.resolve("crl1.pem"));
        Result after = openssl("verify", "-attime", epoch(revokedAt.plusSeconds(60)), "-crl_check", "-CRLfile",
                "crl1.pem", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem");
        assertThat(after.exit).isNotZero();
        assertThat(after.output).contains("certificate revoked");

        Result text = openssl("crl", "-in", "crl1.pem", "-noout", "-text");
        assertThat(text.exit).as(text.output).isZero();
        assertThat(text.output).contains("X509v3 CRL Number:", "Key Compromise",
                p.serialHex().toUpperCase(Locale.ROOT));
    }

    @Test
    void opensslDecryptsKeysWithThePassphraseOnly() throws Exception {
        Path key = dir.resolve(CaStore.ISSUING_KEY);
        Result ok = openssl("pkey", "-in", key.toString(), "-passin", "pass:" + new String(PkiFixtures.PASSPHRASE),
                "-noout");
        assertThat(ok.exit).as(ok.output).isZero();
        Result wrong = openssl("pkey", "-in", key.toString(), "-passin", "pass:wrong passphrase", "-noout");
        assertThat(wrong.exit).isNotZero();
    }

    @Test
    void opensslMadeEcCsrAndSignatureAreAccepted() throws Exception {
        Result gen = openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ec.key", "-subj", "/CN=openssl client", "-out", "ec.csr");
        assertThat(gen.exit).as(gen.output).isZero();
        X509Certificate cert = registerCsr(Files.readAllBytes(work.resolve("ec.csr")), "OpenSSL EC Ltd");
        Files.writeString(work.resolve("order.bin"), "order seq=7");
        Result sign = openssl("dgst", "-sha256", "-sign", "ec.key", "-out", "order.sig", "order.bin");
        assertThat(sign.exit).as(sign.output).isZero();
        assertThat(SignatureVerifier.verify(cert, Files.readAllBytes(work.resolve("order.bin")),
                Files.readAllBytes(work.resolve("order.sig")))).isTrue();
    }

    @Test
    void opensslMadeEd25519CsrAndSignatureAreAccepted() throws Exception {
        assertThat(openssl("genpkey", "-algorithm", "ed25519", "-out", "ed.key").exit).isZero();
        Result req = openssl("req", "-new", "-key", "ed.key", "-subj", "/CN=ed client", "-outform", "DER",
                "-out", "ed.csr");
        assertThat(req.exit).as(req.output).isZero();
        X509Certificate cert = registerCsr(Files.readAllBytes(work.resolve("ed.csr")), "OpenSSL Ed Ltd");
        Files.writeString(work.resolve("vote.bin"), "commit view=0 seq=12");
        Result sign = openssl("pkeyutl", "-sign", "-inkey", "ed.key", "-rawin", "-in", "vote.bin", "-out", "vote.sig");
        assertThat(sign.exit).as(sign.output).isZero();
        assertThat(SignatureVerifier.verify(cert, Files.readAllBytes(work.resolve("vote.bin")),
                Files.readAllBytes(work.resolve("vote.sig")))).isTrue();
    }

    @Test
    void opensslVerifiesOurSignature() throws Exception {
        KeyPair kp = p256();
        ParticipantRegisteredRecord p = register(service, kp, "Signer Ltd", Role.ENTERPRISE, bootstrapId(service), T1);
        writeLeaf(p);
        byte[] data = "order seq=42 chain=carbonx".getBytes(StandardCharsets.UTF_8);
        Files.write(work.resolve("data.bin"), data);
        Files.write(work.resolve("data.sig"), ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic()).sign(data));
        Files.writeString(work.resolve("pub.pem"), Pem.encode(Pem.PUBLIC_KEY, kp.getPublic().getEncoded()));
        Result r = openssl("dgst", "-sha256", "-verify", "pub.pem", "-signature", "data.sig", "data.bin");
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("Verified OK");
    }

    private X509Certificate registerCsr(byte[] csr, String name) throws Exception {
        RegistrationSubmittedRecord s = service.submitRegistration(csr, name, Role.ENTERPRISE, T1);
        service.apply(s);
        ParticipantRegisteredRecord p = service.approveRegistration(s.participantId(), bootstrapId(service), T1);
        service.apply(p);
        writeLeaf(p);
        Result verify = openssl("verify", "-attime", epoch(T2), "-x509_strict", "-CAfile", "root.pem",
                "-untrusted", "issuing.pem", "leaf.pem");
        assertThat(verify.exit).as(verify.output).isZero();
        return Certificates.fromDer(p.certificateDer());
    }

    private void writeLeaf(ParticipantRegisteredRecord p) throws IOException {
        Files.writeString(work.resolve("leaf.pem"), Pem.encode(Pem.CERTIFICATE, p.certificateDer()));
    }

    private static String epoch(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    private record Result(int exit, String output) {
    }

    private Result openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process process = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + cmd);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean openSslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
