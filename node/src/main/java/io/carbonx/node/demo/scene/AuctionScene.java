package io.carbonx.node.demo.scene;

import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoException;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The auctions of the day: the session instrument's opening and closing calls (orders collected, one uncross at
 * one price), and the regulator's primary allocation auction (sealed bids, uniform price), read back from the
 * exchange's market data ({@code /api/v1/market/{instrument}/auctions}, {@code /book}).
 */
public final class AuctionScene {

    /** The primary auction's id. */
    public static final String PRIMARY_ID = "PA-2027-1";

    private final Cast cast;
    private final Progress progress;
    private final DayLog log;

    /**
     * @param cast     who
     * @param progress progress lines
     * @param log      facts
     */
    public AuctionScene(Cast cast, Progress progress, DayLog log) {
        this.cast = cast;
        this.progress = progress;
        this.log = log;
    }

    /** The trading phase of {@code instrument} as market data reports it. */
    public String phase(String instrument) {
        return cast.regulator().get("/api/v1/market/" + instrument + "/book").requireOk("book").json()
                .getString("phase", "");
    }

    /** Waits until {@code instrument} is in {@code phase}. */
    public void awaitPhase(String instrument, String phase, Duration timeout) {
        Waits.until(instrument + " in phase " + phase, timeout, 250, () -> phase.equals(phase(instrument))
                ? Boolean.TRUE : null);
    }

    /** Waits for the uncross of {@code kind} on {@code instrument}; records and returns it. */
    public JsonObject awaitUncross(String instrument, String kind, Duration timeout, String fact) {
        JsonObject a = Waits.until("the " + kind + " uncross of " + instrument, timeout, 500, () -> {
            JsonArray items = cast.regulator().get("/api/v1/market/" + instrument + "/auctions?limit=200")
                    .requireOk("auctions").json().getJsonArray("auctions", new JsonArray());
            for (int i = 0; i < items.size(); i++) {
                if (kind.equals(items.getJsonObject(i).getString("kind"))) {
                    return items.getJsonObject(i);
                }
            }
            return null;
        });
        log.fact(fact, a);
        progress.info("%s %s auction %s: cleared at %s, %d executed, imbalance %d %s", instrument, kind,
                a.getString("auctionId"), a.getValue("clearingPriceMinor"), a.getLong("executedQuantity", 0L),
                a.getLong("imbalanceQuantity", 0L), a.getString("imbalanceSide") == null ? ""
                        : a.getString("imbalanceSide"));
        return a;
    }

    /** The regulator schedules the primary auction; bidders bid (sealed). */
    public void schedulePrimary(String instrument, int vintage, List<Cast.Enterprise> bidders, long closeAtMs,
                                long seed) {
        Actor reg = cast.regulator();
        long quantity = 2_000;
        reg.call("scheduling " + PRIMARY_ID, "/api/v1/auctions", new JsonObject().put("auctionId", PRIMARY_ID)
                .put("instrumentId", instrument).put("vintage", vintage).put("totalQuantity", quantity)
                .put("reservePriceMinor", 7_500).put("openAtMs", System.currentTimeMillis() - 1_000)
                .put("closeAtMs", closeAtMs).put("lotSize", 10).put("tickSizeMinor", 5));
        Random r = new Random(seed * 17 + 3);
        int bids = 0;
        for (Cast.Enterprise b : bidders) {
            for (int k = 0; k < 2; k++) {
                long price = 7_400 + 5L * r.nextInt(200);
                long qty = 10L * (10 + r.nextInt(40));
                b.actor().call("bidding in " + PRIMARY_ID, "/api/v1/auctions/" + PRIMARY_ID + "/bids", new JsonObject()
                        .put("instrumentId", instrument).put("bidId", "bid-" + k).put("action", "SUBMIT")
                        .put("priceMinor", price).put("quantity", qty));
                bids++;
            }
        }
        log.fact("primary.offered", quantity);
        log.fact("primary.bids", bids);
        progress.info("regulator scheduled primary auction %s: %d %s, reserve 7,500, closes in %d s; %d sealed bids"
                + " from %d enterprises", PRIMARY_ID, quantity, instrument,
                Math.max(0, closeAtMs - System.currentTimeMillis()) / 1_000, bids, bidders.size());
    }

    /** The regulator closes the primary auction once its window has passed; waits for the result. */
    public JsonObject closePrimary(String instrument, long closeAtMs) {
        Waits.untilTime(closeAtMs + 1_000);
        var r = cast.regulator().post("/api/v1/auctions/" + PRIMARY_ID + "/close", new JsonObject()
                .put("instrumentId", instrument));
        if (!r.ok()) {
            throw new DemoException("closing " + PRIMARY_ID + " failed: HTTP " + r.status());
        }
        return awaitUncross(instrument, "PRIMARY", Duration.ofSeconds(60), "auction.primary");
    }
}
