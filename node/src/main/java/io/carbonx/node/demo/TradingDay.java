package io.carbonx.node.demo;

import io.carbonx.node.demo.scene.Accounts;
import io.carbonx.node.demo.scene.AgreementScene;
import io.carbonx.node.demo.scene.AuctionScene;
import io.carbonx.node.demo.scene.ComplianceScene;
import io.carbonx.node.demo.scene.DefaultScene;
import io.carbonx.node.demo.scene.Market;
import io.carbonx.node.demo.scene.OrderFlow;
import io.carbonx.node.demo.scene.Orders;
import io.carbonx.node.demo.scene.SettlementWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The trading day, scene by scene, on the session timetable:
 * <ol>
 *   <li>opening call of the session instrument (crossing orders collected in its pre-open phase); the regulator
 *       opens the primary allocation auction of the next vintage, enterprises bid;</li>
 *   <li>morning flow on the continuous instrument, the offset's periodic auctions and the energy pool;</li>
 *   <li>on the quieted continuous book: the scripted payment default, the downgrade, the larger deposit, grade
 *       priority;</li>
 *   <li>the opening uncross; the day's main flow, paced over the continuous phase, with two agreements (one clean,
 *       one undeliverable);</li>
 *   <li>closing call and closing uncross; once the registry has taken the day's last trades
 *       ({@link SettlementWait}), the rogue's delivery default, its freeze and cancellation by the regulator; the
 *       regulator closes the primary auction;</li>
 *   <li>the annual compliance settlement.</li>
 * </ol>
 */
public final class TradingDay {

    private final Cast cast;
    private final DemoPlan plan;
    private final long seed;
    private final ExecutorService pool;
    private final Progress progress;
    private final DayLog log;
    private final Orders orders;
    private final Accounts accounts;
    private final OrderFlow flow;
    private final AuctionScene auctions;

    /**
     * @param cast     who
     * @param plan     sizes and timetable
     * @param seed     the demo's seed
     * @param pool     client threads
     * @param progress progress lines
     * @param log      what was sent
     */
    public TradingDay(Cast cast, DemoPlan plan, long seed, ExecutorService pool, Progress progress, DayLog log) {
        this.cast = cast;
        this.plan = plan;
        this.seed = seed;
        this.pool = pool;
        this.progress = progress;
        this.log = log;
        this.orders = new Orders(log);
        this.accounts = new Accounts(cast.regulator());
        this.flow = new OrderFlow(seed);
        this.auctions = new AuctionScene(cast, progress, log);
    }

    /**
     * The morning: pre-open call, primary auction bids, the morning flow, the scripted default scene; returns when
     * the session instrument is open (after its opening uncross).
     *
     * @param openAtMs  epoch ms of the opening uncross
     * @param closeAtMs epoch ms of the closing uncross (the primary auction closes then too)
     * @param energy    whether pool trades can settle on this build
     */
    public void morning(long openAtMs, long closeAtMs, boolean energy) {
        String phase = auctions.phase(DemoNodeConfig.SESSION);
        if ("PRE_OPEN".equals(phase)) {
            int n = OrderFlow.send(flow.planCall(cast.flow(), Market.SESSION, plan.preOpenOrders()), orders, pool,
                    plan.clients(), 0, "call.opening");
            progress.info("%s pre-open: %d orders collected for the opening call (opens in %d s)",
                    DemoNodeConfig.SESSION, n, Math.max(0, openAtMs - System.currentTimeMillis()) / 1_000);
        } else {
            log.note("the opening call was missed: " + DemoNodeConfig.SESSION + " was already " + phase + " when the"
                    + " pre-open orders were ready (a slow machine; rerun with a larger --open-after)");
            progress.info("%s is %s already: the opening call was missed (see notes)", DemoNodeConfig.SESSION, phase);
        }
        List<Cast.Enterprise> bidders = cast.flow().stream().filter(e -> e.spec().kind() != EnterpriseSpec.Kind.THIN)
                .limit(plan.auctionBidders()).toList();
        auctions.schedulePrimary(DemoNodeConfig.CONTINUOUS, DemoPlan.YEAR + 1, bidders, closeAtMs, seed);
        List<Market> markets = new ArrayList<>(List.of(Market.CONTINUOUS, Market.OFFSET));
        List<Integer> weights = new ArrayList<>(List.of(6, 2));
        if (energy) {
            markets.add(Market.ENERGY);
            weights.add(2);
        }
        int count = plan.flowOrders() * 3 / 10;
        int taken = OrderFlow.send(flow.plan(cast.flow(), markets, ints(weights), count), orders, pool,
                plan.clients(), 0, "flow.morning");
        progress.info("morning flow: %d signed orders taken on %s", taken, markets.stream().map(Market::id).toList());
        DefaultScene scene = new DefaultScene(cast, orders, accounts, progress, log, DemoNodeConfig.CONTINUOUS);
        scene.quietBook();
        scene.run();
        if (System.currentTimeMillis() < openAtMs) {
            progress.info("waiting %d s for the opening uncross of %s", (openAtMs - System.currentTimeMillis())
                    / 1_000, DemoNodeConfig.SESSION);
        }
        Waits.untilTime(openAtMs);
        auctions.awaitUncross(DemoNodeConfig.SESSION, "OPENING", Duration.ofSeconds(60), "auction.opening");
    }

    /**
     * The day's main flow over the continuous phase, agreements, the rogue's default and its freeze and
     * cancellation, the closing call and the primary auction's close.
     */
    public void afternoon(long closingAtMs, long closeAtMs, boolean energy) {
        AgreementScene agreements = new AgreementScene(cast, orders, accounts, progress, log, DemoNodeConfig.SESSION);
        agreements.register(8_000, 20_000);
        List<Market> markets = new ArrayList<>(List.of(Market.SESSION, Market.CONTINUOUS, Market.OFFSET));
        List<Integer> weights = new ArrayList<>(List.of(11, 4, 2));
        if (energy) {
            markets.add(Market.ENERGY);
            weights.add(3);
        }
        int count = plan.flowOrders() - plan.flowOrders() * 3 / 10;
        long duration = Math.max(5_000, closingAtMs - System.currentTimeMillis() - 8_000);
        progress.info("main flow: %d orders over %d s of continuous trading", count, duration / 1_000);
        int taken = OrderFlow.send(flow.plan(cast.flow(), markets, ints(weights), count), orders, pool,
                plan.clients(), duration, "flow.main");
        progress.info("main flow: %d signed orders taken", taken);
        Waits.untilTime(closingAtMs);
        if (System.currentTimeMillis() < closeAtMs - 2_000) {
            auctions.awaitPhase(DemoNodeConfig.SESSION, "CLOSING_AUCTION", Duration.ofSeconds(60));
            int n = OrderFlow.send(flow.planCall(cast.flow(), Market.SESSION, plan.closingOrders()), orders, pool,
                    plan.clients(), 0, "call.closing");
            progress.info("%s closing call: %d orders collected (closes in %d s)", DemoNodeConfig.SESSION, n,
                    Math.max(0, closeAtMs - System.currentTimeMillis()) / 1_000);
        } else {
            log.note("the closing call was missed: the main flow ended after the call had closed (a slow machine;"
                    + " rerun with a larger --open-after or a smaller --scale)");
        }
        Waits.untilTime(closeAtMs);
        auctions.awaitUncross(DemoNodeConfig.SESSION, "CLOSING", Duration.ofSeconds(60), "auction.closing");
        SettlementWait settled = new SettlementWait(cast.regulator(), progress, log);
        for (Market m : markets) {
            settled.await(m.id(), 300, Duration.ofSeconds(60));
        }
        agreements.defaultFreezeCancel();
        auctions.closePrimary(DemoNodeConfig.CONTINUOUS, closeAtMs);
    }

    /** The annual compliance settlement. */
    public void compliance() {
        new ComplianceScene(cast, accounts, pool, progress, log).run();
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
