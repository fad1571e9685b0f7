package io.carbonx.node.demo.scene;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.Waits;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed order entry as an enterprise does it: an {@link OrderRequest} (or {@link CancelRequest}) numbered with the
 * participant's next sequence, signed over its canonical bytes with the participant's key, posted with the
 * certificate serial. Every order is recorded in the {@link DayLog} with the gateway's answer. A 503 (gateway not
 * ready, publish failed) is retried with the same client order id, which the gateway answers with the first result
 * if the first attempt was in fact recorded.
 */
public final class Orders {

    private static final int ATTEMPTS = 5;

    private final DayLog log;
    private final AtomicLong clientIds = new AtomicLong();

    /** @param log records every order sent */
    public Orders(DayLog log) {
        this.log = log;
    }

    /**
     * Places a limit order.
     *
     * @return what was sent and the answer
     */
    public DayLog.SentOrder limit(Actor who, String instrument, Side side, long quantity, long priceMinor,
                                  TimeInForce tif, String scene) {
        String cid = "demo-" + clientIds.incrementAndGet();
        ApiResponse r = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            r = who.signed("/api/v1/orders", seq -> OrderRequest.newBuilder().setChainId(who.chainId())
                    .setParticipantId(who.id()).setSequence(seq).setClientOrderId(cid).setInstrumentId(instrument)
                    .setSide(side).setOrderType(OrderType.LIMIT).setTimeInForce(tif).setPriceMinor(priceMinor)
                    .setQuantity(quantity).setExpiresAtMs(null).build(), true);
            if (r.status() != 503) {
                break;
            }
            Waits.sleep(500L * attempt);
        }
        String orderId = null;
        String reason = null;
        if (r.ok()) {
            orderId = r.json().getString("orderId");
        } else {
            reason = ClientException.fromResponse("order", r).reasonCode();
            reason = reason == null ? "HTTP_" + r.status() : reason;
        }
        DayLog.SentOrder sent = new DayLog.SentOrder(orderId, who.id(), instrument, side.name(), quantity, priceMinor,
                r.status(), reason, scene);
        log.order(sent);
        return sent;
    }

    /** A limit order that must be taken by the gateway. */
    public String mustPlace(Actor who, String instrument, Side side, long quantity, long priceMinor, String scene) {
        DayLog.SentOrder o = limit(who, instrument, side, quantity, priceMinor, TimeInForce.GTC, scene);
        if (!o.taken()) {
            throw who.failure("the gateway refused " + side + " " + quantity + " " + instrument + " @ " + priceMinor
                    + ": " + o.reason());
        }
        return o.orderId();
    }

    /**
     * Asks to cancel an order (a signed {@link CancelRequest}).
     *
     * @return true when the gateway took the request (the registry and the book decide next)
     */
    public boolean cancel(Actor who, String orderId, String instrument) {
        ApiResponse r = who.signed("/api/v1/orders/cancel", seq -> CancelRequest.newBuilder()
                .setChainId(who.chainId()).setParticipantId(who.id()).setSequence(seq).setOrderId(orderId)
                .setInstrumentId(instrument).build(), true);
        return r.ok();
    }

    /** The account of {@code participant} as its owner (or an oversight role) reads it. */
    public static JsonObject account(Actor reader, String participant) {
        return reader.get("/api/v1/accounts/" + participant).requireOk("reading the account of " + participant).json();
    }
}
