package io.carbonx.node.demo.report;

import io.carbonx.node.demo.DayChecks;
import io.carbonx.node.demo.check.CheckResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** The human-readable report ({@code demo-report.md}): the checks, the day in figures, the scenes, the charts. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Renders the report of {@code s} (the summary) with links to {@code charts}. */
    public static String render(JsonObject s, DayChecks.Result r, List<String> charts) {
        StringBuilder m = new StringBuilder();
        m.append("# CarbonX demo: a trading day\n\n");
        m.append(String.format(Locale.ROOT, "Seed %d, scale %s, %.0f s. Result: **%s**.%n%n", s.getLong("seed"),
                s.getValue("scale"), s.getDouble("durationSeconds"), s.getBoolean("passed") ? "PASSED" : "FAILED"));
        checks(m, r);
        figures(m, s);
        scenes(m, s.getJsonObject("scenes"), s.getJsonObject("participants").getJsonObject("names"));
        m.append("## Charts\n\n");
        charts.forEach(c -> m.append("![").append(c).append("](charts/").append(c).append(")\n\n"));
        evidence(m, s.getJsonArray("evidence"));
        JsonArray notes = s.getJsonArray("notes");
        if (!notes.isEmpty()) {
            m.append("## Notes\n\n");
            notes.forEach(n -> m.append("- ").append(n).append('\n'));
            m.append('\n');
        }
        return m.toString();
    }

    private static void checks(StringBuilder m, DayChecks.Result r) {
        m.append("## Checks\n\n| status | check | what was established |\n|---|---|---|\n");
        for (CheckResult c : r.checks()) {
            m.append("| ").append(c.status()).append(" | ").append(c.name()).append(" | ").append(cell(c.detail()))
                    .append(" |\n");
        }
        m.append('\n');
        for (CheckResult c : r.checks()) {
            if (c.status() == CheckResult.Status.FAILED) {
                m.append("**").append(c.name()).append("** failed:\n\n");
                c.problems().stream().limit(20).forEach(p -> m.append("- ").append(p).append('\n'));
                m.append('\n');
            }
        }
    }

    private static void figures(StringBuilder m, JsonObject s) {
        JsonObject p = s.getJsonObject("participants");
        JsonObject o = s.getJsonObject("orders");
        m.append("## The day in figures\n\n");
        m.append(String.format(Locale.ROOT, "- **Participants**: %d enterprises %s, a regulator, a verifier, a court"
                        + " and the exchange operator; final grades %s, statuses %s.%n", p.getInteger("enterprises"),
                p.getJsonObject("byKind").encode(), p.getJsonObject("finalGrades").encode(),
                p.getJsonObject("finalStatuses").encode()));
        m.append(String.format(Locale.ROOT, "- **Signed orders**: %d sent, %d taken by the gateway (refused: %s),"
                        + " %d accepted by the registry (rejected: %s); final states %s.%n", o.getInteger("sent"),
                o.getLong("taken"), o.getJsonObject("refusedByGateway").encode(), o.getInteger("accepted"),
                o.getJsonObject("rejectedByRegistry").encode(), o.getJsonObject("finalStates").encode()));
        JsonObject d = s.getJsonObject("defaults");
        JsonObject st = s.getJsonObject("settlement");
        m.append(String.format(Locale.ROOT, "- **Settlement**: %d trades settled (%d agreements), notional %s,"
                        + " commission %s; %d defaults %s, deposits forfeited to counterparties %s; %d freezes,"
                        + " %d cancellations.%n", st.getLong("tradesSettled"), st.getLong("agreementsSettled"),
                Svg.money(st.getLong("notionalSettledMinor")), Svg.money(st.getLong("commissionMinor")),
                d.getInteger("total"), d.getJsonObject("byKind").encode(), Svg.money(d.getLong("forfeitedMinor")),
                st.getInteger("freezes"), st.getInteger("cancellations")));
        JsonObject ra = s.getJsonObject("ratings");
        m.append(String.format(Locale.ROOT, "- **Ratings**: %d changes (%d downgrades, %d upgrades).%n",
                ra.getInteger("changes"), ra.getLong("downgrades"), ra.getLong("upgrades")));
        JsonObject c = s.getJsonObject("compliance");
        m.append(String.format(Locale.ROOT, "- **Compliance %d**: %d enterprises settled, shortfall %d t, %d"
                        + " penalties of %s (paid %s, debt %s).%n", c.getInteger("year"), c.getInteger("settled"),
                c.getLong("shortfallTonnes"), c.getJsonArray("penalties").size(), Svg.money(c.getLong("penaltiesMinor")),
                Svg.money(c.getLong("paidMinor")), Svg.money(c.getLong("debtMinor"))));
        JsonObject ch = s.getJsonObject("chain");
        m.append(String.format(Locale.ROOT, "- **Chain**: height %d, %,d events anchored (caught up %d ms after the"
                + " day ended).%n%n", ch.getLong("height"), ch.getLong("eventsAnchored"), ch.getLong("catchUpMs")));
        trades(m, s.getJsonObject("trades"));
        auctions(m, s.getJsonArray("auctions"));
    }

    private static void trades(StringBuilder m, JsonObject t) {
        m.append("| instrument | trades | volume | VWAP | low | high | first | last |\n|---|---|---|---|---|---|---|---|\n");
        JsonObject by = t.getJsonObject("byInstrument");
        for (String i : by.fieldNames()) {
            JsonObject x = by.getJsonObject(i);
            m.append(String.format(Locale.ROOT, "| %s | %d | %,d | %s | %s | %s | %s | %s |%n", i, x.getLong("trades"),
                    x.getLong("volume"), Svg.money(x.getLong("vwapMinor")), Svg.money(x.getLong("lowMinor")),
                    Svg.money(x.getLong("highMinor")), Svg.money(x.getLong("firstMinor")),
                    Svg.money(x.getLong("lastMinor"))));
        }
        m.append("\nTrades by venue: ").append(t.getJsonObject("byVenue").encode()).append("\n\n");
    }

    private static void auctions(StringBuilder m, JsonArray a) {
        m.append("| auction | instrument | kind | clearing price | executed | imbalance |\n|---|---|---|---|---|---|\n");
        int periodic = 0;
        for (int i = 0; i < a.size(); i++) {
            JsonObject x = a.getJsonObject(i);
            if ("PERIODIC".equals(x.getString("kind")) && periodic++ >= 5) {
                continue;
            }
            Long price = x.getLong("clearingPriceMinor");
            m.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d |%n", x.getString("auctionId"),
                    x.getString("instrumentId"), x.getString("kind"), price == null ? "-" : Svg.money(price),
                    x.getLong("executedQuantity"), x.getLong("imbalanceQuantity")));
        }
        if (periodic > 5) {
            m.append("| ... | | ").append(periodic - 5).append(" more periodic uncrosses | | | |\n");
        }
        m.append('\n');
    }

    private static String who(JsonObject names, String id) {
        String n = names.getString(id);
        return n == null ? id : n + " (" + id + ")";
    }

    private static void scenes(StringBuilder m, JsonObject s, JsonObject names) {
        m.append("## Scenes\n\n");
        JsonObject before = s.getJsonObject("scene.deposit.before");
        JsonObject after = s.getJsonObject("scene.deposit.after");
        if (before != null && after != null) {
            m.append(String.format(Locale.ROOT, "- **Deposit follows the grade**: the defaulter's order of notional %s"
                            + " locked %s (%.2f %%, grade %s) before its payment default and %s (%.2f %%, grade %s)"
                            + " after.%n", Svg.money(before.getLong("notionalMinor")),
                    Svg.money(before.getLong("depositMinor")), before.getLong("shareBps") / 100.0,
                    before.getString("grade"), Svg.money(after.getLong("depositMinor")),
                    after.getLong("shareBps") / 100.0, after.getString("grade")));
        }
        JsonObject pr = s.getJsonObject("scene.priority");
        if (pr != null) {
            JsonObject first = pr.getJsonObject("first");
            JsonObject second = pr.getJsonObject("second");
            m.append(String.format(Locale.ROOT, "- **Priority follows the grade**: at %s, a %s buyer bid first and a %s"
                            + " buyer second; the sell filled the %s one.%n", Svg.money(pr.getLong("price")),
                    first.getString("grade"), second.getString("grade"), second.getBoolean("filled")
                            ? "second (better-rated)" : "first"));
        }
        for (String k : List.of("scene.default", "scene.delivery")) {
            JsonObject d = s.getJsonObject(k);
            if (d != null) {
                m.append(String.format(Locale.ROOT, "- **%s default** %s: %s owed %s; its deposit %s moved to %s.%n",
                        d.getString("kind"), d.getString("defaultId"), who(names, d.getString("defaulterId")),
                        Svg.money(d.getLong("amountMinor", 0L)), Svg.money(d.getJsonObject("forfeit",
                                new JsonObject()).getLong("amountMinor", 0L)),
                        who(names, d.getString("counterpartyId"))));
            }
        }
        JsonObject c = s.getJsonObject("scene.cancelled");
        if (c != null) {
            m.append("- **Freeze and cancellation**: the regulator froze ")
                    .append(who(names, c.getString("participant")))
                    .append(" and cancelled its account (status ").append(c.getString("status")).append(").\n");
        }
        m.append('\n');
    }

    private static void evidence(StringBuilder m, JsonArray e) {
        m.append("## Evidence\n\n");
        for (int i = 0; i < e.size(); i++) {
            JsonObject x = e.getJsonObject(i);
            m.append("- ").append(x.getString("check")).append(": ").append(x.getString("status"))
                    .append(x.getString("file") == null ? "" : " (`" + x.getString("file") + "`, " + x.getInteger(
                            "events") + " events, verified up to height " + x.getLong("latestHeight") + ")").append('\n');
        }
        m.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
