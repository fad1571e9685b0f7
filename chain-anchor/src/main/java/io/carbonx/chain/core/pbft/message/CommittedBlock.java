package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.block.BlockHeader;
import java.util.Objects;

/**
 * A committed block header with its commit certificate: what validators store, publish and transfer.
 *
 * @param header the block header
 * @param certificate 2f+1 commit signatures over the header's hash
 */
public record CommittedBlock(BlockHeader header, CommitCertificate certificate) {

    /** Rejects nulls. */
    public CommittedBlock {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Height of the block. */
    public long height() {
        return header.height();
    }

    /** Appends the encoding. */
    public void writeTo(ByteWriter w) {
        header.writeTo(w);
        certificate.writeTo(w);
    }

    /** The standalone encoding (header then certificate). */
    public byte[] encode() {
        ByteWriter w = new ByteWriter();
        writeTo(w);
        return w.toByteArray();
    }

    /** Reads one committed block. */
    public static CommittedBlock readFrom(ByteReader r) {
        return new CommittedBlock(BlockHeader.readFrom(r), CommitCertificate.readFrom(r));
    }
}
