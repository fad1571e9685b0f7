package io.carbonx.node.client.chain;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.merkle.MerkleHash;
import io.carbonx.chain.core.merkle.MerkleTree;
import io.carbonx.node.client.Report;
import io.carbonx.node.client.TopicReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks the blocks against the event log itself: for every block, reads the events of its ranges from Kafka and
 * recomputes the Merkle root (RFC 9162 over the exact record bytes, in canonical order topic, partition, offset)
 * and the tree size its header states; and, for every partition the blocks anchor, that every committed record from
 * its beginning to the last anchored offset is inside exactly one block's range (no event skipped, none anchored
 * twice). Events after the head are not yet anchored and are not checked.
 */
public final class AnchoredEvents {

    /** A block's range with the block it belongs to. */
    private record Owned(long height, PartitionRange range) {
    }

    private final TopicReader reader;

    /** @param reader reads the anchored topics */
    public AnchoredEvents(TopicReader reader) {
        this.reader = reader;
    }

    /**
     * Checks {@code headers} (by height) into {@code report}.
     *
     * @return the number of events read
     */
    public long check(SortedMap<Long, BlockHeader> headers, Report report) {
        Map<TopicPartition, List<Owned>> byPartition = new TreeMap<>();
        for (BlockHeader h : headers.values()) {
            for (PartitionRange r : h.ranges()) {
                byPartition.computeIfAbsent(r.topicPartition(), k -> new ArrayList<>()).add(new Owned(h.height(), r));
            }
        }
        Map<Long, TreeMap<Key, Digest>> leaves = new TreeMap<>();
        long read = 0;
        int gaps = 0;
        for (Map.Entry<TopicPartition, List<Owned>> e : byPartition.entrySet()) {
            List<Owned> ranges = new ArrayList<>(e.getValue());
            ranges.sort((a, b) -> Long.compare(a.range().fromOffset(), b.range().fromOffset()));
            gaps += overlaps(e.getKey(), ranges, report);
            long from = 0;
            long to = ranges.stream().mapToLong(o -> o.range().toOffsetExclusive()).max().orElse(from);
            int[] cursor = {0};
            int[] uncovered = {0};
            TopicPartition tp = e.getKey();
            read += reader.read(new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition()), from, to, r -> {
                while (cursor[0] < ranges.size() && ranges.get(cursor[0]).range().toOffsetExclusive() <= r.offset()) {
                    cursor[0]++;
                }
                Owned o = cursor[0] < ranges.size() ? ranges.get(cursor[0]) : null;
                if (o == null || r.offset() < o.range().fromOffset()) {
                    if (uncovered[0]++ < 5) {
                        report.fail("event " + tp + "@" + r.offset(), "a committed record before the last anchored"
                                + " offset is in no block (skipped by the chain)");
                    }
                    return;
                }
                leaves.computeIfAbsent(o.height(), k -> new TreeMap<>()).put(new Key(tp, r.offset()),
                        MerkleHash.leaf(r.value() == null ? new byte[0] : r.value()));
            });
            gaps += uncovered[0];
        }
        int good = 0;
        for (BlockHeader h : headers.values()) {
            TreeMap<Key, Digest> l = leaves.getOrDefault(h.height(), new TreeMap<>());
            Digest root = l.isEmpty() ? MerkleHash.emptyRoot() : MerkleTree.ofLeafHashes(new ArrayList<>(l.values()))
                    .root();
            if (l.size() != h.treeSize() || !root.equals(h.merkleRoot())) {
                report.fail("events of block " + h.height(), "the log's " + l.size() + " events of its ranges "
                        + h.ranges() + " give Merkle root " + root.hex() + ", the header states " + h.treeSize()
                        + " events with root " + h.merkleRoot().hex());
            } else {
                good++;
            }
        }
        report.check(good == headers.size() && gaps == 0, "anchored events", read + " events read back from "
                + byPartition.size() + " partitions; every block's Merkle root and size recomputed from the log match;"
                + " no committed record up to the last anchored offset is missing from the chain",
                (headers.size() - good) + " blocks do not match the log, " + gaps + " records unanchored or anchored"
                        + " twice (see above)");
        return read;
    }

    private static int overlaps(TopicPartition tp, List<Owned> ranges, Report report) {
        int n = 0;
        for (int i = 1; i < ranges.size(); i++) {
            Owned a = ranges.get(i - 1);
            Owned b = ranges.get(i);
            if (b.range().fromOffset() < a.range().toOffsetExclusive()) {
                n++;
                report.fail("ranges of " + tp, "blocks " + a.height() + " and " + b.height() + " both anchor offsets"
                        + " from " + b.range().fromOffset() + " (an event anchored twice)");
            }
        }
        return n;
    }

    /** Canonical leaf order: topic, partition, offset. */
    private record Key(TopicPartition tp, long offset) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = tp.compareTo(o.tp);
            return c != 0 ? c : Long.compare(offset, o.offset);
        }
    }
}
