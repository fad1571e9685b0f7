package io.carbonx.node.demo;

import io.carbonx.events.BlockCommitted;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.chain.BlockLog;
import io.carbonx.node.demo.check.ChainChecks;
import io.carbonx.node.demo.check.CheckResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the committed chain covers the log: the end offsets of every anchored topic are taken once the day
 * is over (the clocks keep ticking, so the log never stops growing), then the blocks topic is read until every
 * committed record below those offsets is inside a committed block.
 */
public final class Anchoring {

    /**
     * What was established.
     *
     * @param check      the check
     * @param height     the chain's height when covered
     * @param events     events inside the blocks when covered
     * @param records    sum of the end offsets the chain had to reach (records and transaction markers)
     * @param waitedMs   how long the chain took to catch up
     */
    public record Result(CheckResult check, long height, long events, long records, long waitedMs) {
    }

    private final TopicReader reader;
    private final Progress progress;

    /**
     * @param reader   the demo's topic reader
     * @param progress progress lines
     */
    public Anchoring(TopicReader reader, Progress progress) {
        this.reader = reader;
        this.progress = progress;
    }

    /** Waits (bounded) and returns the result; a chain that does not catch up fails the check. */
    public Result await(Duration timeout) {
        ChainChecks chain = new ChainChecks(reader);
        Map<TopicPartition, Long> ends = chain.anchoredEnds();
        long records = ends.values().stream().mapToLong(Long::longValue).sum();
        long t0 = System.currentTimeMillis();
        long[] missing = {Long.MAX_VALUE};
        List<BlockCommitted> blocks;
        try {
            blocks = Waits.until("the chain anchors the log up to its end", timeout, 1_000, () -> {
                BlockLog log = chain.blocks();
                missing[0] = chain.uncovered(ends, log.blocks());
                return missing[0] == 0 ? log.blocks() : null;
            });
        } catch (DemoException e) {
            return new Result(CheckResult.failed(ChainChecks.ANCHORED, missing[0] + " committed records below the"
                    + " end offsets of " + ends.size() + " partitions are in no block after " + timeout.toSeconds()
                    + " s", List.of(e.getMessage())), 0, 0, records, System.currentTimeMillis() - t0);
        }
        long height = blocks.stream().mapToLong(b -> b.getHeader().getHeight()).max().orElse(0);
        Map<Long, Long> byHeight = new java.util.TreeMap<>();
        blocks.forEach(b -> byHeight.put(b.getHeader().getHeight(), b.getHeader().getTreeSize()));
        long events = byHeight.values().stream().mapToLong(Long::longValue).sum();
        long waited = System.currentTimeMillis() - t0;
        progress.info("chain height %d: %,d events in blocks cover every anchored topic up to its end (%d partitions;"
                + " waited %.1f s)", height, events, ends.size(), waited / 1000.0);
        return new Result(CheckResult.passed(ChainChecks.ANCHORED, "every committed record of the " + ends.size()
                + " anchored partitions up to the end of the day is in a committed block (height " + height + ", "
                + events + " events)"), height, events, records, waited);
    }
}
