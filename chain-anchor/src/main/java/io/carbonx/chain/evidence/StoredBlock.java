package io.carbonx.chain.evidence;

import io.carbonx.chain.core.pbft.message.CommitCertificate;
import java.util.Optional;

/**
 * A committed block as the block store keeps it: the header's exact canonical bytes (single-object Avro of
 * {@code io.carbonx.chain.BlockHeader}; block hash = SHA-256 of them) and its commit certificate, when kept.
 *
 * @param height      block height
 * @param headerBytes the header's canonical bytes
 * @param certificate 2f+1 signed COMMITs over the block hash, or null when the store does not hold it
 */
public record StoredBlock(long height, byte[] headerBytes, CommitCertificate certificate) {

    /** Copies the bytes. */
    public StoredBlock {
        headerBytes = headerBytes.clone();
    }

    @Override
    public byte[] headerBytes() {
        return headerBytes.clone();
    }

    /** The commit certificate, if held. */
    public Optional<CommitCertificate> commitCertificate() {
        return Optional.ofNullable(certificate);
    }
}
