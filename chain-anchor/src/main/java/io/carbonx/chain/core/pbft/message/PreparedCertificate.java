package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proof that (view, height, digest) was prepared: the primary's signed pre-prepare and 2f signed
 * prepares from distinct backups, all matching. Carried in VIEW-CHANGE messages (the P set).
 *
 * @param prePrepare the primary's pre-prepare
 * @param prepares the backups' prepares
 */
public record PreparedCertificate(SignedMessage<PrePrepare> prePrepare, List<SignedMessage<Prepare>> prepares) {

    /** Copies the list. */
    public PreparedCertificate {
        Objects.requireNonNull(prePrepare, "prePrepare");
        prepares = List.copyOf(prepares);
    }

    /** View of the pre-prepare. */
    public long view() {
        return prePrepare.payload().view();
    }

    /** Height of the pre-prepare. */
    public long height() {
        return prePrepare.payload().height();
    }

    /** Digest of the proposed block. */
    public Digest digest() {
        return prePrepare.payload().digest();
    }

    /** Appends the encoding. */
    public void writeTo(ByteWriter w) {
        prePrepare.writeTo(w);
        w.i32(prepares.size());
        for (SignedMessage<Prepare> p : prepares) {
            p.writeTo(w);
        }
    }

    /** Reads one certificate. */
    public static PreparedCertificate readFrom(ByteReader r) {
        SignedMessage<PrePrepare> pp = SignedMessage.readFrom(r, PrePrepare.class);
        int n = r.count(PayloadCodec.MAX_LIST);
        List<SignedMessage<Prepare>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(SignedMessage.readFrom(r, Prepare.class));
        }
        return new PreparedCertificate(pp, list);
    }
}
