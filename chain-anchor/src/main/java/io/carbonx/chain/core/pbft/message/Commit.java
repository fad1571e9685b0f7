package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import java.util.Objects;

/**
 * A vote that (view, height, digest) is prepared at its author; 2f+1 of them in one view form the block's commit certificate.
 *
 * @param view the view
 * @param height the sequence number (block height)
 * @param digest the block hash
 */
public record Commit(long view, long height, Digest digest) implements Payload {

    /** Rejects nulls. */
    public Commit {
        Objects.requireNonNull(digest, "digest");
    }

    @Override
    public MessageType type() {
        return MessageType.COMMIT;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(view).i64(height).digest(digest);
    }

    static Commit readBody(ByteReader r) {
        return new Commit(r.i64(), r.i64(), r.digest());
    }
}
