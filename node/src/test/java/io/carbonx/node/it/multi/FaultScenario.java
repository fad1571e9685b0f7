package io.carbonx.node.it.multi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Session;
import io.carbonx.node.client.TopicReader;
import io.carbonx.schemas.Topics;
import org.apache.kafka.common.TopicPartition;

/**
 * The steps of {@link MultiProcessFaultIT} on one {@link Cluster}: each waits, bounded, for what it needs, marks the
 * timeline and records its figures.
 */
final class FaultScenario implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final double ORDERS_PER_SECOND = 16;
    private static final int TRADERS = 6;

    private final Cluster cluster;
    private final Consortium consortium;
    private final Timeline timeline;
    private final long seed;
    private final ChainWatch chain;
    private Market market;
    private OrderLoad load;
    private TopicReader reader;
    private Map<TopicPartition, Long> drained;
    private double loadStartedAt;
    private double loadStoppedAt;

    FaultScenario(Cluster cluster, Consortium consortium, Timeline timeline, long seed) {
        this.cluster = cluster;
        this.consortium = consortium;
        this.timeline = timeline;
        this.seed = seed;
        this.chain = new ChainWatch(cluster);
    }

    void start() throws Exception {
        cluster.startAndAwait(START, Cluster.BROKER);
        cluster.createTopics();
        reader = new TopicReader(new KafkaClients(cluster.bootstrapServers()), "fault-test-reader",
                Duration.ofSeconds(60));
        timeline.mark("broker up at " + cluster.bootstrapServers() + ", catalogue topics created");
        String[] roles = {Cluster.REGISTRY, Cluster.GATEWAY, Cluster.MATCHER, Cluster.RATING,
                Cluster.validator(0), Cluster.validator(1), Cluster.validator(2), Cluster.validator(3)};
        cluster.startAndAwait(START, roles);
        StringBuilder pids = new StringBuilder();
        cluster.roles().forEach(r -> pids.append(r.name()).append('=').append(r.pid()).append(' '));
        timeline.mark("all 9 processes ready: " + pids.toString().trim());
    }

    void openMarket() throws Exception {
        market = Market.open(cluster.role(Cluster.REGISTRY).url(), consortium.bootstrapId(),
                consortium.bootstrapSigner());
        market.defineInstruments();
        market.enterprises(TRADERS);
        Waits.until("the gateway's directory knows every enterprise", WAIT, 250, () -> cluster
                .role(Cluster.GATEWAY).component("api").map(a -> a.getInteger("participants", 0) > TRADERS)
                .orElse(false), () -> cluster.role(Cluster.GATEWAY).health().toString());
        timeline.mark("market open: " + TRADERS + " enterprises registered, approved, funded and allocated"
                + " through the registry");
    }

    /** A token issued by the gateway works at the registry (and the load uses registry tokens at the gateway). */
    void tokensCrossNodes() {
        Market.Trader t = market.traders().get(0);
        Session atGateway = Session.login(new NodeClient(cluster.role(Cluster.GATEWAY).url(),
                Duration.ofSeconds(20)), t.id, t.signer);
        assertThat(new NodeClient(cluster.role(Cluster.REGISTRY).url(), Duration.ofSeconds(20))
                .get("/api/v1/accounts/" + t.id, atGateway.token()).status())
                .as("a token issued by the gateway process, used at the registry process").isEqualTo(200);
        timeline.mark("a token issued by the gateway is accepted by the registry; the load signs in at the"
                + " registry and trades at the gateway");
    }

    void runLoad() {
        load = new OrderLoad(cluster.role(Cluster.GATEWAY).url(), market, seed, ORDERS_PER_SECOND);
        load.start();
        loadStartedAt = timeline.now();
        long h0 = chain.maxHeight();
        Waits.until("80 orders taken and 3 blocks committed", WAIT, 250, () -> load.count() >= 80
                && chain.maxHeight() >= h0 + 3, this::state);
        timeline.mark("load running at " + ORDERS_PER_SECOND + " orders/s target: " + load.count()
                + " orders taken, chain height " + chain.maxHeight());
    }

    int killValidatorThatIsNotPrimary() {
        int primary = chain.primary();
        int victim = (primary + Cluster.VALIDATORS - 1) % Cluster.VALIDATORS;
        long h = chain.maxHeight();
        cluster.role(Cluster.validator(victim)).kill9();
        timeline.mark("kill -9 validator " + victim + " (not the primary, which is " + primary + ") at height "
                + h);
        double t = timeline.now();
        Waits.until("the other three commit 5 more blocks", WAIT, 200, () -> chain.minHeightExcept(victim)
                >= h + 5, chain::describe);
        timeline.mark("3 of 4 validators committed heights " + (h + 1) + ".." + chain.minHeightExcept(victim)
                + " without validator " + victim);
        timeline.figure("blocks committed with 3 of 4 (first 5)", String.format("%.1f s", timeline.now() - t));
        return victim;
    }

    void restartValidator(int id, String what) {
        RoleProcess v = cluster.role(Cluster.validator(id));
        double t = timeline.now();
        v.start();
        v.awaitReady(START);
        double ready = timeline.now();
        long others = chain.minHeightExcept(id);
        timeline.mark("restarted validator " + id + " (" + what + ", pid " + v.pid() + "): ready after "
                + String.format("%.1f s", ready - t) + ", at height " + chain.status(id).map(ChainWatch.Status::height)
                .orElse(-1L) + " while the others are at " + others);
        Waits.until("validator " + id + " catches up", WAIT, 200, () -> chain.status(id).map(ChainWatch.Status::height)
                .orElse(-1L) >= chain.minHeightExcept(id), chain::describe);
        timeline.mark("validator " + id + " caught up at height " + chain.status(id).map(ChainWatch.Status::height)
                .orElse(-1L));
        timeline.figure("catch-up of " + what + " (start -> ready)", String.format("%.1f s", ready - t));
        timeline.figure("catch-up of " + what + " (ready -> caught up)", String.format("%.1f s",
                timeline.now() - ready));
    }

    int killPrimary() {
        int primary = chain.primary();
        long view = chain.status(primary).map(ChainWatch.Status::view).orElseThrow();
        long h = chain.maxHeight();
        cluster.role(Cluster.validator(primary)).kill9();
        double t = timeline.now();
        timeline.mark("kill -9 the primary, validator " + primary + " (view " + view + ", height " + h + ")");
        Waits.until("the other three enter a new view", WAIT, 100, () -> chain.living().size() == 3
                && chain.living().stream().allMatch(s -> s.view() > view && !s.viewChanging()
                && s.primary() != primary), chain::describe);
        double changed = timeline.now();
        timeline.mark("view change: validators now in view " + chain.living().get(0).view() + " with primary "
                + chain.primary());
        Waits.until("the new view commits 3 blocks", WAIT, 100, () -> chain.minHeightExcept(primary) >= h + 3,
                chain::describe);
        timeline.mark("progress in the new view: height " + chain.minHeightExcept(primary));
        timeline.figure("time to view change (kill -> new view)", String.format("%.2f s", changed - t));
        timeline.figure("time to progress (kill -> 3 blocks)", String.format("%.2f s", timeline.now() - t));
        return primary;
    }

    void killMatcherAndRegistryMidLoad() {
        RoleProcess matcher = cluster.role(Cluster.MATCHER);
        RoleProcess registry = cluster.role(Cluster.REGISTRY);
        int taken = load.count();
        matcher.kill9();
        registry.kill9();
        timeline.mark("kill -9 the matcher and the registry mid-load (" + taken + " orders taken so far)");
        Waits.sleep(3_000);
        double t = timeline.now();
        matcher.start();
        registry.start();
        registry.awaitReady(START);
        double registryReady = timeline.now();
        matcher.awaitReady(START);
        double matcherReady = timeline.now();
        timeline.mark("restarted: registry ready after " + String.format("%.1f s", registryReady - t)
                + ", matcher after " + String.format("%.1f s", matcherReady - t) + "; the gateway took "
                + (load.count() - taken) + " orders meanwhile");
        Waits.until("the matcher owns every instrument partition again", WAIT, 250, () -> matcher
                .component("exchange").map(e -> e.getJsonArray("partitions").size() == instrumentPartitions())
                .orElse(false), () -> matcher.health().toString());
        double matching = timeline.now();
        int decided = OrderAudit.decided(reader);
        Waits.until("the registry decides new orders", WAIT, 500, () -> OrderAudit.decided(reader) > decided,
                this::state);
        timeline.mark("matching resumed (all partitions owned) and the registry decides again");
        timeline.figure("registry restart (start -> ready)", String.format("%.1f s", registryReady - t));
        timeline.figure("matcher restart (start -> partitions owned)", String.format("%.1f s", matching - t));
    }

    private static int instrumentPartitions() {
        return Topics.DEFAULT_INSTRUMENT_PARTITIONS;
    }

    void drain() {
        Waits.sleep(5_000);
        load.close();
        loadStoppedAt = timeline.now();
        int placed = load.count();
        timeline.mark("load stopped: " + placed + " orders taken, " + load.cancels() + " cancels, "
                + load.resends() + " re-sends, refusals " + load.refusals());
        Waits.until("every order is decided", WAIT, 1_000, () -> OrderAudit.decided(reader) >= placed,
                this::state);
        Waits.until("every trade is settled", WAIT, 1_000, () -> {
            OrderAudit.Result r = OrderAudit.audit(reader, load.placed(), Set.of());
            return r.trades() == r.settled() && StateChecks.pendingTrades(market) == 0;
        }, this::state);
        Map<TopicPartition, Long> drained = StateChecks.anchoredEnds(reader);
        Waits.until("the chain anchors everything written before the drain", WAIT, 1_000, () -> StateChecks
                .uncovered(reader, StateChecks.publishedHeaders(reader), drained).isEmpty(), chain::describe);
        this.drained = drained;
        timeline.mark("drained: every order decided, every trade settled, everything anchored (height "
                + chain.maxHeight() + ")");
    }

    void verify() {
        Set<String> open = new TreeSet<>();
        market.accounts().forEach(a -> a.getJsonArray("openOrderIds").forEach(o -> open.add((String) o)));
        OrderAudit.Result orders = OrderAudit.audit(reader, load.placed(), open);
        timeline.mark("orders: " + orders.summary());
        assertThat(orders.problems()).as("order accounting (seed " + seed + ")").isEmpty();
        assertThat(orders.accepted()).as("accepted orders").isGreaterThan(orders.placed() / 2);
        assertThat(orders.trades()).as("trades").isPositive();

        List<String> conservation = StateChecks.conservation(market);
        timeline.mark(conservation.get(conservation.size() - 1));
        assertThat(conservation.subList(0, conservation.size() - 1)).as("conservation").isEmpty();
        assertThat(StateChecks.ledgerInvariants(reader, Topics.REGISTRY_JOURNAL,
                cluster.registryConfig().ledger())).as("ledger invariants of the journal's fold").isEmpty();

        var result = StateChecks.chain(reader, consortium, drained);
        result.report().lines().forEach(l -> timeline.mark("chain " + l.render()));
        assertThat(result.report().failures()).as("chain verification").isEmpty();
        timeline.figure("chain", "height " + result.height() + ", " + result.events() + " events anchored");

        var comparisons = Replays.compare(cluster, reader);
        comparisons.forEach(c -> timeline.mark("replay " + c.service() + " " + c.scope() + " at " + c.position()
                + ": " + (c.equal() ? "equal " + c.live() : "DIFFERS live " + c.live() + " replayed "
                + c.replayed())));
        assertThat(comparisons).as("replay comparisons").isNotEmpty()
                .allSatisfy(c -> assertThat(c.equal()).as(c.toString()).isTrue());
        timeline.figure("orders", orders.summary());
        double seconds = loadStoppedAt - loadStartedAt;
        timeline.figure("load through the faults", String.format("%d orders and %d cancels in %.0f s (%.1f orders/s,"
                + " target %.0f)", load.count(), load.cancels(), seconds, load.count() / seconds, ORDERS_PER_SECOND));
    }

    private String state() {
        return "taken " + (load == null ? 0 : load.count()) + ", decided " + OrderAudit.decided(reader)
                + ", chain " + chain.describe();
    }

    @Override
    public void close() {
        if (load != null) {
            load.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
