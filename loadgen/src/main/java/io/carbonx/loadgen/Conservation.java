package io.carbonx.loadgen;

import io.carbonx.node.demo.Actor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Totals over every account of the registry, read by the regulator: cash (available + locked) and units of the
 * run's instrument (available + locked). Trading moves cash and units between accounts (commissions to the
 * exchange's account) and never creates or destroys them, so the totals before and after a run must be equal.
 *
 * @param accounts accounts read
 * @param cashMinor cash held
 * @param units     units of {@link EmbeddedStack#INSTRUMENT} held
 * @param negative  accounts with a negative balance (must be 0)
 */
public record Conservation(int accounts, long cashMinor, long units, int negative) {

    /** Reads the totals now. */
    public static Conservation read(Actor regulator) {
        JsonArray items = regulator.get("/api/v1/accounts").requireOk("listing accounts").json()
                .getJsonArray("items", new JsonArray());
        long cash = 0;
        long units = 0;
        int negative = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonObject a = items.getJsonObject(i);
            long c = a.getLong("cashMinor", 0L);
            long l = a.getLong("lockedCashMinor", 0L);
            negative += c < 0 || l < 0 ? 1 : 0;
            cash = Math.addExact(cash, Math.addExact(c, l));
            JsonArray held = regulator.get("/api/v1/accounts/" + a.getString("participantId") + "/holdings")
                    .requireOk("reading holdings").json().getJsonArray("items", new JsonArray());
            for (int h = 0; h < held.size(); h++) {
                JsonObject row = held.getJsonObject(h);
                if (EmbeddedStack.INSTRUMENT.equals(row.getString("instrumentId"))) {
                    long av = row.getLong("available", 0L);
                    long lk = row.getLong("locked", 0L);
                    negative += av < 0 || lk < 0 ? 1 : 0;
                    units = Math.addExact(units, Math.addExact(av, lk));
                }
            }
        }
        return new Conservation(items.size(), cash, units, negative);
    }

    /** What differs from {@code before} (empty when conserved). */
    public String compare(Conservation before) {
        StringBuilder b = new StringBuilder();
        if (cashMinor != before.cashMinor) {
            b.append("cash ").append(before.cashMinor).append(" -> ").append(cashMinor).append("; ");
        }
        if (units != before.units) {
            b.append("units ").append(before.units).append(" -> ").append(units).append("; ");
        }
        if (negative > 0) {
            b.append(negative).append(" negative balance(s); ");
        }
        return b.toString();
    }
}
