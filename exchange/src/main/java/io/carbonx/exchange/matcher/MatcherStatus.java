package io.carbonx.exchange.matcher;

import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The matcher's latest published status: an immutable snapshot, replaced by the loop thread, read by any thread. */
public final class MatcherStatus {

    private volatile List<PartitionStatus> partitions = List.of();

    void publish(List<PartitionStatus> latest) {
        partitions = latest.stream().sorted(Comparator.comparingInt(PartitionStatus::partition)).toList();
    }

    /** The owned partitions, by number. */
    public List<PartitionStatus> partitions() {
        return partitions;
    }

    /** State hash per instrument over every owned partition, by instrument id. */
    public SortedMap<String, String> stateHashes() {
        TreeMap<String, String> all = new TreeMap<>();
        for (PartitionStatus p : partitions) {
            all.putAll(p.stateHashes());
        }
        return all;
    }

    /** True if some rebuild diverged from its checkpoint. */
    public boolean diverged() {
        return partitions.stream().anyMatch(p -> p.verification() == PartitionStatus.Verification.MISMATCH);
    }
}
