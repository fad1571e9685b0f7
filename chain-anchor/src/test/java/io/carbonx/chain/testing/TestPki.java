package io.carbonx.chain.testing;

import io.carbonx.chain.timestamp.TimestampAuthority;
import io.carbonx.chain.timestamp.TsaPolicy;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateRevokedRecord;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.RevocationReason;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A real consortium PKI for tests: the registry's {@link IdentityService} (root + issuing CA on disk, P-256),
 * participants registered through CSRs and a regulator's approval, a court-run TSA with the time-stamping profile,
 * revocations with real CRLs. Fixed times; keys from a seeded {@link SecureRandom} only where the JCA allows.
 */
public final class TestPki {

    /** CA creation time. */
    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** Registration time of the standing participants. */
    public static final Instant T1 = T0.plus(Duration.ofDays(1));
    /** Inside every standing participant's validity: trading happens from here. */
    public static final Instant T2 = T1.plus(Duration.ofDays(10));

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private final Path dir;
    private final IdentityService service;
    private final String regulatorId;

    /** A participant with its certificate and signing key. */
    public record Participant(String id, String legalName, Role role, X509Certificate certificate, KeyPair keys,
                              ParticipantSigner signer) {
    }

    private TestPki(Path dir, IdentityService service) {
        this.dir = dir;
        this.service = service;
        this.regulatorId = service.bootstrapRegistration().participantId();
    }

    /** Creates a CA in {@code dir}, with participant certificates valid for {@code validity}. */
    public static TestPki create(Path dir, Duration validity) {
        try {
            IdentityConfig config = IdentityConfig.defaults().withPbkdf2Iterations(1000).withParticipantValidity(validity);
            return new TestPki(dir, IdentityService.open(dir, PASSPHRASE, config, T0, new SecureRandom()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the CA in {@code dir} again with another participant validity (same root, same issuing CA). */
    public TestPki reopen(Duration validity) {
        try {
            IdentityConfig config = IdentityConfig.defaults().withPbkdf2Iterations(1000).withParticipantValidity(validity);
            return new TestPki(dir, IdentityService.open(dir, PASSPHRASE, config, T0, new SecureRandom()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root certificate. */
    public X509Certificate root() {
        return service.rootCertificate();
    }

    /** The issuing CA certificate. */
    public X509Certificate issuing() {
        return service.issuingCertificate();
    }

    /** A certificate validator as any service builds it (root, issuing CA, current CRL). */
    public CertificateValidator validator() {
        CertificateValidator v = CertificateValidator.create(root(), List.of(issuing()));
        v.updateCrl(crlDer());
        return v;
    }

    /** The newest CRL the CA wrote. */
    public X509CRL crl() {
        try {
            String pem = Files.readString(dir.resolve(CaStore.CRL), StandardCharsets.US_ASCII);
            return Certificates.crlFromDer(Pem.decodeSingle(pem, Set.of(Pem.X509_CRL)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** DER of {@link #crl()}. */
    public byte[] crlDer() {
        try {
            return crl().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a participant with an Ed25519 ({@code ed25519 = true}) or P-256 key at {@code at}. */
    public Participant register(String legalName, Role role, boolean ed25519, Instant at) {
        try {
            KeyPair keys = ed25519 ? generate("Ed25519", null) : generate("EC", "secp256r1");
            RegistrationSubmittedRecord submitted = service.submitRegistration(csr(keys), legalName, role, at);
            service.apply(submitted);
            ParticipantRegisteredRecord registered = service.approveRegistration(submitted.participantId(), regulatorId, at);
            service.apply(registered);
            X509Certificate cert = Certificates.fromDer(registered.certificateDer());
            return new Participant(registered.participantId(), legalName, role, cert, keys,
                    ParticipantSigner.forKey(keys.getPrivate(), keys.getPublic()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes {@code p}'s certificate at {@code at} (a new CRL is written). */
    public void revoke(Participant p, Instant at) {
        try {
            CertificateRevokedRecord r = service.revoke(p.id(), RevocationReason.KEY_COMPROMISE, regulatorId, at);
            service.apply(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TSA run by {@code operator} (a COURT, ARBITRATOR or REGULATOR) with a fresh P-256 key. */
    public TimestampAuthority timestampAuthority(Participant operator, Instant at, SecureRandom random) {
        try {
            KeyPair keys = generate("EC", "secp256r1");
            X509Certificate cert = service.issueTimestampingCertificate(operator.id(), csr(keys), regulatorId, at);
            return new TimestampAuthority(keys.getPrivate(), cert, TsaPolicy.consortiumDefault(), operator.id(), random);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, BcProvider.get());
        if (curve != null) {
            g.initialize(new ECGenParameterSpec(curve));
        }
        return g.generateKeyPair();
    }

    private static byte[] csr(KeyPair kp) throws Exception {
        String alg = kp.getPublic().getAlgorithm().startsWith("Ed") ? "Ed25519" : "SHA256withECDSA";
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=ignored"), kp.getPublic())
                .build(new JcaContentSignerBuilder(alg).setProvider(BcProvider.get()).build(kp.getPrivate()))
                .getEncoded();
    }
}
