package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import java.util.Objects;

/**
 * A validator's statement that its committed chain at {@code height} (a multiple of the checkpoint
 * interval) has head hash {@code digest}.
 *
 * @param height checkpoint height
 * @param digest hash of the block at that height
 */
public record Checkpoint(long height, Digest digest) implements Payload {

    /** Rejects nulls. */
    public Checkpoint {
        Objects.requireNonNull(digest, "digest");
    }

    @Override
    public MessageType type() {
        return MessageType.CHECKPOINT;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(height).digest(digest);
    }

    static Checkpoint readBody(ByteReader r) {
        return new Checkpoint(r.i64(), r.digest());
    }
}
