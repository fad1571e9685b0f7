package io.carbonx.chain.runtime;

import io.carbonx.chain.core.pbft.PbftConfig;
import io.carbonx.chain.core.pbft.ValidatorSet;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.crypto.Ed25519Signer;
import io.carbonx.chain.crypto.Ed25519Verifier;
import io.carbonx.chain.feed.MemoryEventFeed;
import io.carbonx.chain.feed.MemoryLog;
import io.carbonx.chain.testing.CommitRecorder;
import io.carbonx.chain.transport.InMemoryBus;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * n validator drivers in one JVM on an in-memory bus, each with its own feed of one {@link MemoryLog} and its
 * own directory, Ed25519 keys without certificates (the runtime does not need them). Records every message
 * any validator sends.
 */
final class DriverCluster implements AutoCloseable {

    static final String CHAIN = "driver-test";

    final int n;
    final Path dir;
    final PbftConfig config;
    final MemoryLog log = new MemoryLog();
    final InMemoryBus bus;
    final CommitRecorder recorder = new CommitRecorder();
    final DriverSettings settings;
    private final List<Ed25519Signer> keys = new ArrayList<>();
    private final Map<Integer, ValidatorDriver> drivers = new TreeMap<>();
    private final List<SignedMessage<?>> sent = Collections.synchronizedList(new ArrayList<>());
    private final Set<SignedMessage<?>> seen = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    DriverCluster(Path dir, int n, long seed, DriverSettings settings, long viewTimeoutMs) {
        this.n = n;
        this.dir = dir;
        this.settings = settings;
        SecureRandom random = new SecureRandom();
        random.setSeed(seed);
        List<byte[]> publicKeys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ed25519Signer s = Ed25519Signer.generate(random);
            keys.add(s);
            publicKeys.add(s.publicKey());
        }
        this.config = new PbftConfig(CHAIN, new ValidatorSet(publicKeys), 4, 16, viewTimeoutMs, 8_000, 100, 250, 64);
        this.bus = new InMemoryBus(n);
        bus.filter((from, to, m) -> {
            if (seen.add(m)) {
                sent.add(m);
            }
            return true;
        });
    }

    synchronized ValidatorDriver start(int id) throws IOException {
        ValidatorDriver d = new ValidatorDriver(id, config, keys.get(id), new Ed25519Verifier(),
                dir.resolve("v" + id), settings, recorder, System::currentTimeMillis);
        d.start(handler -> bus.attach(id, handler), new MemoryEventFeed(log, "feed-" + id, 1000));
        drivers.put(id, d);
        return d;
    }

    synchronized void startAll() throws IOException {
        for (int i = 0; i < n; i++) {
            start(i);
        }
    }

    synchronized ValidatorDriver driver(int id) {
        return drivers.get(id);
    }

    synchronized void stop(int id) {
        ValidatorDriver d = drivers.remove(id);
        if (d != null) {
            d.close();
        }
    }

    synchronized List<ValidatorStatus> statuses() {
        List<ValidatorStatus> out = new ArrayList<>();
        drivers.values().forEach(d -> out.add(d.status()));
        return out;
    }

    /** Every message any validator sent, in sending order. */
    List<SignedMessage<?>> sent() {
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    @Override
    public synchronized void close() {
        drivers.values().forEach(ValidatorDriver::close);
        drivers.clear();
    }
}
