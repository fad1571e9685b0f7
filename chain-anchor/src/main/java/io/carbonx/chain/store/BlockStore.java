package io.carbonx.chain.store;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A validator's own block store: {@code blocks.dat}, an append-only {@link RecordFile} of committed
 * blocks (header canonical bytes and commit certificate, {@link CommittedBlock#encode}), consecutive from
 * height 1, and {@code blocks.idx}, 8 bytes per height holding the block's file position, so block
 * {@code h} is one seek away.
 *
 * <p>Opening checks that the blocks decode and chain (each extends the previous head); a block that does
 * not is dropped with everything after it (the validator then catches up from its peers or the blocks
 * topic, verifying certificates). The index is rebuilt from the data file when it disagrees.
 *
 * <p><b>Durability.</b> {@link #sync} forces the data file only: it alone is the record of what was committed.
 * The index is derived from it, written with every append but never forced per block; {@link #open} checks every
 * entry against the data file and rewrites the index (then forces it) when any is missing or wrong, so an index
 * the OS had not written out before a crash costs a rebuild at the next start, never a wrong read. Not
 * thread-safe: owned by one validator driver; {@link #height()} may be read from any thread.
 */
public final class BlockStore implements AutoCloseable {

    /** Data file name. */
    public static final String DATA = "blocks.dat";
    /** Index file name. */
    public static final String INDEX = "blocks.idx";

    private final RecordFile data;
    private final FileChannel index;
    private final List<CommittedBlock> loaded;
    private ChainState head;
    private volatile long height;

    private BlockStore(RecordFile data, FileChannel index, List<CommittedBlock> loaded, ChainState head) {
        this.data = data;
        this.index = index;
        this.loaded = loaded;
        this.head = head;
        this.height = head.height();
    }

    /** Opens (or creates) the store in {@code dir} for chain {@code chainId}. */
    public static BlockStore open(Path dir, String chainId) throws IOException {
        RecordFile data = RecordFile.open(dir.resolve(DATA));
        List<CommittedBlock> blocks = new ArrayList<>();
        ChainState head = ChainState.genesis(chainId);
        for (byte[] bytes : data.initialRecords()) {
            CommittedBlock b;
            try {
                ByteReader r = new ByteReader(bytes);
                b = CommittedBlock.readFrom(r);
                r.expectEnd();
            } catch (DecodeException e) {
                break;
            }
            if (head.checkExtends(b.header()).isPresent()) {
                break;
            }
            head = head.append(b.header());
            blocks.add(b);
        }
        if (blocks.size() < data.count()) {
            List<byte[]> keep = new ArrayList<>(data.initialRecords().subList(0, blocks.size()));
            data.rewrite(keep);
        }
        FileChannel index = FileChannel.open(dir.resolve(INDEX), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        BlockStore store = new BlockStore(data, index, blocks, head);
        store.rebuildIndexIfNeeded();
        return store;
    }

    private void rebuildIndexIfNeeded() throws IOException {
        boolean ok = index.size() == 8L * data.count();
        if (ok) {
            ByteBuffer b = ByteBuffer.allocate(8);
            for (int i = 0; i < data.count() && ok; i++) {
                b.clear();
                index.read(b, 8L * i);
                b.flip();
                ok = b.remaining() == 8 && b.getLong() == data.positionOf(i);
            }
        }
        if (!ok) {
            index.truncate(0);
            for (int i = 0; i < data.count(); i++) {
                writeIndex(i);
            }
            index.force(true);
        }
        index.position(index.size());
    }

    private void writeIndex(int i) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).putLong(0, data.positionOf(i));
        index.write(b, 8L * i);
    }

    /** The blocks found at open, consecutive from height 1 (what the replica restarts from). */
    public List<CommittedBlock> loadedBlocks() {
        return List.copyOf(loaded);
    }

    /**
     * Appends the next block; durable after {@link #sync}.
     *
     * @throws IllegalArgumentException if it does not extend the stored head (nothing is written)
     */
    public void append(CommittedBlock block) throws IOException {
        if (head.checkExtends(block.header()).isPresent()) {
            throw new IllegalArgumentException("block " + block.height() + " does not extend stored head "
                    + head.height());
        }
        data.append(block.encode());
        writeIndex(data.count() - 1);
        head = head.append(block.header());
        height = head.height();
    }

    /**
     * Makes every appended block durable: forces the data file (one {@code fsync}); the index is not forced
     * (see the class comment: it is verified and rebuilt at {@link #open}).
     */
    public void sync() throws IOException {
        data.sync();
    }

    /** Height of the stored head (0 when empty). */
    public long height() {
        return height;
    }

    /** The stored head. */
    public ChainState head() {
        return head;
    }

    /**
     * Reads block {@code h} (1..height) through the index.
     *
     * @throws IOException if the data does not decode
     */
    public CommittedBlock read(long h) throws IOException {
        if (h < 1 || h > height) {
            throw new IllegalArgumentException("no block " + h + " (height " + height + ")");
        }
        ByteBuffer b = ByteBuffer.allocate(8);
        index.read(b, 8L * (h - 1));
        b.flip();
        long pos = b.getLong();
        int i = (int) (h - 1);
        if (pos != data.positionOf(i)) {
            throw new IOException("index entry " + h + " points at " + pos + ", data has " + data.positionOf(i));
        }
        try {
            ByteReader r = new ByteReader(data.read(i));
            CommittedBlock block = CommittedBlock.readFrom(r);
            r.expectEnd();
            return block;
        } catch (DecodeException e) {
            throw new IOException("block " + h + " does not decode: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            data.close();
        } finally {
            index.close();
        }
    }
}
