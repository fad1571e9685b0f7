package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * NEW-VIEW for {@code view}: the 2f+1 view changes the new primary collected (V) and the
 * pre-prepares it re-issues for the prepared heights above the highest stable checkpoint in V (O).
 *
 * @param view the new view
 * @param viewChanges the view-change messages, ascending by author
 * @param prePrepares re-issued pre-prepares, ascending by height
 */
public record NewView(long view, List<SignedMessage<ViewChange>> viewChanges,
                      List<SignedMessage<PrePrepare>> prePrepares) implements Payload {

    /** Copies the lists. */
    public NewView {
        viewChanges = List.copyOf(viewChanges);
        prePrepares = List.copyOf(prePrepares);
    }

    @Override
    public MessageType type() {
        return MessageType.NEW_VIEW;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.i64(view).i32(viewChanges.size());
        for (SignedMessage<ViewChange> vc : viewChanges) {
            vc.writeTo(w);
        }
        w.i32(prePrepares.size());
        for (SignedMessage<PrePrepare> pp : prePrepares) {
            pp.writeTo(w);
        }
    }

    static NewView readBody(ByteReader r) {
        long view = r.i64();
        int n = r.count(PayloadCodec.MAX_LIST);
        List<SignedMessage<ViewChange>> vcs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            vcs.add(SignedMessage.readFrom(r, ViewChange.class));
        }
        int m = r.count(PayloadCodec.MAX_LIST);
        List<SignedMessage<PrePrepare>> pps = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            pps.add(SignedMessage.readFrom(r, PrePrepare.class));
        }
        return new NewView(view, vcs, pps);
    }
}
