package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;

/**
 * Heartbeat: the sender's current view, committed height and stable checkpoint height.
 *
 * @param view last view the sender entered
 * @param committedHeight height of its committed head
 * @param stableHeight height of its stable checkpoint
 */
public record Status(long view, long committedHeight, long stableHeight) implements Payload {

    @Override
    public MessageType type() {
        return MessageType.STATUS;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(view).i64(committedHeight).i64(stableHeight);
    }

    static Status readBody(ByteReader r) {
        return new Status(r.i64(), r.i64(), r.i64());
    }
}
