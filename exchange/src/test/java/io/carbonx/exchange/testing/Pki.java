package io.carbonx.exchange.testing;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.Role;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.registry.identity.CertificateRevokedRecord;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityRecord;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.RevocationReason;
import io.carbonx.registry.journal.IdentityRecordCodec;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.apache.avro.specific.SpecificRecord;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A real consortium CA ({@link IdentityService}) for tests, and a {@link ParticipantDirectory} fed with the identity
 * events it produces, exactly as the registry publishes them on {@code carbonx.identity}.
 */
public final class Pki {

    /** A registered participant with its signing key. */
    public record Member(String participantId, String serial, Role role, ParticipantSigner signer) {
    }

    private static final AtomicLong EVENTS = new AtomicLong();

    private final IdentityService ca;
    private final ParticipantDirectory directory;
    private final List<SpecificRecord> published = new java.util.ArrayList<>();

    public Pki(Path dir, Instant createdAt) {
        try {
            ca = IdentityService.open(dir, "test passphrase".toCharArray(),
                    IdentityConfig.defaults().withPbkdf2Iterations(1000), createdAt);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        directory = ParticipantDirectory.trusting(ca.rootCertificate(), List.of(ca.issuingCertificate()));
        publish(ca.bootstrapRegistration());
    }

    public ParticipantDirectory directory() {
        return directory;
    }

    /** The identity events published so far (to write on a test's identity topic). */
    public List<SpecificRecord> published() {
        return List.copyOf(published);
    }

    /** Registers a participant with a fresh P-256 key. */
    public Member register(String legalName, Role role, Instant at) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            ContentSigner csrSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=ignored"), kp.getPublic())
                    .build(csrSigner).getEncoded();
            RegistrationSubmittedRecord submitted = ca.submitRegistration(csr, legalName, role, at);
            ca.apply(submitted);
            ParticipantRegisteredRecord registered = ca.approveRegistration(submitted.participantId(),
                    ca.bootstrapRegistration().participantId(), at);
            ca.apply(registered);
            publish(registered);
            return new Member(registered.participantId(), registered.serialHex(), role,
                    ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes a participant's certificate. */
    public void revoke(String participantId, Instant at) {
        try {
            CertificateRevokedRecord revoked = ca.revoke(participantId, RevocationReason.KEY_COMPROMISE,
                    ca.bootstrapRegistration().participantId(), at);
            ca.apply(revoked);
            publish(revoked);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(IdentityRecord record) {
        EventEnvelope envelope = EventEnvelope.newBuilder().setEventId("identity-" + EVENTS.incrementAndGet())
                .setType(IdentityRecordCodec.typeOf(record)).setCauseId(null)
                .setLogicalTime(IdentityRecordCodec.timeOf(record)).setActor("carbonx-ca").build();
        SpecificRecord event = IdentityRecordCodec.encode(record, envelope);
        directory.apply(event);
        published.add(event);
    }
}
