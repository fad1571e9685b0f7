package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * VIEW-CHANGE to {@code newView}: the sender's stable checkpoint proof (C) and, for every height
 * above it that the sender prepared, the prepared certificate of the highest view (P).
 *
 * @param newView the view the sender wants to move to
 * @param checkpoint the sender's stable checkpoint
 * @param prepared prepared certificates, ascending by height, one per height
 */
public record ViewChange(long newView, CheckpointProof checkpoint, List<PreparedCertificate> prepared)
        implements Payload {

    /** Copies the list. */
    public ViewChange {
        Objects.requireNonNull(checkpoint, "checkpoint");
        prepared = List.copyOf(prepared);
    }

    @Override
    public MessageType type() {
        return MessageType.VIEW_CHANGE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(newView);
        checkpoint.writeTo(w);
        w.i32(prepared.size());
        for (PreparedCertificate c : prepared) {
            c.writeTo(w);
        }
    }

    static ViewChange readBody(ByteReader r) {
        long view = r.i64();
        CheckpointProof cp = CheckpointProof.readFrom(r);
        int n = r.count(PayloadCodec.MAX_LIST);
        List<PreparedCertificate> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(PreparedCertificate.readFrom(r));
        }
        return new ViewChange(view, cp, list);
    }
}
