package io.carbonx.chain.transport;

import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process transport of the embedded node: validators in one JVM exchange (immutable) signed
 * messages without encoding. A send hands the message to the receiver's {@link InboundHandler}, which
 * only enqueues it in the receiver driver's bounded inbox (full: dropped), so delivery is asynchronous
 * and never recursive. A validator whose endpoint is closed (stopped driver) receives nothing.
 *
 * <p>An optional {@link LinkFilter} sees every (sender, recipient, message) and may drop it: tests use it to
 * record every vote a validator sends and to cut links. Thread-safe.
 */
public final class InMemoryBus {

    /** Decides whether one message passes one link. */
    @FunctionalInterface
    public interface LinkFilter {
        /** True to deliver {@code message} from {@code from} to {@code to}. */
        boolean pass(int from, int to, SignedMessage<?> message);
    }

    private final int size;
    private final ConcurrentHashMap<Integer, InboundHandler> endpoints = new ConcurrentHashMap<>();
    private volatile LinkFilter filter = (from, to, m) -> true;

    /** A bus for validators {@code 0..size-1}. */
    public InMemoryBus(int size) {
        this.size = size;
    }

    /** Installs a filter called for every message on every link; false drops it. */
    public void filter(LinkFilter f) {
        this.filter = f;
    }

    /**
     * Attaches validator {@code id}; messages to it go to {@code handler}.
     *
     * @throws IllegalStateException if {@code id} is attached already
     */
    public PeerTransport attach(int id, InboundHandler handler) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("no validator " + id);
        }
        if (endpoints.putIfAbsent(id, handler) != null) {
            throw new IllegalStateException("validator " + id + " is attached already");
        }
        return new Endpoint(id, handler);
    }

    private final class Endpoint implements PeerTransport {
        private final int id;
        private final InboundHandler handler;
        private volatile boolean open = true;

        Endpoint(int id, InboundHandler handler) {
            this.id = id;
            this.handler = handler;
        }

        @Override
        public void send(int to, SignedMessage<?> message) {
            if (!open || to == id || !filter.pass(id, to, message)) {
                return;
            }
            InboundHandler h = endpoints.get(to);
            if (h != null) {
                h.onMessage(message);
            }
        }

        @Override
        public void broadcast(SignedMessage<?> message) {
            if (!open) {
                return;
            }
            LinkFilter f = filter;
            for (int to = 0; to < size; to++) {
                InboundHandler h = to == id ? null : endpoints.get(to);
                if (h != null && f.pass(id, to, message)) {
                    h.onMessage(message);
                }
            }
        }

        @Override
        public Set<Integer> connectedPeers() {
            Set<Integer> out = new TreeSet<>(endpoints.keySet());
            out.remove(id);
            return open ? out : Set.of();
        }

        @Override
        public void close() {
            open = false;
            endpoints.remove(id, handler);
        }
    }
}
