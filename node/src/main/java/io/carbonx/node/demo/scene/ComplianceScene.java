package io.carbonx.node.demo.scene;

import io.carbonx.events.SurrenderKind;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoNodeConfig;
import io.carbonx.node.demo.DemoPlan;
import io.carbonx.node.demo.EnterpriseSpec;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.carbonx.requests.SurrenderRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The annual compliance settlement of {@link DemoPlan#YEAR}: the verifier records every enterprise's verified
 * emissions (with the SHA-256 of its report); enterprises surrender allowances of the year's vintage and offsets
 * (within the offset cap) with signed requests — most cover their obligation, every fourth emitter holds back a
 * fifth of it, thin and defaulting enterprises have little to give; the regulator runs the settlement: every
 * shortfall is penalised per tonne, paid from cash, the rest recorded as debt (which freezes the account).
 */
public final class ComplianceScene {

    /** Offsets may cover at most this share of an obligation (the registry's default offset cap). */
    private static final long OFFSET_CAP_BPS = 500;

    private final Cast cast;
    private final Accounts accounts;
    private final ExecutorService pool;
    private final Progress progress;
    private final DayLog log;

    /**
     * @param cast     who
     * @param accounts the regulator's view
     * @param pool     parallel requests
     * @param progress progress lines
     * @param log      facts
     */
    public ComplianceScene(Cast cast, Accounts accounts, ExecutorService pool, Progress progress, DayLog log) {
        this.cast = cast;
        this.accounts = accounts;
        this.pool = pool;
        this.progress = progress;
        this.log = log;
    }

    /** Plays the scene; returns the compliance table the registry publishes. */
    public JsonObject run() {
        List<Cast.Enterprise> active = new ArrayList<>();
        for (Cast.Enterprise e : cast.enterprises()) {
            if (!"CANCELLED".equals(accounts.status(e.id()))) {
                active.add(e);
            }
        }
        Waits.parallel(pool, active, e -> cast.verifier().call("recording the emissions of " + e.actor(),
                "/api/v1/emissions", new JsonObject().put("participantId", e.id()).put("year", DemoPlan.YEAR)
                        .put("emissionsTonnes", e.spec().emissions()).put("reportSha256", report(e))));
        progress.info("verifier recorded the %d emissions of %d for %d enterprises", DemoPlan.YEAR, DemoPlan.YEAR,
                active.size());
        List<Long> surrendered = Waits.parallel(pool, active, this::surrender);
        long total = surrendered.stream().mapToLong(Long::longValue).sum();
        progress.info("enterprises surrendered %,d tonnes (allowances of %d and offsets within the cap)", total,
                DemoPlan.YEAR);
        JsonObject settled = cast.regulator().call("running the annual settlement", "/api/v1/compliance/"
                + DemoPlan.YEAR + "/settlement", null);
        JsonObject table = cast.regulator().get("/api/v1/compliance/" + DemoPlan.YEAR).requireOk("compliance table")
                .json();
        JsonArray rows = table.getJsonArray("items", new JsonArray());
        int penalised = 0;
        long penalties = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonObject p = rows.getJsonObject(i).getJsonObject("penalty");
            if (p != null) {
                penalised++;
                penalties += p.getLong("amountMinor", 0L);
            }
        }
        log.fact("compliance.events", settled.getJsonArray("events", new JsonArray()).size());
        progress.info("regulator ran the %d settlement: %d enterprises settled, %d penalised, penalties %,d.%02d",
                DemoPlan.YEAR, rows.size(), penalised, penalties / 100, penalties % 100);
        return table;
    }

    private long surrender(Cast.Enterprise e) {
        EnterpriseSpec s = e.spec();
        Map<String, long[]> held = accounts.holdings(e.id());
        long obligation = s.emissions();
        boolean laggard = s.kind() == EnterpriseSpec.Kind.COMPLIANCE && s.index() % 4 == 0;
        long target = laggard ? obligation * 4 / 5 : obligation;
        long offsets = Math.min(held.getOrDefault(DemoNodeConfig.OFFSET, new long[2])[0],
                obligation * OFFSET_CAP_BPS / 10_000);
        offsets = Math.min(offsets, target);
        long allowances = Math.min(held.getOrDefault(DemoNodeConfig.SESSION, new long[2])[0], target - offsets);
        long done = 0;
        if (offsets > 0 && surrender(e, DemoNodeConfig.OFFSET, offsets, SurrenderKind.OFFSET)) {
            done += offsets;
        }
        if (allowances > 0 && surrender(e, DemoNodeConfig.SESSION, allowances, SurrenderKind.ALLOWANCE)) {
            done += allowances;
        }
        return done;
    }

    private boolean surrender(Cast.Enterprise e, String instrument, long quantity, SurrenderKind kind) {
        ApiResponse r = e.actor().signed("/api/v1/surrenders", seq -> SurrenderRequest.newBuilder()
                .setChainId(e.actor().chainId()).setParticipantId(e.id()).setSequence(seq)
                .setSurrenderId("surrender-" + instrument + "-" + e.spec().profileName()).setYear(DemoPlan.YEAR)
                .setInstrumentId(instrument).setQuantity(quantity).setKind(kind).build(), false);
        if (r.ok()) {
            log.surrendered(instrument, quantity);
            return true;
        }
        log.note("surrender of " + quantity + " " + instrument + " by " + e.actor() + " refused: HTTP " + r.status()
                + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        return false;
    }

    private static String report(Cast.Enterprise e) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(("verified emissions report "
                    + DemoPlan.YEAR + " " + e.id() + " " + e.spec().emissions()).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }
}
