package io.carbonx.chain.transport;

import io.carbonx.chain.identity.RosterException;
import io.carbonx.chain.identity.ValidatorIdentity;
import io.carbonx.chain.identity.ValidatorRoster;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * TLS 1.3 between validators, mutually authenticated with the validators' registry-issued certificates.
 * The key manager presents this validator's certificate chain; the trust manager accepts a peer only if
 * its certificate is one of the roster's (DER-equal) and still passes the registry's
 * {@code CertificateValidator} at handshake time (path to the consortium root, validity, revocation,
 * validator role). Any other certificate, even one the same CA issued to an enterprise, fails the
 * handshake. Hostname verification is not used: identity is the certificate itself.
 */
public final class ValidatorTls {

    /** The only protocol enabled. */
    public static final String PROTOCOL = "TLSv1.3";

    private final ValidatorRoster roster;
    private final SSLContext context;

    private ValidatorTls(ValidatorRoster roster, SSLContext context) {
        this.roster = roster;
        this.context = context;
    }

    /**
     * The TLS context of validator {@code self}; {@code clock} gives the time certificates are checked at.
     *
     * @throws IllegalStateException if the JDK cannot build the context from the key
     */
    public static ValidatorTls create(ValidatorIdentity self, ValidatorRoster roster, Supplier<Instant> clock) {
        try {
            char[] password = "in-memory".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("validator", jdkKey(self.privateKey()), password,
                    self.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new RosterTrustManager(roster, clock)},
                    new SecureRandom());
            return new ValidatorTls(roster, ctx);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context of validator " + self.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The key as the JDK's own provider (which JSSE signs with) reads it: PKCS#8 v1, no public key. */
    static PrivateKey jdkKey(PrivateKey key) throws GeneralSecurityException, IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        PrivateKeyInfo v1 = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey());
        String algorithm = key.getAlgorithm().startsWith("Ed") ? "Ed25519" : key.getAlgorithm();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(v1.getEncoded()));
    }

    /** The SSL context. */
    public SSLContext context() {
        return context;
    }

    /** The validator at the other end of an established session. */
    public int peerOf(SSLSession session) throws SSLPeerUnverifiedException {
        java.security.cert.Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
            throw new SSLPeerUnverifiedException("no peer certificate");
        }
        return roster.idOf(cert).orElseThrow(() -> new SSLPeerUnverifiedException("peer is not a validator"));
    }

    /** Accepts exactly the roster's certificates, re-validated at handshake time. */
    private static final class RosterTrustManager extends X509ExtendedTrustManager {
        private final ValidatorRoster roster;
        private final Supplier<Instant> clock;

        RosterTrustManager(ValidatorRoster roster, Supplier<Instant> clock) {
            this.roster = roster;
            this.clock = clock;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented");
            }
            try {
                roster.authenticate(chain[0], clock.get());
            } catch (RosterException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> cas = roster.certificateValidator().issuingCertificates();
            return cas.toArray(new X509Certificate[0]);
        }
    }
}
