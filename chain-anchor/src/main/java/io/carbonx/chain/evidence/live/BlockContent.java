package io.carbonx.chain.evidence.live;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.merkle.MerkleTree;
import io.carbonx.chain.evidence.EventLocation;
import io.carbonx.chain.feed.ReadEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A committed block's events read back from the log by its header's ranges, and checked: as many as the header's
 * tree size, and their RFC 6962 Merkle tree has the header's root. So the bytes are exactly what the validators
 * anchored; the log is never trusted blindly.
 *
 * @param height    the block height
 * @param locations the events' locations, in leaf order
 * @param bytes     the events' exact stored bytes, in leaf order
 * @param tree      the Merkle tree over them
 */
public record BlockContent(long height, List<EventLocation> locations, List<byte[]> bytes, MerkleTree tree) {

    /** Thrown when the log does not hold what the header anchors. */
    public static final class MismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    /**
     * Reads and checks the events of {@code header}'s block.
     *
     * @throws LogReader.LogReadException if the log cannot be read now
     * @throws MismatchException          if what the log holds is not what the header anchors
     */
    public static BlockContent read(LogReader reader, BlockHeader header) throws LogReader.LogReadException,
            MismatchException {
        List<EventLocation> locations = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        List<List<ReadEvent>> read = reader.readRanges(header.ranges());
        for (int i = 0; i < header.ranges().size(); i++) {
            PartitionRange r = header.ranges().get(i);
            for (ReadEvent e : read.get(i)) {
                locations.add(new EventLocation(r.topicPartition().topic(), r.topicPartition().partition(), e.offset()));
                bytes.add(e.bytes());
            }
        }
        if (bytes.size() != header.treeSize()) {
            throw new MismatchException("block " + header.height() + ": its ranges hold " + bytes.size()
                    + " events in the log, the header anchors " + header.treeSize());
        }
        MerkleTree tree = MerkleTree.ofData(bytes);
        if (!tree.root().equals(header.merkleRoot())) {
            throw new MismatchException("block " + header.height() + ": the log's events have Merkle root "
                    + tree.root().hex() + ", the header anchors " + header.merkleRoot().hex());
        }
        return new BlockContent(header.height(), List.copyOf(locations), List.copyOf(bytes), tree);
    }

    /** The leaf index of {@code location}, or -1. */
    public int indexOf(EventLocation location) {
        return locations.indexOf(location);
    }
}
