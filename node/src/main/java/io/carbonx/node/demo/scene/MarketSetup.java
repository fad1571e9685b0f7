package io.carbonx.node.demo.scene;

import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoNodeConfig;
import io.carbonx.node.demo.DemoPlan;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The regulator defines the instruments in the registry, allocates allowances of two vintages and issues offsets;
 * every enterprise deposits its cash (standing in for its settlement bank); the exchange operator funds the energy
 * pool's platform account. Every accepted credit is recorded in the {@link DayLog} (the conservation checks compare
 * the registry's accounts with it).
 */
public final class MarketSetup {

    private final Cast cast;
    private final ExecutorService pool;
    private final Progress progress;
    private final DayLog log;

    /**
     * @param cast     who
     * @param pool     parallel requests
     * @param progress progress lines
     * @param log      records what was credited
     */
    public MarketSetup(Cast cast, ExecutorService pool, Progress progress, DayLog log) {
        this.cast = cast;
        this.pool = pool;
        this.progress = progress;
        this.log = log;
    }

    /** @return true when the registry accepts the energy instrument (pool trades can settle) */
    public boolean run() {
        Actor reg = cast.regulator();
        define(reg, DemoNodeConfig.SESSION, "ALLOWANCE", DemoPlan.YEAR);
        define(reg, DemoNodeConfig.CONTINUOUS, "ALLOWANCE", DemoPlan.YEAR + 1);
        define(reg, DemoNodeConfig.OFFSET, "OFFSET", DemoPlan.YEAR - 1);
        boolean energy = defineEnergy(reg);
        progress.info("instruments defined: %s, %s (allowances), %s (offsets)%s", DemoNodeConfig.SESSION,
                DemoNodeConfig.CONTINUOUS, DemoNodeConfig.OFFSET, energy ? ", " + DemoNodeConfig.ENERGY + " (energy)"
                        : "; " + DemoNodeConfig.ENERGY + " refused by the registry (see notes)");
        List<Runnable> credits = new ArrayList<>();
        long[] serial = {1_000_000};
        for (Cast.Enterprise e : cast.enterprises()) {
            var s = e.spec();
            credits.add(() -> allocate(reg, e, DemoNodeConfig.SESSION, s.allowances()));
            if (s.nextAllowances() > 0) {
                credits.add(() -> allocate(reg, e, DemoNodeConfig.CONTINUOUS, s.nextAllowances()));
            }
            if (s.offsets() > 0) {
                long from = serial[0];
                serial[0] += s.offsets();
                credits.add(() -> issue(reg, e, from, from + s.offsets() - 1));
            }
            credits.add(() -> deposit(e.actor(), e.id(), s.cashMinor(), "funding-" + s.profileName()));
        }
        if (energy) {
            credits.add(() -> deposit(cast.operator(), DemoNodeConfig.EXCHANGE_ACCOUNT, 50_000_000L, "platform-float"));
        }
        Waits.parallel(pool, credits, c -> {
            c.run();
            return null;
        });
        progress.info("allocated %s, issued %s offsets, deposited %,d.%02d in cash to %d accounts",
                log.createdUnits(), log.createdUnits().getOrDefault(DemoNodeConfig.OFFSET, 0L),
                total() / 100, total() % 100, log.deposits().size());
        return energy;
    }

    private long total() {
        return log.deposits().values().stream().mapToLong(Long::longValue).sum();
    }

    private static void define(Actor reg, String id, String kind, int vintage) {
        reg.call("defining " + id, "/api/v1/instruments", new JsonObject().put("instrumentId", id).put("kind", kind)
                .put("vintage", vintage));
    }

    private boolean defineEnergy(Actor reg) {
        ApiResponse r = reg.post("/api/v1/instruments", new JsonObject().put("instrumentId", DemoNodeConfig.ENERGY)
                .put("kind", "ENERGY").put("vintage", DemoPlan.YEAR));
        if (r.ok()) {
            return true;
        }
        ClientException e = ClientException.fromResponse("defining " + DemoNodeConfig.ENERGY, r);
        log.note("energy pool bidding: the registry refused the ENERGY instrument (" + e.getMessage() + "), so pool"
                + " trades cannot settle on this build; the pool-bidding step is skipped");
        return false;
    }

    private void allocate(Actor reg, Cast.Enterprise e, String instrument, long quantity) {
        reg.call("allocating " + instrument + " to " + e.actor(), "/api/v1/allocations", new JsonObject()
                .put("allocationId", "alloc-" + instrument + "-" + e.spec().profileName()).put("participantId", e.id())
                .put("instrumentId", instrument).put("quantity", quantity));
        log.created(instrument, quantity);
    }

    private void issue(Actor reg, Cast.Enterprise e, long from, long to) {
        reg.call("issuing offsets to " + e.actor(), "/api/v1/offsets", new JsonObject()
                .put("issuanceId", "ccer-" + e.spec().profileName()).put("participantId", e.id())
                .put("instrumentId", DemoNodeConfig.OFFSET).put("projectId", "CCER-WIND-" + (100 + e.spec().index()))
                .put("serialFrom", from).put("serialTo", to));
        log.created(DemoNodeConfig.OFFSET, to - from + 1);
    }

    private void deposit(Actor who, String account, long amount, String transferId) {
        who.call("depositing into " + account, "/api/v1/accounts/" + account + "/deposits", new JsonObject()
                .put("transferId", transferId).put("amountMinor", amount).put("bankReference", "demo bank transfer"));
        log.deposited(account, amount);
    }
}
