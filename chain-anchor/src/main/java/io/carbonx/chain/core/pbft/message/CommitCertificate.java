package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's certificate: 2f+1 signed {@link Commit} messages from distinct validators, all for the
 * same view, the block's height and the block hash.
 *
 * @param commits the signed commits, ascending by author
 */
public record CommitCertificate(List<SignedMessage<Commit>> commits) {

    /** Copies the list. */
    public CommitCertificate {
        commits = List.copyOf(commits);
    }

    /** Appends the encoding. */
    public void writeTo(ByteWriter w) {
        w.i32(commits.size());
        for (SignedMessage<Commit> c : commits) {
            c.writeTo(w);
        }
    }

    /** Reads one certificate. */
    public static CommitCertificate readFrom(ByteReader r) {
        int n = r.count(PayloadCodec.MAX_LIST);
        List<SignedMessage<Commit>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(SignedMessage.readFrom(r, Commit.class));
        }
        return new CommitCertificate(list);
    }
}
