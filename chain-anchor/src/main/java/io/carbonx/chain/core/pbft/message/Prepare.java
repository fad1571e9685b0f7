package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import java.util.Objects;

/**
 * A backup's agreement to the primary's proposal.
 *
 * @param view the view
 * @param height the sequence number (block height)
 * @param digest the block hash
 */
public record Prepare(long view, long height, Digest digest) implements Payload {

    /** Rejects nulls. */
    public Prepare {
        Objects.requireNonNull(digest, "digest");
    }

    @Override
    public MessageType type() {
        return MessageType.PREPARE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(view).i64(height).digest(digest);
    }

    static Prepare readBody(ByteReader r) {
        return new Prepare(r.i64(), r.i64(), r.digest());
    }
}
