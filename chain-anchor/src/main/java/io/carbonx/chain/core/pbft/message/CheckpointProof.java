package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stable checkpoint: 2f+1 signed {@link Checkpoint} messages from distinct validators for
 * ({@code height}, {@code digest}). Height 0 with {@link Digest#ZERO} and no messages is the genesis
 * checkpoint, valid by definition.
 *
 * @param height checkpoint height
 * @param digest head hash at that height
 * @param checkpoints the signed checkpoint messages
 */
public record CheckpointProof(long height, Digest digest, List<SignedMessage<Checkpoint>> checkpoints) {

    /** Copies the list. */
    public CheckpointProof {
        Objects.requireNonNull(digest, "digest");
        checkpoints = List.copyOf(checkpoints);
    }

    /** The genesis checkpoint. */
    public static CheckpointProof genesis() {
        return new CheckpointProof(0, Digest.ZERO, List.of());
    }

    /** True for the genesis checkpoint. */
    public boolean isGenesis() {
        return height == 0 && digest.equals(Digest.ZERO) && checkpoints.isEmpty();
    }

    /** Appends the encoding. */
    public void writeTo(ByteWriter w) {
        w.i64(height).digest(digest).i32(checkpoints.size());
        for (SignedMessage<Checkpoint> c : checkpoints) {
            c.writeTo(w);
        }
    }

    /** Reads one proof. */
    public static CheckpointProof readFrom(ByteReader r) {
        long height = r.i64();
        Digest digest = r.digest();
        int n = r.count(PayloadCodec.MAX_LIST);
        List<SignedMessage<Checkpoint>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(SignedMessage.readFrom(r, Checkpoint.class));
        }
        return new CheckpointProof(height, digest, list);
    }
}
