package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * State transfer: consecutive committed blocks with their commit certificates, and the sender's
 * stable checkpoint proof. Receivers verify every certificate and proof; nothing here is trusted
 * because of who sent it.
 *
 * @param blocks consecutive committed blocks, ascending
 * @param stableCheckpoint the sender's latest stable checkpoint proof
 */
public record BlockResponse(List<CommittedBlock> blocks, CheckpointProof stableCheckpoint) implements Payload {

    /** Copies the list. */
    public BlockResponse {
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(stableCheckpoint, "stableCheckpoint");
    }

    @Override
    public MessageType type() {
        return MessageType.BLOCK_RESPONSE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i32(blocks.size());
        for (CommittedBlock b : blocks) {
            b.writeTo(w);
        }
        stableCheckpoint.writeTo(w);
    }

    static BlockResponse readBody(ByteReader r) {
        int n = r.count(PayloadCodec.MAX_LIST);
        List<CommittedBlock> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            blocks.add(CommittedBlock.readFrom(r));
        }
        return new BlockResponse(blocks, CheckpointProof.readFrom(r));
    }
}
