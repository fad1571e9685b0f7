package io.carbonx.chain.store;

import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.pbft.Action;
import io.carbonx.chain.core.pbft.VoteRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A validator's durable vote log ({@code votes.log}): every {@link Action.Persist} is appended here and
 * synced ({@code fsync}) before the driver sends anything of the same batch, so a restarted validator
 * finds every vote it may have sent and cannot sign a conflicting one. {@link Action.TruncateVotes}
 * rewrites the file atomically with {@link VoteRecord#retain}.
 *
 * <p>Not thread-safe: owned by one validator driver.
 */
public final class VoteLog implements AutoCloseable {

    /** File name inside the validator's directory. */
    public static final String FILE = "votes.log";

    private final RecordFile file;
    private final List<VoteRecord> records;

    private VoteLog(RecordFile file, List<VoteRecord> records) {
        this.file = file;
        this.records = records;
    }

    /**
     * Opens (or creates) the vote log in {@code dir}.
     *
     * @throws IOException if the file is unreadable or holds a record that does not decode (corruption:
     *     starting without the votes could make the validator equivocate, so it refuses to start)
     */
    public static VoteLog open(Path dir) throws IOException {
        RecordFile f = RecordFile.open(dir.resolve(FILE));
        List<VoteRecord> records = new ArrayList<>(f.count());
        try {
            for (byte[] bytes : f.initialRecords()) {
                records.add(VoteRecord.decode(bytes));
            }
        } catch (DecodeException e) {
            f.close();
            throw new IOException(dir.resolve(FILE) + ": a vote record does not decode: " + e.getMessage(), e);
        }
        return new VoteLog(f, records);
    }

    /** The records in append order (what the replica restarts from). */
    public List<VoteRecord> records() {
        return List.copyOf(records);
    }

    /** Appends a record; durable only after {@link #sync}. */
    public void append(VoteRecord record) throws IOException {
        file.append(VoteRecord.encode(record));
        records.add(record);
    }

    /** Forces every appended record to disk. */
    public void sync() throws IOException {
        file.sync();
    }

    /** Syncs, then atomically keeps only {@link VoteRecord#retain}{@code (records, stableHeight)}. */
    public void truncate(long stableHeight) throws IOException {
        file.sync();
        List<VoteRecord> kept = VoteRecord.retain(records, stableHeight);
        List<byte[]> encoded = new ArrayList<>(kept.size());
        for (VoteRecord r : kept) {
            encoded.add(VoteRecord.encode(r));
        }
        file.rewrite(encoded);
        records.clear();
        records.addAll(kept);
    }

    /** Number of records. */
    public int size() {
        return records.size();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
