package io.carbonx.node.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo sent and what the node answered, recorded as it happens (thread-safe). The checks compare it with
 * what the event log says happened; the report shows it.
 */
public final class DayLog {

    /**
     * A signed order the demo sent.
     *
     * @param orderId      the exchange order id (from the 202 answer), null when refused
     * @param participant  who
     * @param instrumentId which instrument
     * @param side         BUY or SELL
     * @param quantity     units
     * @param priceMinor   limit
     * @param status       HTTP status of the gateway's answer
     * @param reason       the refusal's reason code, null when taken
     * @param scene        the part of the day it belongs to
     */
    public record SentOrder(String orderId, String participant, String instrumentId, String side, long quantity,
                            long priceMinor, int status, String reason, String scene) {
        /** True when the gateway took it (202). */
        public boolean taken() {
            return orderId != null;
        }
    }

    private final List<SentOrder> orders = new ArrayList<>();
    private final Map<String, Long> cashIn = new TreeMap<>();
    private final Map<String, Long> created = new TreeMap<>();
    private final Map<String, Long> surrendered = new TreeMap<>();
    private final Map<String, Object> facts = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Records an order. */
    public synchronized void order(SentOrder o) {
        orders.add(o);
    }

    /** Every order sent, in sending order. */
    public synchronized List<SentOrder> orders() {
        return List.copyOf(orders);
    }

    /** Records an accepted cash deposit of {@code amountMinor} into {@code account}. */
    public synchronized void deposited(String account, long amountMinor) {
        cashIn.merge(account, amountMinor, Math::addExact);
    }

    /** Cash deposits accepted, by account. */
    public synchronized Map<String, Long> deposits() {
        return Map.copyOf(cashIn);
    }

    /** Records units credited by an accepted allocation or issuance. */
    public synchronized void created(String instrumentId, long quantity) {
        created.merge(instrumentId, quantity, Math::addExact);
    }

    /** Units credited by the demo's accepted allocations and issuances, by instrument. */
    public synchronized Map<String, Long> createdUnits() {
        return new TreeMap<>(created);
    }

    /** Records an accepted surrender. */
    public synchronized void surrendered(String instrumentId, long quantity) {
        surrendered.merge(instrumentId, quantity, Math::addExact);
    }

    /** Units surrendered by the demo's accepted surrenders, by instrument. */
    public synchronized Map<String, Long> surrenderedUnits() {
        return new TreeMap<>(surrendered);
    }

    /** Records a named fact of a scene (for the summary). */
    public synchronized void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** A named fact, or null. */
    public synchronized Object fact(String name) {
        return facts.get(name);
    }

    /** Every named fact. */
    public synchronized Map<String, Object> facts() {
        return new TreeMap<>(facts);
    }

    /** Records a note for the report (something skipped, and why). */
    public synchronized void note(String text) {
        notes.add(text);
    }

    /** The notes. */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
