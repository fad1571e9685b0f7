package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;

/**
 * Asks a peer for its committed blocks starting at {@code fromHeight}, at most {@code maxBlocks}.
 *
 * @param fromHeight first height wanted
 * @param maxBlocks upper bound on blocks in the response
 */
public record BlockRequest(long fromHeight, int maxBlocks) implements Payload {

    @Override
    public MessageType type() {
        return MessageType.BLOCK_REQUEST;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(fromHeight).i32(maxBlocks);
    }

    static BlockRequest readBody(ByteReader r) {
        return new BlockRequest(r.i64(), r.i32());
    }
}
