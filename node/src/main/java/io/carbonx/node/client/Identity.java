package io.carbonx.node.client;

import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;

/**
 * A profile opened for use: its key loaded into a signer. {@link #login} authenticates with the node and keeps the
 * profile's certificate current (it is fetched from the node's participant directory after every login: the first
 * one after approval brings the certificate, a re-issued certificate replaces the old one).
 */
public final class Identity {

    private final ProfileStore store;
    private final ParticipantSigner signer;
    private final PublicKey publicKey;
    private Profile profile;

    private Identity(ProfileStore store, Profile profile, ParticipantSigner signer, PublicKey publicKey) {
        this.store = store;
        this.profile = profile;
        this.signer = signer;
        this.publicKey = publicKey;
    }

    /**
     * Opens profile {@code name}.
     *
     * @param passphrase the key's passphrase when it is encrypted, else null
     * @throws ClientException {@link ClientException.Kind#PROFILE} if it is missing or its key unreadable
     */
    public static Identity open(ProfileStore store, String name, char[] passphrase) {
        Profile p = store.load(name);
        PublicKey pub = store.publicKey(p);
        ParticipantSigner signer;
        try {
            signer = ParticipantSigner.forKey(store.privateKey(p, passphrase), pub);
        } catch (IllegalArgumentException e) {
            throw ClientException.of(ClientException.Kind.PROFILE, "the key of profile '" + name + "' cannot sign: "
                    + e.getMessage(), e);
        }
        return new Identity(store, p, signer, pub);
    }

    /** The profile (as updated by the last login). */
    public Profile profile() {
        return profile;
    }

    /** Signs with the profile's key. */
    public ParticipantSigner signer() {
        return signer;
    }

    /**
     * Logs in and refreshes the profile's certificate, serial and role from the node's participant directory.
     *
     * @throws ClientException DENIED when the login is refused; PROFILE when the certificate the node holds is not
     *                         for this profile's key
     */
    public Session login(NodeClient client) {
        Session s = Session.login(client, profile.requireParticipantId(), signer);
        JsonObject p = s.get("/api/v1/participants/" + profile.participantId())
                .requireOk("reading the participant record of " + profile.participantId()).json();
        String serial = p.getString("certificateSerial");
        X509Certificate cert = parse(p.getString("certificatePem"));
        if (!Arrays.equals(cert.getPublicKey().getEncoded(), publicKey.getEncoded())) {
            throw ClientException.of(ClientException.Kind.PROFILE, "the node's certificate of "
                    + profile.participantId() + " is for another key than profile '" + profile.name() + "'");
        }
        boolean changed = serial != null && !serial.equals(profile.certificateSerial())
                || store.certificate(profile).isEmpty() || !s.role().equals(profile.role());
        if (changed) {
            store.saveCertificate(profile, cert);
            profile = profile.withCertificateSerial(serial).withRole(s.role());
            if (profile.url() == null) {
                profile = profile.withUrl(client.baseUrl());
            }
            store.save(profile);
        }
        return s;
    }

    /** The serial of the current certificate (known after {@link #login}). */
    public String certificateSerial() {
        if (profile.certificateSerial() == null) {
            throw ClientException.of(ClientException.Kind.PROFILE, "profile '" + profile.name()
                    + "' has no certificate yet (log in after the registration was approved)");
        }
        return profile.certificateSerial();
    }

    /** The profile's sequence counter. */
    public SequenceCounter sequence() {
        return store.sequence(profile);
    }

    private static X509Certificate parse(String pem) {
        try {
            return Certificates.fromDer(Pem.decodeSingle(pem, Set.of(Pem.CERTIFICATE)));
        } catch (IOException | CertificateException | RuntimeException e) {
            throw ClientException.of(ClientException.Kind.FAILURE, "the node's participant record holds no readable"
                    + " certificate: " + e.getMessage(), e);
        }
    }
}
