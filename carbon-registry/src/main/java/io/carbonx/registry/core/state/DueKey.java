package io.carbonx.registry.core.state;

/**
 * Position of a pending trade in the settlement queue: due time, then registration sequence.
 *
 * @param dueTime  due time
 * @param sequence registration sequence
 */
public record DueKey(long dueTime, long sequence) implements Comparable<DueKey> {
    @Override
    public int compareTo(DueKey o) {
        int c = Long.compare(dueTime, o.dueTime);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
