package io.carbonx.node.demo.report;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.TradeSettled;
import io.carbonx.node.demo.Anchoring;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayChecks;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoNodeConfig;
import io.carbonx.node.demo.DemoOptions;
import io.carbonx.node.demo.DemoPlan;
import io.carbonx.node.demo.check.CheckResult;
import io.carbonx.node.demo.check.EvidenceCheck;
import io.carbonx.node.demo.facts.DayFacts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** The machine-readable summary of a demo run ({@code demo-summary.json}). */
public final class Summary {

    private Summary() {
    }

    /** Builds it. */
    public static JsonObject build(DemoOptions options, DemoPlan plan, Cast cast, DayLog log, DayChecks.Result r,
                                   Anchoring.Result anchored, double seconds) {
        DayFacts f = r.facts();
        Map<String, Integer> states = new TreeMap<>();
        r.states().forEach((k, v) -> states.put(k.name(), v));
        JsonObject out = new JsonObject()
                .put("seed", options.seed()).put("scale", options.scale())
                .put("durationSeconds", Math.round(seconds * 10) / 10.0)
                .put("participants", participants(cast, r))
                .put("instruments", new JsonArray(DemoNodeConfig.INSTRUMENTS))
                .put("orders", DayStats.orders(f, log, states))
                .put("trades", DayStats.trades(f))
                .put("auctions", DayStats.auctions(f))
                .put("settlement", settlement(f))
                .put("defaults", DayStats.defaults(f))
                .put("ratings", ratings(f, r))
                .put("depositsByGrade", DayStats.depositsByGrade(f))
                .put("compliance", compliance(f))
                .put("chain", new JsonObject().put("height", anchored.height()).put("eventsAnchored", anchored.events())
                        .put("anchoredTopicEndOffsets", anchored.records()).put("catchUpMs", anchored.waitedMs()))
                .put("scenes", scenes(log))
                .put("evidence", evidence(r))
                .put("events", counts(f))
                .put("checks", checks(r))
                .put("passed", r.passed())
                .put("notes", new JsonArray(log.notes()));
        out.put("plan", new JsonObject().put("enterprises", plan.enterprises()).put("flowOrders", plan.flowOrders())
                .put("preOpenOrders", plan.preOpenOrders()).put("closingOrders", plan.closingOrders())
                .put("openAfterMs", plan.openAfterMs()).put("continuousMs", plan.continuousMs())
                .put("closingCallMs", plan.closingCallMs()));
        return out;
    }

    private static JsonObject participants(Cast cast, DayChecks.Result r) {
        Map<String, Integer> kinds = new TreeMap<>();
        cast.enterprises().forEach(e -> kinds.merge(e.spec().kind().name(), 1, Integer::sum));
        Map<String, Integer> grades = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        r.accounts().stream().filter(a -> "ENTERPRISE".equals(a.getString("role"))).forEach(a -> {
            grades.merge(a.getString("grade"), 1, Integer::sum);
            statuses.merge(a.getString("status"), 1, Integer::sum);
        });
        JsonObject k = new JsonObject();
        kinds.forEach(k::put);
        JsonObject g = new JsonObject();
        grades.forEach(g::put);
        JsonObject s = new JsonObject();
        statuses.forEach(s::put);
        JsonObject names = new JsonObject();
        cast.names().forEach(names::put);
        return new JsonObject().put("enterprises", cast.enterprises().size()).put("byKind", k)
                .put("regulator", cast.regulator().id()).put("verifier", cast.verifier().id())
                .put("court", cast.court().id()).put("exchangeOperator", cast.operator().id())
                .put("finalGrades", g).put("finalStatuses", s).put("names", names);
    }

    private static JsonObject settlement(DayFacts f) {
        long settled = f.all(TradeSettled.class).size();
        long agreements = f.all(TradeSettled.class).stream().filter(TradeSettled::getAgreement).count();
        long notional = f.all(TradeSettled.class).stream().mapToLong(TradeSettled::getNotionalMinor).sum();
        long commission = f.all(TradeSettled.class).stream().mapToLong(t -> t.getBuyerCommissionMinor()
                + t.getSellerCommissionMinor()).sum();
        return new JsonObject().put("tradesSettled", settled).put("agreementsSettled", agreements)
                .put("notionalSettledMinor", notional).put("commissionMinor", commission)
                .put("agreementsRegistered", f.all(io.carbonx.events.AgreementRegistered.class).size())
                .put("freezes", f.all(AccountFrozen.class).size())
                .put("cancellations", f.all(AccountCancelled.class).size());
    }

    private static JsonObject ratings(DayFacts f, DayChecks.Result r) {
        long down = f.all(CreditRatingChanged.class).stream().filter(c -> c.getScore() < c.getPreviousScore()
                && c.getPreviousScore() > 0).count();
        long up = f.all(CreditRatingChanged.class).stream().filter(c -> c.getScore() > c.getPreviousScore()
                && c.getPreviousScore() > 0).count();
        return new JsonObject().put("changes", f.all(CreditRatingChanged.class).size()).put("downgrades", down)
                .put("upgrades", up);
    }

    private static JsonObject compliance(DayFacts f) {
        long shortfall = f.all(ComplianceSettled.class).stream().mapToLong(ComplianceSettled::getShortfallTonnes).sum();
        JsonArray penalties = new JsonArray();
        long amount = 0;
        long paid = 0;
        long debt = 0;
        for (PenaltyApplied p : f.all(PenaltyApplied.class)) {
            amount += p.getAmountMinor();
            paid += p.getPaidMinor();
            debt += p.getDebtMinor();
            penalties.add(new JsonObject().put("penaltyId", p.getPenaltyId()).put("participantId", p.getParticipantId())
                    .put("shortfallTonnes", p.getShortfallTonnes()).put("amountMinor", p.getAmountMinor())
                    .put("paidMinor", p.getPaidMinor()).put("debtMinor", p.getDebtMinor()));
        }
        return new JsonObject().put("year", DemoPlan.YEAR).put("settled", f.all(ComplianceSettled.class).size())
                .put("shortfallTonnes", shortfall).put("penaltiesMinor", amount).put("paidMinor", paid)
                .put("debtMinor", debt).put("penalties", penalties);
    }

    private static JsonObject scenes(DayLog log) {
        JsonObject s = new JsonObject();
        log.facts().forEach((k, v) -> s.put(k, v instanceof JsonObject || v instanceof Number || v instanceof String
                || v instanceof Boolean ? v : String.valueOf(v)));
        return s;
    }

    private static JsonArray evidence(DayChecks.Result r) {
        JsonArray out = new JsonArray();
        for (EvidenceCheck.Outcome e : r.evidence()) {
            out.add(new JsonObject().put("check", e.check().name()).put("status", e.check().status().name())
                    .put("file", e.file()).put("events", e.events()).put("latestHeight", e.height()));
        }
        return out;
    }

    private static JsonObject counts(DayFacts f) {
        JsonObject o = new JsonObject();
        f.counts().forEach(o::put);
        return o;
    }

    private static JsonArray checks(DayChecks.Result r) {
        JsonArray out = new JsonArray();
        for (CheckResult c : r.checks()) {
            out.add(new JsonObject().put("name", c.name()).put("status", c.status().name()).put("detail", c.detail())
                    .put("problems", new JsonArray(c.problems().stream().limit(20).toList())));
        }
        return out;
    }
}
