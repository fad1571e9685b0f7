package io.carbonx.exchange.matcher;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A state-hash checkpoint of one input partition, written by the matcher to the compacted snapshots topic in the
 * same transaction as the outputs of the input record it follows: "after the input at {@code offset}, the
 * instruments of this partition had these state hashes". A rebuild replays the partition and compares its own
 * hashes at that offset, which detects a replay that diverges from what was published (e.g. a changed matching
 * rule). Text encoding, one line each: {@code exchange-checkpoint v1}, the offset, then {@code <instrument> <hash>}
 * per instrument in id order.
 *
 * @param offset input offset the hashes follow
 * @param hashes state hash per instrument, by id
 */
public record Checkpoint(long offset, SortedMap<String, String> hashes) {

    private static final String HEADER = "exchange-checkpoint v1";

    /** Copies. */
    public Checkpoint {
        hashes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
    }

    /** The snapshot key of an input partition. */
    public static String key(String topic, int partition) {
        return "exchange/" + topic + "-" + partition;
    }

    /** The encoded value. */
    public byte[] encode() {
        StringBuilder b = new StringBuilder(HEADER).append('\n').append(offset).append('\n');
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            b.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a value; empty if it is not a checkpoint of this version. */
    public static Optional<Checkpoint> decode(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] lines = new String(value, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 2 || !HEADER.equals(lines[0])) {
            return Optional.empty();
        }
        try {
            long offset = Long.parseLong(lines[1]);
            TreeMap<String, String> hashes = new TreeMap<>();
            for (int i = 2; i < lines.length; i++) {
                int space = lines[i].indexOf(' ');
                if (space <= 0) {
                    return Optional.empty();
                }
                hashes.put(lines[i].substring(0, space), lines[i].substring(space + 1));
            }
            return Optional.of(new Checkpoint(offset, hashes));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
