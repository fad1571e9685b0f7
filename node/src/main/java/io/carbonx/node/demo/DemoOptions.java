package io.carbonx.node.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user asked of {@code carbonx demo}.
 *
 * @param seed         seeds every random choice (participants' profiles, order flow): the same seed sends the same
 *                     requests in the same per-participant order
 * @param scale        size of the day, 0.1..5; 1 is the full demo (24 enterprises, about 3,000 orders)
 * @param out          where the summary, the report and its charts are written
 * @param dataDir      the node's data directory; null = a fresh temporary one
 * @param keep         keep the data directory after the run (always true when {@code dataDir} is given)
 * @param openAfterSec seconds from the node's configuration to the opening auction of the session instrument
 *                     (the time onboarding, funding and the pre-open call have); 0 = derived from the scale
 */
public record DemoOptions(long seed, double scale, Path out, Path dataDir, boolean keep, int openAfterSec) {

    /** Smallest and largest scale. */
    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 5.0;

    /** Checks ranges. */
    public DemoOptions {
        Objects.requireNonNull(out, "out");
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("--scale must be between " + MIN_SCALE + " and " + MAX_SCALE
                    + ", was " + scale);
        }
        if (openAfterSec != 0 && (openAfterSec < 20 || openAfterSec > 1_800)) {
            throw new IllegalArgumentException("--open-after must be 20..1800 seconds (or 0: derived), was "
                    + openAfterSec);
        }
    }

    /** True when the data directory stays after the run. */
    public boolean keepData() {
        return keep || dataDir != null;
    }
}
