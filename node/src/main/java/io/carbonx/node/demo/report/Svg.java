package io.carbonx.node.demo.report;

import java.util.List;
import java.util.Locale;

/**
 * Small self-contained SVG charts (no scripts, no external resources), readable in any browser and in Markdown
 * viewers that show images.
 */
public final class Svg {

    /** A point of a time series. */
    public record Point(long timeMs, long value, long volume) {
    }

    /** A labelled bar. */
    public record Bar(String label, long value, String note) {
    }

    private static final int W = 720;
    private static final int H = 300;
    private static final int PAD = 50;

    private Svg() {
    }

    /**
     * Price as a line (left axis) and volume per time bucket as bars (bottom band), over time.
     *
     * @param title  the title
     * @param points trades in time order
     */
    public static String priceVolume(String title, List<Point> points) {
        StringBuilder s = header(title);
        if (points.isEmpty()) {
            return s.append(text(W / 2, H / 2, "no trades", "middle")).append("</svg>\n").toString();
        }
        long t0 = points.get(0).timeMs();
        long t1 = Math.max(t0 + 1, points.get(points.size() - 1).timeMs());
        long lo = points.stream().mapToLong(Point::value).min().orElse(0);
        long hi = Math.max(lo + 1, points.stream().mapToLong(Point::value).max().orElse(1));
        int buckets = 60;
        long[] vol = new long[buckets];
        points.forEach(p -> vol[(int) Math.min(buckets - 1, (p.timeMs() - t0) * buckets / (t1 - t0 + 1))]
                += p.volume());
        long maxVol = Math.max(1, java.util.Arrays.stream(vol).max().orElse(1));
        double plotH = H - 2 * PAD - 60;
        for (int b = 0; b < buckets; b++) {
            double bh = 55.0 * vol[b] / maxVol;
            double x = PAD + (W - 2.0 * PAD) * b / buckets;
            s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#9ecae1'/>",
                    x, H - PAD - bh, (W - 2.0 * PAD) / buckets - 1, bh));
        }
        s.append("<polyline fill='none' stroke='#08519c' stroke-width='1.5' points='");
        for (Point p : points) {
            double x = PAD + (W - 2.0 * PAD) * (p.timeMs() - t0) / (t1 - t0);
            double y = PAD + plotH * (hi - p.value()) / (hi - lo);
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        s.append("'/>");
        s.append(text(PAD - 5, PAD + 4, money(hi), "end")).append(text(PAD - 5, (int) (PAD + plotH), money(lo), "end"));
        s.append(text(PAD, H - PAD + 14, clock(t0), "start")).append(text(W - PAD, H - PAD + 14, clock(t1), "end"));
        s.append(text(PAD, H - 10, String.format(Locale.ROOT, "volume per %.1f s; %d trades over %d s (UTC)",
                (t1 - t0) / 1000.0 / buckets, points.size(), (t1 - t0) / 1000), "start"));
        return s.append(axes()).append("</svg>\n").toString();
    }

    /** Horizontal bars with their values and notes. */
    public static String bars(String title, List<Bar> bars, String unit) {
        int h = Math.max(120, 40 + 28 * bars.size());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg'"
                + " width='%d' height='%d' font-family='sans-serif' font-size='12'>", W, h));
        s.append(text(W / 2, 18, title, "middle"));
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 32 + 28 * i;
            double w = (W - 420.0) * b.value() / max;
            s.append(text(110, y + 14, b.label(), "end"));
            s.append(String.format(Locale.ROOT, "<rect x='118' y='%d' width='%.1f' height='18' fill='#31a354'/>",
                    y, Math.max(1, w)));
            s.append(text((int) (124 + w), y + 14, String.format(Locale.ROOT, "%,d %s %s", b.value(), unit,
                    b.note()), "start"));
        }
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder header(String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d'"
                + " height='%d' font-family='sans-serif' font-size='12'>", W, H)).append(text(W / 2, 20, title,
                "middle"));
    }

    private static String axes() {
        return String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>"
                + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>", PAD, PAD, PAD, H - PAD, PAD, H - PAD,
                W - PAD, H - PAD);
    }

    private static String text(int x, int y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='%s'>%s</text>", x, y, anchor,
                escape(text));
    }

    private static String clock(long epochMs) {
        return java.time.LocalTime.ofNanoOfDay(Math.floorMod(epochMs, 86_400_000L) * 1_000_000L)
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
    }

    /** Minor units as a decimal amount. */
    public static String money(long minor) {
        if (minor < 0 && minor != Long.MIN_VALUE) {
            return "-" + money(-minor);
        }
        return String.format(Locale.ROOT, "%,d.%02d", minor / 100, Math.abs(minor % 100));
    }

    /** XML-escapes text. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
