package io.carbonx.node.demo.scene;

import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Waits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry's accounts as an oversight role reads them ({@code GET /api/v1/accounts...}). */
public final class Accounts {

    private final Actor reader;

    /** @param reader a REGULATOR, COURT or ARBITRATOR */
    public Accounts(Actor reader) {
        this.reader = reader;
    }

    /** One account. */
    public JsonObject get(String participantId) {
        return Orders.account(reader, participantId);
    }

    /** Every account. */
    public List<JsonObject> all() {
        JsonArray items = reader.get("/api/v1/accounts").requireOk("listing the accounts").json()
                .getJsonArray("items", new JsonArray());
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(items.getJsonObject(i));
        }
        return out;
    }

    /** Holdings of one account: instrument → {available, locked}. */
    public Map<String, long[]> holdings(String participantId) {
        JsonArray items = reader.get("/api/v1/accounts/" + participantId + "/holdings")
                .requireOk("reading the holdings of " + participantId).json().getJsonArray("items", new JsonArray());
        Map<String, long[]> out = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject h = items.getJsonObject(i);
            out.put(h.getString("instrumentId"), new long[] {h.getLong("available", 0L), h.getLong("locked", 0L)});
        }
        return out;
    }

    /** The lock of an open order ({@code order/<id>}), or null when the order holds none (not open). */
    public JsonObject orderLock(String participantId, String orderId) {
        JsonArray locks = get(participantId).getJsonArray("locks", new JsonArray());
        for (int i = 0; i < locks.size(); i++) {
            JsonObject l = locks.getJsonObject(i);
            if (("order/" + orderId).equals(l.getString("lockId"))) {
                return l;
            }
        }
        return null;
    }

    /** Open orders of an account by instrument (from the order locks). */
    public Map<String, String> openOrders(String participantId) {
        Map<String, String> out = new TreeMap<>();
        JsonArray locks = get(participantId).getJsonArray("locks", new JsonArray());
        for (int i = 0; i < locks.size(); i++) {
            JsonObject l = locks.getJsonObject(i);
            String id = l.getString("lockId");
            if (id != null && id.startsWith("order/")) {
                out.put(id.substring("order/".length()), l.getString("instrumentId"));
            }
        }
        return out;
    }

    /** Waits until the registry has accepted (locked) {@code orderId}; returns its lock. */
    public JsonObject awaitLocked(String participantId, String orderId) {
        return Waits.until("the registry locks the deposit of order " + orderId,
                () -> orderLock(participantId, orderId));
    }

    /** Waits until {@code orderId} holds no lock any more (filled, cancelled or expired). */
    public void awaitReleased(String participantId, String orderId) {
        Waits.until("order " + orderId + " is no longer open",
                () -> orderLock(participantId, orderId) == null ? Boolean.TRUE : null);
    }

    /** The account's grade. */
    public String grade(String participantId) {
        return get(participantId).getString("grade");
    }

    /** The account's status. */
    public String status(String participantId) {
        return get(participantId).getString("status");
    }
}
