package io.carbonx.node.demo.scene;

import io.carbonx.events.Side;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.EnterpriseSpec;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * The scripted payment default, on the quiet book of the continuous instrument (every resting order of the flow
 * cancelled first by its owner, so nothing else can match):
 * <ol>
 *   <li>the defaulter's probe order of notional N is accepted with its grade's deposit (then cancelled);</li>
 *   <li>it buys 10× that from the anchor seller, a notional its cash cannot pay: at the end of the settlement
 *       window it defaults on payment and its deposit moves to the seller;</li>
 *   <li>the rating service lowers its grade; a new order of the same notional N locks the new grade's larger
 *       share;</li>
 *   <li>priority: the defaulter's buy rests first; the clean buyer's buy at the same price comes second; the anchor
 *       sells that quantity at that price, and the better-rated clean buyer is filled.</li>
 * </ol>
 * Every outcome is read back from the registry and recorded as facts for the checks and the report.
 */
public final class DefaultScene {

    /** Price of the scene's orders. */
    public static final long PRICE = 8_500;
    /** Quantity of the probe and priority orders. */
    public static final long SMALL = 10;
    /** Quantity the defaulter cannot pay for. */
    public static final long LARGE = 100;

    private final Cast cast;
    private final Orders orders;
    private final Accounts accounts;
    private final Progress progress;
    private final DayLog log;
    private final String instrument;

    /**
     * @param cast       who
     * @param orders     order entry
     * @param accounts   the regulator's view of the accounts
     * @param progress   progress lines
     * @param log        facts
     * @param instrument the quiet instrument
     */
    public DefaultScene(Cast cast, Orders orders, Accounts accounts, Progress progress, DayLog log,
                        String instrument) {
        this.cast = cast;
        this.orders = orders;
        this.accounts = accounts;
        this.progress = progress;
        this.log = log;
        this.instrument = instrument;
    }

    /** Cancels every resting order on the instrument (each by its owner) and waits for an empty book. */
    public void quietBook() {
        int cancels = 0;
        for (Cast.Enterprise e : cast.enterprises()) {
            for (Map.Entry<String, String> o : accounts.openOrders(e.id()).entrySet()) {
                if (instrument.equals(o.getValue()) && orders.cancel(e.actor(), o.getKey(), instrument)) {
                    cancels++;
                }
            }
        }
        log.fact("scene.quiet.cancels", cancels);
        Waits.until("the " + instrument + " book is empty", Duration.ofSeconds(120), 500, () -> {
            JsonObject book = cast.regulator().get("/api/v1/market/" + instrument + "/book").requireOk("book").json();
            return book.getJsonArray("bids", new JsonArray()).isEmpty()
                    && book.getJsonArray("asks", new JsonArray()).isEmpty() ? Boolean.TRUE : null;
        });
        progress.info("%s: %d resting orders cancelled by their owners; the book is empty", instrument, cancels);
    }

    /** Plays the scene. */
    public void run() {
        Actor defaulter = cast.scripted(EnterpriseSpec.Kind.DEFAULTER).actor();
        Actor anchor = cast.scripted(EnterpriseSpec.Kind.ANCHOR).actor();
        Actor clean = cast.scripted(EnterpriseSpec.Kind.CLEAN).actor();
        String gradeBefore = Waits.until(defaulter + " is rated", () -> rated(defaulter.id()));
        Waits.until(clean + " is rated", () -> rated(clean.id()));
        JsonObject before = probe(defaulter, "scene.probe");
        log.fact("scene.defaulter", defaulter.id());
        log.fact("scene.deposit.before", deposit(gradeBefore, before));
        progress.info("%s (grade %s): an order of notional %,d locks a deposit of %,d (%s)", defaulter.legalName(),
                gradeBefore, SMALL * PRICE, before.getLong("cashMinor"), share(before.getLong("cashMinor")));
        orders.mustPlace(anchor, instrument, Side.SELL, LARGE, PRICE, "scene.default");
        String big = orders.mustPlace(defaulter, instrument, Side.BUY, LARGE, PRICE, "scene.default");
        JsonObject dflt = Waits.until("the payment default of " + defaulter.id(), () -> defaultOf(defaulter.id()));
        log.fact("scene.default", dflt);
        log.fact("scene.default.order", big);
        JsonObject forfeit = dflt.getJsonObject("forfeit", new JsonObject());
        progress.info("%s cannot pay %,d at the end of the settlement window: %s default %s, deposit %,d moved to %s",
                defaulter.legalName(), LARGE * PRICE, dflt.getString("kind"), dflt.getString("defaultId"),
                forfeit.getLong("amountMinor", 0L), names(forfeit.getString("toParticipantId")));
        String gradeAfter = Waits.until("the defaulter's grade falls below " + gradeBefore, Duration.ofSeconds(120),
                500, () -> {
                    String g = accounts.grade(defaulter.id());
                    return g.equals(gradeBefore) || "UNRATED".equals(g) ? null : g;
                });
        Waits.sleep(2_000);
        gradeAfter = accounts.grade(defaulter.id());
        JsonObject after = probe(defaulter, null);
        log.fact("scene.deposit.after", deposit(gradeAfter, after));
        progress.info("rating: %s %s -> %s; the same notional %,d now locks %,d (%s)", defaulter.legalName(),
                gradeBefore, gradeAfter, SMALL * PRICE, after.getLong("cashMinor"), share(after.getLong("cashMinor")));
        priority(defaulter, clean, anchor, after.getString("orderId"), gradeAfter);
    }

    private void priority(Actor defaulter, Actor clean, Actor anchor, String defaulterOrder, String gradeAfter) {
        String cleanOrder = orders.mustPlace(clean, instrument, Side.BUY, SMALL, PRICE, "scene.priority");
        accounts.awaitLocked(clean.id(), cleanOrder);
        String cleanGrade = accounts.grade(clean.id());
        orders.mustPlace(anchor, instrument, Side.SELL, SMALL, PRICE, "scene.priority");
        Waits.until("the priority scene's sell is filled", () -> accounts.orderLock(clean.id(), cleanOrder) == null
                || accounts.orderLock(defaulter.id(), defaulterOrder) == null ? Boolean.TRUE : null);
        boolean cleanFilled = accounts.orderLock(clean.id(), cleanOrder) == null;
        boolean defaulterOpen = accounts.orderLock(defaulter.id(), defaulterOrder) != null;
        log.fact("scene.priority", new JsonObject().put("price", PRICE).put("quantity", SMALL)
                .put("first", new JsonObject().put("participant", defaulter.id()).put("grade", gradeAfter)
                        .put("orderId", defaulterOrder).put("filled", !defaulterOpen))
                .put("second", new JsonObject().put("participant", clean.id()).put("grade", cleanGrade)
                        .put("orderId", cleanOrder).put("filled", cleanFilled)));
        progress.info("priority at equal price %,d: %s (%s) bid first, %s (%s) second; the sell filled %s",
                PRICE, defaulter.legalName(), gradeAfter, clean.legalName(), cleanGrade,
                cleanFilled ? clean.legalName() + " (better grade first)" : defaulter.legalName() + " (time first)");
    }

    /** Places the probe order and returns its lock (plus id); cancels it when {@code cancelScene} is given. */
    private JsonObject probe(Actor who, String cancelScene) {
        String id = orders.mustPlace(who, instrument, Side.BUY, SMALL, PRICE, cancelScene == null ? "scene.priority"
                : cancelScene);
        JsonObject lock = accounts.awaitLocked(who.id(), id).copy().put("orderId", id);
        if (cancelScene != null) {
            orders.cancel(who, id, instrument);
            accounts.awaitReleased(who.id(), id);
        }
        return lock;
    }

    private static JsonObject deposit(String grade, JsonObject lock) {
        long deposit = lock.getLong("cashMinor");
        return new JsonObject().put("grade", grade).put("notionalMinor", SMALL * PRICE).put("depositMinor", deposit)
                .put("shareBps", deposit * 10_000 / (SMALL * PRICE)).put("orderId", lock.getString("orderId"));
    }

    private static String share(long deposit) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", deposit * 100.0 / (SMALL * PRICE));
    }

    private String rated(String id) {
        String g = accounts.grade(id);
        return "UNRATED".equals(g) ? null : g;
    }

    private JsonObject defaultOf(String defaulter) {
        JsonArray items = cast.regulator().get("/api/v1/defaults").requireOk("reading the defaults").json()
                .getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject d = items.getJsonObject(i);
            if (defaulter.equals(d.getString("defaulterId")) && d.containsKey("forfeit")) {
                return d;
            }
        }
        return null;
    }

    private String names(String id) {
        String n = cast.names().get(id);
        return n == null ? id : n + " (" + id + ")";
    }
}
