package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import java.util.Objects;

/**
 * The primary's proposal: block {@code header} at {@code height} in {@code view}. The digest voted on
 * is the header's hash.
 *
 * @param view the view
 * @param height the sequence number, equal to {@code header.height()} in valid messages
 * @param header the proposed block header
 */
public record PrePrepare(long view, long height, BlockHeader header) implements Payload {

    /** Rejects nulls. */
    public PrePrepare {
        Objects.requireNonNull(header, "header");
    }

    /** The block hash. */
    public Digest digest() {
        return header.hash();
    }

    @Override
    public MessageType type() {
        return MessageType.PRE_PREPARE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(view).i64(height);
        header.writeTo(w);
    }

    static PrePrepare readBody(ByteReader r) {
        long view = r.i64();
        long height = r.i64();
        return new PrePrepare(view, height, BlockHeader.readFrom(r));
    }
}
