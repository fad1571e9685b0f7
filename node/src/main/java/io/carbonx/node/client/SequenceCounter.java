package io.carbonx.node.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The participant's signed-request sequence number, kept in one file of its profile.
 *
 * <p>Contract: {@link #reserve} returns a number strictly greater than every number it returned before for this
 * file (across threads and processes: it holds a per-JVM monitor and an exclusive lock on {@code <file>.lock} while
 * reading and writing, and the file is replaced atomically), and the number is on disk before it is returned. A request is therefore never
 * signed twice with one number, even if the process dies after signing; numbers lost that way leave gaps, which
 * the exchange accepts (it only requires strictly increasing numbers).
 */
public final class SequenceCounter {

    /** File locks are held per JVM, not per thread: threads of one JVM take this monitor first. */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path file;

    /** @param file the counter file (created on first use) */
    public SequenceCounter(Path file) {
        this.file = file;
    }

    /** The last number reserved, 0 when none. */
    public long last() {
        return withLock(() -> read());
    }

    /**
     * Reserves the next number: {@code last + 1}, or {@code explicit} when given (which must be above the last
     * reserved number unless {@code allowLower}; the counter never goes down).
     *
     * @throws ClientException {@link ClientException.Kind#USAGE} if {@code explicit} is not above the last number
     *                         and lower numbers are not allowed
     */
    public long reserve(Long explicit, boolean allowLower) {
        return withLock(() -> {
            long last = read();
            long next;
            if (explicit == null) {
                next = Math.addExact(last, 1);
            } else {
                if (explicit <= last && !allowLower) {
                    throw ClientException.of(ClientException.Kind.USAGE, "--sequence " + explicit
                            + " is not above the last sequence number used by this profile (" + last + ")");
                }
                next = explicit;
            }
            if (next > last) {
                ProfileStore.write(file, Long.toString(next) + "\n");
            }
            return next;
        });
    }

    private long read() {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        String text = ProfileStore.read(file).strip();
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ClientException.of(ClientException.Kind.PROFILE, file + " does not hold a sequence number ('"
                    + text + "')");
        }
    }

    private interface Locked {
        long run();
    }

    private long withLock(Locked action) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
            return withFileLock(lockFile, action);
        }
    }

    private static long withFileLock(Path lockFile, Locked action) {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = ch.lock();
            try {
                return action.run();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw ClientException.of(ClientException.Kind.PROFILE, "cannot lock " + lockFile + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "SequenceCounter[" + file + "]";
    }
}
