package io.carbonx.registry.directory;

import io.carbonx.events.EventEnvelope;
import io.carbonx.registry.identity.IdentityRecord;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.journal.IdentityRecordCodec;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import javax.security.auth.x500.X500Principal;
import org.apache.avro.specific.SpecificRecord;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** What the directory tests feed it: identity records as the events the registry publishes, and fresh CSRs. */
final class IdentityEvents {

    private IdentityEvents() {
    }

    /** The event of the identity topic that carries {@code r}. */
    static SpecificRecord event(IdentityRecord r) {
        EventEnvelope e = EventEnvelope.newBuilder().setEventId("e-" + r.participantId() + r.hashCode())
                .setType(IdentityRecordCodec.typeOf(r)).setCauseId(null)
                .setLogicalTime(IdentityRecordCodec.timeOf(r)).setActor("test").build();
        return IdentityRecordCodec.encode(r, e);
    }

    /** A PKCS#10 request for a new P-256 key. */
    static byte[] csr() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=x"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BcProvider.get())
                        .build(kp.getPrivate())).getEncoded();
    }
}
