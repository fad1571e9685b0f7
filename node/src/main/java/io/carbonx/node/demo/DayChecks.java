package io.carbonx.node.demo;

import io.carbonx.events.AuctionKind;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.demo.check.AllowanceConservation;
import io.carbonx.node.demo.check.CashConservation;
import io.carbonx.node.demo.check.ChainChecks;
import io.carbonx.node.demo.check.CheckResult;
import io.carbonx.node.demo.check.EvidenceCheck;
import io.carbonx.node.demo.check.OrderAccounting;
import io.carbonx.node.demo.check.ReplayChecks;
import io.carbonx.node.demo.check.ScenarioChecks;
import io.carbonx.node.demo.facts.CheckInputs;
import io.carbonx.node.demo.facts.DayFacts;
import io.carbonx.node.demo.facts.FactReader;
import io.carbonx.node.demo.scene.Accounts;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * After the day: reads what happened (the log's events, the registry's accounts and holdings) and runs every
 * check — what the day had to contain, conservation of cash and quantities, no lost event, the chain end to end,
 * state hashes on replay, the registry's invariants, evidence bundles verified offline.
 */
public final class DayChecks {

    /**
     * Everything the checks found.
     *
     * @param facts      the log's events
     * @param accounts   the registry's accounts
     * @param holdings   their holdings
     * @param checks     every check, in order
     * @param states     accepted orders per final state
     * @param evidence   the evidence bundles fetched
     */
    public record Result(DayFacts facts, List<JsonObject> accounts, Map<String, Map<String, long[]>> holdings,
                         List<CheckResult> checks, Map<OrderAccounting.State, Integer> states,
                         List<EvidenceCheck.Outcome> evidence) {
        /** True if no check failed. */
        public boolean passed() {
            return checks.stream().noneMatch(c -> c.status() == CheckResult.Status.FAILED);
        }
    }

    private final Cast cast;
    private final DayLog log;
    private final Progress progress;

    /**
     * @param cast     who
     * @param log      what the demo sent
     * @param progress progress lines
     */
    public DayChecks(Cast cast, DayLog log, Progress progress) {
        this.cast = cast;
        this.log = log;
        this.progress = progress;
    }

    /** Reads a consistent picture: the accounts' open orders unchanged across the read of the log. */
    public Snapshot snapshot(TopicReader reader) {
        Accounts accounts = new Accounts(cast.regulator());
        return Waits.until("a quiet registry (open orders unchanged while the log is read)", Duration.ofSeconds(120),
                2_000, () -> {
                    List<JsonObject> before = accounts.all();
                    DayFacts facts = new FactReader(reader).read();
                    List<JsonObject> after = accounts.all();
                    Set<String> open = CheckInputs.openOrders(before);
                    if (!open.equals(CheckInputs.openOrders(after))) {
                        return null;
                    }
                    Map<String, Map<String, long[]>> holdings = new TreeMap<>();
                    after.forEach(a -> holdings.put(a.getString("participantId"), accounts.holdings(
                            a.getString("participantId"))));
                    return new Snapshot(facts, after, holdings);
                });
    }

    /** The log and the registry at one moment. */
    public record Snapshot(DayFacts facts, List<JsonObject> accounts, Map<String, Map<String, long[]>> holdings) {
    }

    /** The checks of what the day contained. */
    public List<CheckResult> scenario(DayFacts f, boolean energy, int minEnterprises, long settledExpected) {
        ScenarioChecks s = new ScenarioChecks(f);
        List<CheckResult> out = new ArrayList<>();
        out.add(s.participants(minEnterprises));
        out.add(s.auction("opening call auction", DemoNodeConfig.SESSION, AuctionKind.OPENING));
        out.add(s.auction("closing call auction", DemoNodeConfig.SESSION, AuctionKind.CLOSING));
        out.add(s.auction("periodic call auctions", DemoNodeConfig.OFFSET, AuctionKind.PERIODIC));
        out.add(s.auction("primary allocation auction", DemoNodeConfig.CONTINUOUS, AuctionKind.PRIMARY));
        out.add(s.primaryAllocations());
        out.add(s.venue("continuous trading", TradeVenue.CONTINUOUS, null));
        out.add(energy ? s.venue("energy pool bidding", TradeVenue.POOL, DemoNodeConfig.ENERGY)
                : CheckResult.skipped("energy pool bidding", "the registry refuses ENERGY instruments on this build"
                        + " (UNSUPPORTED_INSTRUMENT_KIND): pool trades could not settle"));
        out.add(s.agreementSettled(String.valueOf(log.fact("agreement.clean"))));
        String defaulter = cast.scripted(EnterpriseSpec.Kind.DEFAULTER).id();
        ScenarioChecks.Found payment = s.defaultMoved("payment default", defaulter, DefaultKind.PAYMENT);
        out.add(payment.check());
        out.add(s.defaultMoved("delivery default", cast.scripted(EnterpriseSpec.Kind.ROGUE).id(),
                DefaultKind.DELIVERY).check());
        out.add(s.frozenAndCancelled(cast.scripted(EnterpriseSpec.Kind.ROGUE).id()));
        out.add(s.ratingFell(defaulter, payment.id()));
        out.add(s.depositShare(orderId("scene.deposit.before"), orderId("scene.deposit.after")));
        JsonObject priority = (JsonObject) log.fact("scene.priority");
        out.add(priority == null ? CheckResult.failed("priority follows the grade", "the scene did not run",
                List.of()) : s.priority(priority.getJsonObject("first").getString("orderId"),
                priority.getJsonObject("second").getString("orderId")));
        out.add(s.compliance(DemoPlan.YEAR, settledExpected));
        return out;
    }

    private String orderId(String fact) {
        Object f = log.fact(fact);
        return f instanceof JsonObject j ? j.getString("orderId") : null;
    }

    /** The invariant checks over a snapshot. */
    public OrderAccounting.Outcome invariants(Snapshot s, List<CheckResult> out) {
        out.add(CashConservation.check(CheckInputs.cash(s.facts(), log, s.accounts())));
        out.add(AllowanceConservation.check(CheckInputs.quotas(s.facts(), log, s.holdings())));
        OrderAccounting.Outcome orders = OrderAccounting.check(CheckInputs.orders(s.facts(), log, s.accounts()));
        out.add(withTrails(orders.check(), s.facts()));
        return orders;
    }

    /**
     * A failed order check with the log's trail of each order it names (first five): every event about it, in log
     * order, with its actor and logical time, so the report shows how the services came to disagree.
     */
    static CheckResult withTrails(CheckResult c, DayFacts f) {
        if (c.status() != CheckResult.Status.FAILED) {
            return c;
        }
        List<String> problems = new ArrayList<>(c.problems());
        c.problems().stream().map(p -> p.substring(0, Math.max(0, p.indexOf(':')))).filter(id -> !id.isBlank())
                .distinct().limit(5).forEach(id -> problems.add("trail of " + id + ": " + f.trail(id)));
        return new CheckResult(c.name(), c.status(), c.detail(), problems);
    }

    /** The chain, replay and audit checks. */
    public void chainAndReplay(TopicReader reader, NodeConfig config, ChainInputs chain,
                               java.util.function.Function<String, JsonObject> health, List<CheckResult> out) {
        out.add(new ChainChecks(reader).verify(chain.chainId(), chain.trust(), chain.certificates(),
                chain.validators()));
        ReplayChecks replay = new ReplayChecks(reader, config);
        out.add(replay.replay(health).check());
        out.add(replay.audit());
        progress.info("chain, replay and ledger audit checked");
    }

    /** The evidence of a trade, the scripted payment default and a penalty, as the court fetches them. */
    public List<EvidenceCheck.Outcome> evidence(EvidenceCheck check, DayFacts f, String defaultId) {
        String trade = f.all(TradeExecuted.class).stream().filter(t -> t.getVenue() == TradeVenue.CALL_AUCTION)
                .map(TradeExecuted::getTradeId).findFirst().orElse(f.all(TradeExecuted.class).stream()
                        .map(TradeExecuted::getTradeId).findFirst().orElse(null));
        String penalty = f.all(PenaltyApplied.class).stream().map(PenaltyApplied::getPenaltyId).findFirst()
                .orElse(null);
        List<EvidenceCheck.Outcome> out = new ArrayList<>();
        out.add(check.fetch("trades", "trade", trade, Duration.ofSeconds(120)));
        out.add(check.fetch("defaults", "default", defaultId, Duration.ofSeconds(120)));
        out.add(check.fetch("penalties", "penalty", penalty, Duration.ofSeconds(120)));
        return out;
    }

    /**
     * What the chain check trusts.
     *
     * @param chainId      the chain
     * @param trust        root and issuing CA (with the CRL)
     * @param certificates the validators' certificates
     * @param validators   n
     */
    public record ChainInputs(String chainId, io.carbonx.registry.identity.CertificateValidator trust,
                              io.carbonx.node.client.chain.ValidatorCertificates certificates, int validators) {
    }
}
