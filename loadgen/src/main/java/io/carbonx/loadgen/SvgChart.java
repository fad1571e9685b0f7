package io.carbonx.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency-by-percentile chart as SVG, drawn here (no library): x is the percentile on the usual HdrHistogram
 * scale, {@code log10(1 / (1 - p))} (0 = p0, 1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99), y is the latency in ms on a
 * log scale; one line per stage.
 */
final class SvgChart {

    private static final String[] COLOURS = {"#ff7f0e", "#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int W = 760;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final double X_MAX = 5;

    private SvgChart() {
    }

    static String render(String title, StageLatencies latencies) {
        double minMs = 0.1;
        double maxMs = 1;
        for (Stage s : Stage.values()) {
            Histogram h = latencies.of(s);
            if (h.getTotalCount() > 0) {
                maxMs = Math.max(maxMs, h.getMaxValue() / 1_000.0);
            }
        }
        double lo = Math.log10(minMs);
        double hi = Math.ceil(Math.log10(maxMs));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
                escape(title)));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int d = (int) lo; d <= hi; d++) {
            double y = TOP + plotH - (d - lo) / (hi - lo) * plotH;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, LEFT + plotW, y,
                    LEFT - 6, y + 4, trim(Math.pow(10, d))));
        }
        String[] xl = {"p0", "p90", "p99", "p99.9", "p99.99", "p99.999"};
        for (int x = 0; x <= X_MAX; x++) {
            double px = LEFT + x / X_MAX * plotW;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, TOP, px, TOP + plotH, px,
                    TOP + plotH + 18, xl[x]));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotW / 2, H - 10));
        int legend = 0;
        for (Stage s : Stage.values()) {
            Histogram h = latencies.of(s);
            String colour = COLOURS[s.ordinal() % COLOURS.length];
            double ly = TOP + 10 + legend++ * 20;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"3\"/><text x=\"%d\" y=\"%.1f\">%s (n=%d)</text>%n", W - RIGHT + 10, ly,
                    W - RIGHT + 30, ly, colour, W - RIGHT + 35, ly + 4, escape(s.label()), h.getTotalCount()));
            if (h.getTotalCount() == 0) {
                continue;
            }
            List<String> pts = new ArrayList<>();
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                double x = p >= 1 ? X_MAX : Math.min(X_MAX, Math.log10(1 / (1 - p)));
                double ms = Math.max(minMs, h.highestEquivalentValue(v.getValueIteratedTo()) / 1_000.0);
                double y = TOP + plotH - (Math.log10(ms) - lo) / (hi - lo) * plotH;
                pts.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + x / X_MAX * plotW, y));
                if (p >= 1) {
                    break;
                }
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", pts)).append("\"/>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String trim(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
