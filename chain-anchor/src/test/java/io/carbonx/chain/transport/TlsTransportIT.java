package io.carbonx.chain.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.Status;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.identity.ValidatorIdentity;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.Certificates;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS 1.3 between validators on loopback: messages flow; anyone else is refused at the handshake. */
class TlsTransportIT {

    private static final char[] PASS = ChainTestSupport.PASSPHRASE.toCharArray();

    @TempDir
    Path dir;
    private final Instant now = Instant.now();
    private final List<TlsTransport> transports = new ArrayList<>();
    private final Map<Integer, ConcurrentLinkedQueue<SignedMessage<?>>> received = new TreeMap<>();
    private ValidatorRoster roster;
    private ValidatorEnrolment.Settings settings;

    @BeforeEach
    void enrol() throws Exception {
        settings = new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("validators")),
                ValidatorRoster.DEFAULT_ROLES, "tls-chain", dir.resolve("ca"), PASS,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000,
                io.carbonx.registry.identity.pki.KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(settings, Set.of(0, 1, 2, 3), now);
        roster = ValidatorEnrolment.roster(settings.files(), ValidatorRoster.DEFAULT_ROLES, settings.caDir(), now);
    }

    @AfterEach
    void close() {
        transports.forEach(TlsTransport::close);
    }

    private void startAll() throws Exception {
        Map<Integer, InetSocketAddress> addresses = new TreeMap<>();
        List<TlsTransport> started = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            addresses.put(id, new InetSocketAddress("127.0.0.1", freePort()));
        }
        for (int id = 0; id < 4; id++) {
            ValidatorIdentity me = ValidatorEnrolment.load(settings.files(), id, PASS);
            ConcurrentLinkedQueue<SignedMessage<?>> inbox = new ConcurrentLinkedQueue<>();
            received.put(id, inbox);
            started.add(TlsTransport.start(id, ValidatorTls.create(me, roster, Instant::now), addresses.get(id),
                    addresses, inbox::add, TlsTransport.Settings.defaults()));
        }
        transports.addAll(started);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void validatorsConnectMutuallyAndEveryBroadcastArrivesAtEveryOtherValidator() throws Exception {
        startAll();
        Await.until("all links up", 30_000, () -> transports.stream().allMatch(t -> t.connectedPeers().size() == 3),
                () -> transports.stream().map(TlsTransport::connectedPeers).toList());

        for (int id = 0; id < 4; id++) {
            ValidatorIdentity me = ValidatorEnrolment.load(settings.files(), id, PASS);
            transports.get(id).broadcast(SignedMessage.sign("tls-chain", new Status(0, id, 0), id, me.signer()));
        }

        Await.until("3 messages each", 30_000, () -> received.values().stream().allMatch(q -> q.size() == 3),
                () -> received);
        for (int id = 0; id < 4; id++) {
            int self = id;
            assertThat(received.get(id)).extracting(SignedMessage::author).doesNotContain(self)
                    .containsExactlyInAnyOrderElementsOf(List.of(0, 1, 2, 3).stream().filter(a -> a != self).toList());
        }
        assertThat(transports).allSatisfy(t -> assertThat(t.refusedHandshakes()).isZero());
    }

    @Test
    void aClientWithAnEnterpriseCertificateFromTheSameCaIsRefused() throws Exception {
        startAll();
        InetSocketAddress target = transports.get(0).localAddress();
        SSLContext intruder = enterpriseContext();

        assertThatThrownBy(() -> {
            try (SSLSocket s = (SSLSocket) intruder.getSocketFactory().createSocket()) {
                s.connect(target, 5_000);
                s.setSoTimeout(5_000);
                s.setEnabledProtocols(new String[] {ValidatorTls.PROTOCOL});
                s.startHandshake();
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(3);
                out.write(new byte[] {1, 2, 3});
                out.flush();
                if (s.getInputStream().read() < 0) {
                    throw new IOException("closed by the validator");
                }
            }
        }).isInstanceOf(IOException.class);
        Await.until("refusal counted", 10_000, () -> transports.get(0).refusedHandshakes() == 1,
                () -> transports.get(0).refusedHandshakes());
        assertThat(received.get(0)).isEmpty();
    }

    @Test
    void aPlainTcpClientIsRefused() throws Exception {
        startAll();
        InetSocketAddress target = transports.get(1).localAddress();
        try (Socket s = new Socket()) {
            s.connect(target, 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(new byte[] {0, 0, 0, 4, 1, 2, 3, 4});
            s.getOutputStream().flush();
            int r;
            try {
                r = s.getInputStream().read();
                while (r >= 0) {
                    r = s.getInputStream().read();
                }
            } catch (IOException expected) {
                r = -1;
            }
            assertThat(r).isEqualTo(-1);
        }
        Await.until("refusal counted", 10_000, () -> transports.get(1).refusedHandshakes() == 1,
                () -> transports.get(1).refusedHandshakes());
        assertThat(received.get(1)).isEmpty();
    }

    /** A TLS client holding a valid ENTERPRISE certificate of the consortium CA, trusting any server. */
    private SSLContext enterpriseContext() throws Exception {
        IdentityService ca = IdentityService.open(settings.caDir(), PASS,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), now);
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519", BcProvider.get()).generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=acme"), keys.getPublic())
                .build(new JcaContentSignerBuilder("Ed25519").setProvider(BcProvider.get()).build(keys.getPrivate()))
                .getEncoded();
        RegistrationSubmittedRecord sub = ca.submitRegistration(csr, "Acme Steel", Role.ENTERPRISE, now);
        ca.apply(sub);
        ParticipantRegisteredRecord reg = ca.approveRegistration(sub.participantId(),
                ca.bootstrapRegistration().participantId(), now);
        X509Certificate cert = Certificates.fromDer(reg.certificateDer());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("acme", ValidatorTls.jdkKey(keys.getPrivate()), PASS,
                new X509Certificate[] {cert, ca.issuingCertificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, PASS);
        SSLContext ctx = SSLContext.getInstance(ValidatorTls.PROTOCOL);
        ctx.init(kmf.getKeyManagers(), new TrustManager[] {new TrustAll()}, null);
        return ctx;
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
