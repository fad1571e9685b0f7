package io.carbonx.chain.transport;

import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validators in separate processes: TCP with TLS 1.3 and mutual authentication ({@link ValidatorTls}),
 * plain JDK sockets, length-prefixed frames of encoded {@link SignedMessage}s.
 *
 * <p>Each validator listens on one address and keeps one outbound connection per peer, over which it only
 * sends (so for n validators there are n·(n−1) connections, each one-directional). An outbound connection
 * is accepted only if the server's certificate is the expected peer's; an inbound one only if the client's
 * certificate is a validator's (the handshake refuses anything else). Lost connections are re-established
 * with exponential backoff ({@code minBackoffMs} doubling to {@code maxBackoffMs}). Each outbound link has a
 * bounded queue ({@code queueCapacity} frames); when it is full the oldest frame is dropped, which PBFT
 * tolerates by retransmitting. Blocking I/O on dedicated threads; no busy spinning.
 */
public final class TlsTransport implements PeerTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TlsTransport.class);
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    /**
     * Tunables.
     *
     * @param queueCapacity frames queued per peer
     * @param minBackoffMs first reconnect delay
     * @param maxBackoffMs largest reconnect delay
     */
    public record Settings(int queueCapacity, long minBackoffMs, long maxBackoffMs) {
        /** Defaults: 8192 frames, 50 ms doubling to 2 s. */
        public static Settings defaults() {
            return new Settings(8192, 50, 2_000);
        }
    }

    private final int me;
    private final ValidatorTls tls;
    private final InboundHandler handler;
    private final Settings settings;
    private final SSLServerSocket server;
    private final Map<Integer, Outbound> outbound = new TreeMap<>();
    private final Set<SSLSocket> inbound = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong refusedHandshakes = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private volatile boolean open = true;

    private TlsTransport(int me, ValidatorTls tls, InboundHandler handler, Settings settings, SSLServerSocket server) {
        this.me = me;
        this.tls = tls;
        this.handler = handler;
        this.settings = settings;
        this.server = server;
    }

    /**
     * Listens on {@code listen} and connects to every peer in {@code peers} (validator id → address).
     *
     * @throws IOException if the server socket cannot be bound
     */
    public static TlsTransport start(int me, ValidatorTls tls, InetSocketAddress listen,
                                     Map<Integer, InetSocketAddress> peers, InboundHandler handler, Settings settings)
            throws IOException {
        SSLServerSocket server = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(listen);
        server.setEnabledProtocols(new String[] {ValidatorTls.PROTOCOL});
        server.setNeedClientAuth(true);
        TlsTransport t = new TlsTransport(me, tls, handler, settings, server);
        t.spawn("validator-" + me + "-accept", t::acceptLoop);
        for (Map.Entry<Integer, InetSocketAddress> p : new TreeMap<>(peers).entrySet()) {
            if (p.getKey() != me) {
                Outbound o = t.new Outbound(p.getKey(), p.getValue());
                t.outbound.put(p.getKey(), o);
                t.spawn("validator-" + me + "-to-" + p.getKey(), o::run);
            }
        }
        return t;
    }

    /** The bound listen address (useful with port 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Handshakes refused so far (peer not a validator, or the wrong validator). */
    public long refusedHandshakes() {
        return refusedHandshakes.get();
    }

    /** Frames received that did not decode (dropped). */
    public long undecodableFrames() {
        return undecodable.get();
    }

    private synchronized void spawn(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (open) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                spawn("validator-" + me + "-from-" + s.getRemoteSocketAddress(), () -> serve(s));
            } catch (IOException e) {
                if (open) {
                    LOG.warn("validator {}: accept failed: {}", me, e.toString());
                }
            }
        }
    }

    private void serve(SSLSocket s) {
        inbound.add(s);
        try (s) {
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            int peer;
            try {
                s.startHandshake();
                peer = tls.peerOf(s.getSession());
            } catch (IOException e) {
                refusedHandshakes.incrementAndGet();
                LOG.info("validator {}: refused inbound connection from {}: {}", me, s.getRemoteSocketAddress(),
                        e.getMessage());
                return;
            }
            s.setSoTimeout(0);
            LOG.debug("validator {}: inbound link from validator {}", me, peer);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 64 << 10));
            while (open) {
                byte[] frame = Frames.read(in);
                SignedMessage<?> m;
                try {
                    m = SignedMessage.decode(frame);
                } catch (DecodeException e) {
                    undecodable.incrementAndGet();
                    continue;
                }
                handler.onMessage(m);
            }
        } catch (IOException e) {
            LOG.debug("validator {}: inbound link closed: {}", me, e.toString());
        } finally {
            inbound.remove(s);
        }
    }

    @Override
    public void send(int to, SignedMessage<?> message) {
        Outbound o = outbound.get(to);
        if (o != null && open) {
            o.enqueue(message.encode());
        }
    }

    @Override
    public void broadcast(SignedMessage<?> message) {
        if (!open || outbound.isEmpty()) {
            return;
        }
        byte[] frame = message.encode();
        for (Outbound o : outbound.values()) {
            o.enqueue(frame);
        }
    }

    @Override
    public Set<Integer> connectedPeers() {
        Set<Integer> out = new TreeSet<>();
        for (Outbound o : outbound.values()) {
            if (o.connected) {
                out.add(o.peer);
            }
        }
        return out;
    }

    @Override
    public void close() {
        List<Thread> all;
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            all = new ArrayList<>(threads);
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing server socket: {}", e.toString());
        }
        for (SSLSocket s : inbound) {
            closeQuietly(s);
        }
        for (Outbound o : outbound.values()) {
            o.shutdown();
        }
        for (Thread t : all) {
            t.interrupt();
        }
        for (Thread t : all) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(SSLSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.trace("close: {}", e.toString());
        }
    }

    /** One sending link to a peer: a bounded queue and a thread that (re)connects and writes. */
    private final class Outbound {
        private final int peer;
        private final InetSocketAddress address;
        private final ArrayBlockingQueue<byte[]> queue;
        private volatile boolean connected;
        private volatile SSLSocket socket;

        Outbound(int peer, InetSocketAddress address) {
            this.peer = peer;
            this.address = address;
            this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        }

        void enqueue(byte[] frame) {
            while (!queue.offer(frame)) {
                queue.poll();
            }
        }

        void run() {
            long backoff = settings.minBackoffMs();
            while (open) {
                try {
                    SSLSocket s = connect();
                    backoff = settings.minBackoffMs();
                    connected = true;
                    write(s);
                } catch (IOException e) {
                    LOG.debug("validator {}: link to {} at {} down: {}", me, peer, address, e.toString());
                } catch (InterruptedException e) {
                    return;
                } finally {
                    connected = false;
                    SSLSocket s = socket;
                    if (s != null) {
                        closeQuietly(s);
                    }
                }
                if (!open) {
                    return;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(backoff * 2, settings.maxBackoffMs());
            }
        }

        private SSLSocket connect() throws IOException {
            SSLSocket s = (SSLSocket) tls.context().getSocketFactory().createSocket();
            socket = s;
            s.connect(address, HANDSHAKE_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            s.setEnabledProtocols(new String[] {ValidatorTls.PROTOCOL});
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            s.startHandshake();
            int id = tls.peerOf(s.getSession());
            if (id != peer) {
                refusedHandshakes.incrementAndGet();
                throw new SocketException("expected validator " + peer + " at " + address + ", found " + id);
            }
            s.setSoTimeout(0);
            return s;
        }

        private void write(SSLSocket s) throws IOException, InterruptedException {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 << 10));
            while (open) {
                byte[] frame = queue.poll(1, TimeUnit.SECONDS);
                if (frame == null) {
                    continue;
                }
                Frames.write(out, frame);
                while ((frame = queue.poll()) != null) {
                    Frames.write(out, frame);
                }
                out.flush();
            }
        }

        void shutdown() {
            SSLSocket s = socket;
            if (s != null) {
                closeQuietly(s);
            }
        }
    }
}
