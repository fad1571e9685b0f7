package io.carbonx.chain.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of framed records: per record a 4-byte big-endian length, a 4-byte CRC32C of the
 * payload, then the payload. Appends are buffered by the OS until {@link #sync} ({@code force(true)}).
 *
 * <p>Opening scans the file. A torn tail (a last record whose frame or checksum is incomplete, as a crash
 * during an unsynced append leaves it) is cut off: it was never synced, so nothing acted on it. A bad
 * record followed by a valid one is corruption and fails the open. Not thread-safe: one owner.
 */
public final class RecordFile implements AutoCloseable {

    /** Largest record accepted. */
    public static final int MAX_RECORD = 64 << 20;
    private static final int FRAME = 8;

    private final Path path;
    private FileChannel channel;
    private long size;
    private boolean dirty;

    /** Result of scanning: the records and where each starts. */
    private record Scan(List<byte[]> records, List<Long> positions, long validLength) {
    }

    private final List<Long> positions;
    private final List<byte[]> initial;

    private RecordFile(Path path, FileChannel channel, Scan scan) {
        this.path = path;
        this.channel = channel;
        this.size = scan.validLength();
        this.positions = new ArrayList<>(scan.positions());
        this.initial = scan.records();
    }

    /**
     * Opens (creating if absent) the file at {@code path}, cutting off a torn tail.
     *
     * @throws IOException if the file cannot be read or a record in the middle is corrupt
     */
    public static RecordFile open(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Scan scan = scan(ch, path);
            if (scan.validLength() < ch.size()) {
                ch.truncate(scan.validLength());
                ch.force(true);
            }
            ch.position(scan.validLength());
            return new RecordFile(path, ch, scan);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static Scan scan(FileChannel ch, Path path) throws IOException {
        long length = ch.size();
        List<byte[]> records = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        long pos = 0;
        ByteBuffer frame = ByteBuffer.allocate(FRAME);
        while (pos + FRAME <= length) {
            frame.clear();
            readFully(ch, frame, pos);
            frame.flip();
            int len = frame.getInt();
            int crc = frame.getInt();
            if (len < 0 || len > MAX_RECORD || pos + FRAME + len > length) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(len);
            readFully(ch, payload, pos + FRAME);
            if (crc32c(payload.array()) != crc) {
                if (pos + FRAME + len < length) {
                    throw new IOException(path + ": corrupt record at byte " + pos + " followed by more data");
                }
                break;
            }
            records.add(payload.array());
            positions.add(pos);
            pos += FRAME + len;
        }
        return new Scan(records, positions, pos);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        long p = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            p += n;
        }
    }

    private static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** The records found when the file was opened (or last rewritten), in order. */
    public List<byte[]> initialRecords() {
        return initial;
    }

    /** Number of records in the file. */
    public int count() {
        return positions.size();
    }

    /** File position of record {@code index} (for indexes kept elsewhere). */
    public long positionOf(int index) {
        return positions.get(index);
    }

    /** Reads record {@code index}. */
    public byte[] read(int index) throws IOException {
        long pos = positions.get(index);
        ByteBuffer frame = ByteBuffer.allocate(FRAME);
        readFully(channel, frame, pos);
        frame.flip();
        ByteBuffer payload = ByteBuffer.allocate(frame.getInt());
        readFully(channel, payload, pos + FRAME);
        return payload.array();
    }

    /** Appends one record (not yet durable: call {@link #sync}). */
    public void append(byte[] payload) throws IOException {
        if (payload.length > MAX_RECORD) {
            throw new IOException("record of " + payload.length + " bytes exceeds " + MAX_RECORD);
        }
        ByteBuffer buf = ByteBuffer.allocate(FRAME + payload.length);
        buf.putInt(payload.length).putInt(crc32c(payload)).put(payload).flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        positions.add(size);
        size += FRAME + payload.length;
        dirty = true;
    }

    /** Makes every append durable ({@code FileChannel.force(true)}); no-op if nothing was appended since. */
    public void sync() throws IOException {
        if (dirty) {
            channel.force(true);
            dirty = false;
        }
    }

    /**
     * Atomically replaces the whole file with {@code records}: writes a temporary file, syncs it, renames it
     * over this one and syncs the directory. Afterwards the file holds exactly {@code records}.
     */
    public void rewrite(List<byte[]> records) throws IOException {
        sync();
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (RecordFile fresh = open(tmp)) {
            for (byte[] r : records) {
                fresh.append(r);
            }
            fresh.sync();
        }
        channel.close();
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(path.toAbsolutePath().getParent());
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Scan scan = scan(channel, path);
        channel.position(scan.validLength());
        size = scan.validLength();
        positions.clear();
        positions.addAll(scan.positions());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot open directories; the rename is still atomic there.
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
