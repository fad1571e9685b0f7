package io.carbonx.node.demo.scene;

import io.carbonx.events.Side;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.SignedRequests;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoException;
import io.carbonx.node.demo.EnterpriseSpec;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.carbonx.requests.AgreementTerms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Base64;

/**
 * Negotiated agreement trades with a deferred settlement date, both parties signing the same canonical terms:
 * <ul>
 *   <li>a clean one between the anchor (seller) and an emitter (buyer), settled delivery-versus-payment on its
 *       date;</li>
 *   <li>the rogue's: it sells in an agreement allowances it then offers on the book, so at the settlement date they
 *       are locked in its resting order, not deliverable: a delivery default, its deposit moves to the buyer;</li>
 *   <li>the regulator then freezes the rogue (its open orders are cancelled) and cancels its account (what it holds
 *       goes to the regulator's escrow).</li>
 * </ul>
 */
public final class AgreementScene {

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
     * @param instrument the instrument traded
     */
    public AgreementScene(Cast cast, Orders orders, Accounts accounts, Progress progress, DayLog log,
                          String instrument) {
        this.cast = cast;
        this.orders = orders;
        this.accounts = accounts;
        this.progress = progress;
        this.log = log;
        this.instrument = instrument;
    }

    /** Registers both agreements and makes the rogue's undeliverable; returns the latest settlement date. */
    public long register(long priceMinor, long settleInMs) {
        Actor anchor = cast.scripted(EnterpriseSpec.Kind.ANCHOR).actor();
        Actor rogue = cast.scripted(EnterpriseSpec.Kind.ROGUE).actor();
        Cast.Enterprise buyer = cast.flow().stream().filter(e -> e.spec().kind() == EnterpriseSpec.Kind.COMPLIANCE)
                .findFirst().orElseThrow();
        long now = System.currentTimeMillis();
        long cleanDate = now + settleInMs;
        long rogueDate = now + settleInMs + 5_000;
        String clean = agree("AGR-CLEAN-1", buyer.actor(), anchor, priceMinor, 200, cleanDate);
        String bad = agree("AGR-ROGUE-1", anchor, rogue, priceMinor, 500, rogueDate);
        log.fact("agreement.clean", clean);
        log.fact("agreement.rogue", bad);
        progress.info("agreement %s: %s buys 200 from %s at %,d, settles in %d s", clean, buyer.actor().legalName(),
                anchor.legalName(), priceMinor, settleInMs / 1_000);
        progress.info("agreement %s: %s buys 500 from %s at %,d, settles in %d s", bad, anchor.legalName(),
                rogue.legalName(), priceMinor, (rogueDate - now) / 1_000);
        long held = accounts.holdings(rogue.id()).getOrDefault(instrument, new long[2])[0];
        String sell = orders.mustPlace(rogue, instrument, Side.SELL, held, priceMinor * 108 / 100, "scene.rogue");
        accounts.awaitLocked(rogue.id(), sell);
        progress.info("%s offers all its %d %s on the book at a price nobody pays: nothing is left to deliver",
                rogue.legalName(), held, instrument);
        return rogueDate;
    }

    private String agree(String id, Actor buyer, Actor seller, long price, long quantity, long settleAt) {
        AgreementTerms terms = AgreementTerms.newBuilder().setChainId(buyer.chainId()).setAgreementId(id)
                .setInstrumentId(instrument).setBuyerId(buyer.id()).setSellerId(seller.id()).setPriceMinor(price)
                .setQuantity(quantity).setSettlementDateMs(settleAt).setExpiresAtMs(settleAt).build();
        byte[] bytes = SignedRequests.canonicalBytes(terms);
        JsonObject body = new JsonObject().put("terms", Base64.getEncoder().encodeToString(bytes))
                .put("buyerSignature", Base64.getEncoder().encodeToString(buyer.sign(bytes)))
                .put("buyerCertificateSerial", buyer.certificateSerial())
                .put("sellerSignature", Base64.getEncoder().encodeToString(seller.sign(bytes)))
                .put("sellerCertificateSerial", seller.certificateSerial());
        ApiResponse r = buyer.post("/api/v1/agreements", body);
        if (!r.ok()) {
            throw new DemoException(ClientException.fromResponse("submitting agreement " + id, r).getMessage());
        }
        Waits.until("agreement " + id + " locks both deposits", () -> registered(buyer.id(), id));
        return id;
    }

    private Boolean registered(String buyer, String agreementId) {
        JsonArray locks = accounts.get(buyer).getJsonArray("locks", new JsonArray());
        for (int i = 0; i < locks.size(); i++) {
            if (locks.getJsonObject(i).getString("lockId", "").contains(agreementId)) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /** Waits for the rogue's delivery default, then the regulator freezes and cancels its account. */
    public void defaultFreezeCancel() {
        Actor rogue = cast.scripted(EnterpriseSpec.Kind.ROGUE).actor();
        Actor reg = cast.regulator();
        JsonObject dflt = Waits.until("the rogue's delivery default", Duration.ofSeconds(180), 500, () -> {
            JsonArray items = reg.get("/api/v1/defaults").requireOk("defaults").json().getJsonArray("items");
            for (int i = 0; i < items.size(); i++) {
                JsonObject d = items.getJsonObject(i);
                if (rogue.id().equals(d.getString("defaulterId")) && "DELIVERY".equals(d.getString("kind"))
                        && d.containsKey("forfeit")) {
                    return d;
                }
            }
            return null;
        });
        log.fact("scene.delivery", dflt);
        progress.info("%s cannot deliver on %s: DELIVERY default %s, its deposit %,d moved to the buyer",
                rogue.legalName(), dflt.getString("agreementId"), dflt.getString("defaultId"),
                dflt.getJsonObject("forfeit").getLong("amountMinor"));
        reg.call("freezing " + rogue, "/api/v1/accounts/" + rogue.id() + "/freeze", new JsonObject()
                .put("reason", "undeliverable agreement " + dflt.getString("agreementId")));
        Waits.until(rogue + " is frozen", () -> "FROZEN".equals(accounts.status(rogue.id())) ? Boolean.TRUE : null);
        progress.info("regulator froze %s: its open orders are cancelled, it cannot trade", rogue.legalName());
        Waits.until(rogue + " is cancelled", Duration.ofSeconds(120), 1_000, () -> {
            ApiResponse r = reg.post("/api/v1/accounts/" + rogue.id() + "/cancel", new JsonObject()
                    .put("reason", "repeated misconduct: delivery default " + dflt.getString("defaultId")));
            return r.ok() ? Boolean.TRUE : null;
        });
        JsonObject after = accounts.get(rogue.id());
        log.fact("scene.cancelled", new JsonObject().put("participant", rogue.id()).put("status",
                after.getString("status")));
        progress.info("regulator cancelled %s: status %s, its cash and holdings moved to the regulator's escrow",
                rogue.legalName(), after.getString("status"));
    }
}
