package io.carbonx.node.demo.report;

import io.carbonx.events.TradeExecuted;
import io.carbonx.node.demo.Anchoring;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayChecks;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoNodeConfig;
import io.carbonx.node.demo.DemoOptions;
import io.carbonx.node.demo.DemoPlan;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the run's outputs into the output directory: {@code demo-summary.json} ({@link Summary}),
 * {@code demo-report.md} ({@link MarkdownReport}) and its charts under {@code charts/}: price and volume per
 * instrument, deposits locked by grade.
 */
public final class DemoReport {

    private final DemoOptions options;
    private final DemoPlan plan;
    private final Cast cast;
    private final DayLog log;
    private final DayChecks.Result result;
    private final Anchoring.Result anchored;
    private final double seconds;

    /**
     * @param options  the options
     * @param plan     the plan
     * @param cast     who took part
     * @param log      what was sent
     * @param result   the checks and facts
     * @param anchored the anchoring wait
     * @param seconds  the run's duration so far
     */
    public DemoReport(DemoOptions options, DemoPlan plan, Cast cast, DayLog log, DayChecks.Result result,
                      Anchoring.Result anchored, double seconds) {
        this.options = options;
        this.plan = plan;
        this.cast = cast;
        this.log = log;
        this.result = result;
        this.anchored = anchored;
        this.seconds = seconds;
    }

    /** Writes everything into {@code dir}; returns the summary. */
    public JsonObject write(Path dir) {
        JsonObject summary = Summary.build(options, plan, cast, log, result, anchored, seconds);
        Map<String, String> charts = charts(summary);
        try {
            Files.createDirectories(dir.resolve("charts"));
            for (Map.Entry<String, String> c : charts.entrySet()) {
                Files.writeString(dir.resolve("charts").resolve(c.getKey()), c.getValue(), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve("demo-summary.json"), summary.encodePrettily() + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("demo-report.md"), MarkdownReport.render(summary, result,
                    new ArrayList<>(charts.keySet())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }

    private Map<String, String> charts(JsonObject summary) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String instrument : DemoNodeConfig.INSTRUMENTS) {
            List<Svg.Point> points = new ArrayList<>();
            for (TradeExecuted t : result.facts().all(TradeExecuted.class)) {
                if (t.getInstrumentId().equals(instrument)) {
                    points.add(new Svg.Point(t.getEnvelope().getLogicalTime(), t.getPriceMinor(), t.getQuantity()));
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            points.sort((a, b) -> Long.compare(a.timeMs(), b.timeMs()));
            out.put("price-" + instrument + ".svg", Svg.priceVolume(instrument + ": trade prices (line) and volume"
                    + " (bars)", points));
        }
        List<Svg.Bar> bars = new ArrayList<>();
        JsonObject byGrade = summary.getJsonObject("depositsByGrade");
        for (String g : byGrade.fieldNames()) {
            JsonObject s = byGrade.getJsonObject(g);
            bars.add(new Svg.Bar(g, s.getLong("depositMinor") / 100, "(" + s.getLong("orders") + " orders at "
                    + s.getLong("shareBps") / 100.0 + " %)"));
        }
        out.put("deposits-by-grade.svg", Svg.bars("Deposits locked at order acceptance, by credit grade", bars,
                "in deposits"));
        return out;
    }
}
