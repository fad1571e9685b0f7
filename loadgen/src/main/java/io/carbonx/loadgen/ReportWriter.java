package io.carbonx.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Writes a run's evidence: one {@code .hgrm} percentile distribution per stage (values in ms), the SVG chart, and a
 * section appended to the Markdown report (created with a header when missing); {@link #figures} is the table
 * printed and written.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The figures table of a run (Markdown). */
    public static String figures(RunResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: offered %s, %,d timed orders released in %.1f s; achieved %,.0f"
                        + " orders/s with an outcome, %,.0f trades/s; %.2f ms of CPU per order (this JVM's CPU time"
                        + " until every outcome arrived / timed orders); load average %s%n%n", r.label(),
                r.offeredRate() == 0 ? "maximum" : String.format(Locale.ROOT, "%,d orders/s", r.offeredRate()),
                r.measuredOrders(), r.sendSeconds(), r.acceptedPerSec(), r.tradesPerSec(), r.cpuMsPerOrder(),
                r.loadAverage()));
        b.append("| stage | n | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Stage s : Stage.values()) {
            Histogram h = r.latencies().of(s);
            b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", s.label(),
                    h.getTotalCount(), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getTotalCount() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.1f", h.getMaxValue() / 1_000.0)));
        }
        Accounting.Verdict v = r.verdict();
        b.append(String.format(Locale.ROOT, "%nexactly-once: %s — %,d orders sent (warm-up included): %,d accepted,"
                        + " %,d rejected by the registry, %,d refused by the gateway; %,d trades, %,d settled;"
                        + " conservation of cash and units: %s; drained: %s%n",
                v.exactlyOnce() ? "PASSED" : "FAILED", v.sent(), v.accepted(), v.rejected(), v.refused(), v.trades(),
                v.settled(), r.conservation().isEmpty() ? "PASSED" : "FAILED (" + r.conservation() + ")",
                r.drained() ? "yes" : "NO (time-out)"));
        v.problems().forEach(p -> b.append("- ").append(p).append('\n'));
        return b.toString();
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f",
                h.getValueAtPercentile(percentile) / 1_000.0);
    }

    /**
     * Writes the run's files into {@code outDir} and appends its section to {@code report}.
     *
     * @return the figures
     */
    public static String write(RunResult r, Path outDir, Path report) {
        try {
            Files.createDirectories(outDir);
            for (Stage s : Stage.values()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                    r.latencies().of(s).outputPercentileDistribution(ps, 1_000.0);
                }
                Files.write(outDir.resolve(r.label() + "-" + s.fileName() + ".hgrm"), bytes.toByteArray());
            }
            Path svg = outDir.resolve(r.label() + ".svg");
            Files.writeString(svg, SvgChart.render("carbonx e2e latency by percentile: " + r.label(), r.latencies()));
            String figures = figures(r);
            if (report != null) {
                if (report.getParent() != null) {
                    Files.createDirectories(report.getParent());
                }
                if (!Files.exists(report)) {
                    Files.writeString(report, "# End-to-end load runs\n\n");
                }
                String rel = report.toAbsolutePath().getParent().relativize(svg.toAbsolutePath()).toString();
                String section = "\n## Run " + r.label() + " (" + r.startedAt() + ")\n\n`" + r.command() + "`\n\n"
                        + figures + "\n![" + r.label() + "](" + rel + ")\n";
                Files.writeString(report, section, StandardOpenOption.APPEND);
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
