package io.carbonx.node.demo.facts;

import io.carbonx.events.AllocationSource;
import io.carbonx.events.AllowancesSurrendered;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.FundsWithdrawn;
import io.carbonx.events.OffsetIssued;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.events.TradeExecuted;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.check.AllowanceConservation;
import io.carbonx.node.demo.check.CashConservation;
import io.carbonx.node.demo.check.OrderAccounting;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns the log's events, the registry's accounts and the demo's own record into the checks' facts. */
public final class CheckInputs {

    private CheckInputs() {
    }

    /** The cash facts. */
    public static CashConservation.Facts cash(DayFacts f, DayLog log, List<JsonObject> accounts) {
        long sent = log.deposits().values().stream().mapToLong(Long::longValue).sum();
        long deposited = f.all(FundsDeposited.class).stream().mapToLong(FundsDeposited::getAmountMinor).sum();
        long repaid = f.all(FundsDeposited.class).stream().mapToLong(FundsDeposited::getDebtRepaidMinor).sum();
        long withdrawn = f.all(FundsWithdrawn.class).stream().mapToLong(FundsWithdrawn::getAmountMinor).sum();
        long paid = f.all(PenaltyApplied.class).stream().mapToLong(PenaltyApplied::getPaidMinor).sum();
        long debt = f.all(PenaltyApplied.class).stream().mapToLong(PenaltyApplied::getDebtMinor).sum();
        List<CashConservation.AccountCash> cash = new ArrayList<>();
        for (JsonObject a : accounts) {
            cash.add(new CashConservation.AccountCash(a.getString("participantId"), a.getLong("cashMinor", 0L),
                    a.getLong("lockedCashMinor", 0L), a.getLong("debtMinor", 0L)));
        }
        return new CashConservation.Facts(sent, deposited, withdrawn, paid, debt, repaid, cash);
    }

    /**
     * The quantity facts.
     *
     * @param held every account's holdings: participant → instrument → {available, locked}
     */
    public static AllowanceConservation.Facts quotas(DayFacts f, DayLog log, Map<String, Map<String, long[]>> held) {
        Map<String, Long> free = new TreeMap<>();
        Map<String, Long> auction = new TreeMap<>();
        for (QuotaAllocated q : f.all(QuotaAllocated.class)) {
            long credited = q.getQuantity() - q.getDeductedQuantity();
            (q.getSource() == AllocationSource.PRIMARY_AUCTION ? auction : free).merge(q.getInstrumentId(), credited,
                    Math::addExact);
        }
        for (OffsetIssued o : f.all(OffsetIssued.class)) {
            free.merge(o.getInstrumentId(), o.getQuantity(), Math::addExact);
        }
        Map<String, Long> surrendered = new TreeMap<>();
        for (AllowancesSurrendered s : f.all(AllowancesSurrendered.class)) {
            surrendered.merge(s.getInstrumentId(), s.getQuantity(), Math::addExact);
        }
        return new AllowanceConservation.Facts(log.createdUnits(), free, auction, log.surrenderedUnits(), surrendered,
                held);
    }

    /** The order facts; {@code accounts} give the registry's open orders. */
    public static OrderAccounting.Facts orders(DayFacts f, DayLog log, List<JsonObject> accounts) {
        Set<String> taken = new HashSet<>();
        log.orders().forEach(o -> {
            if (o.taken()) {
                taken.add(o.orderId());
            }
        });
        Set<String> submitted = new HashSet<>();
        f.all(OrderSubmitted.class).forEach(o -> submitted.add(o.getOrderId()));
        Map<String, Long> accepted = new HashMap<>();
        f.all(OrderAccepted.class).forEach(o -> accepted.put(o.getOrderId(), o.getQuantity()));
        Set<String> rejected = new HashSet<>(orderRejections(f).keySet());
        Map<String, Long> filled = new HashMap<>();
        for (TradeExecuted t : f.all(TradeExecuted.class)) {
            if (t.getBuyOrderId() != null) {
                filled.merge(t.getBuyOrderId(), t.getQuantity(), Math::addExact);
            }
            if (t.getSellOrderId() != null) {
                filled.merge(t.getSellOrderId(), t.getQuantity(), Math::addExact);
            }
        }
        Set<String> cancelled = new HashSet<>();
        f.all(OrderCancelled.class).forEach(o -> cancelled.add(o.getOrderId()));
        Set<String> expired = new HashSet<>();
        f.all(OrderExpired.class).forEach(o -> expired.add(o.getOrderId()));
        return new OrderAccounting.Facts(taken, submitted, accepted, rejected, filled, cancelled, expired,
                openOrders(accounts));
    }

    /**
     * The refusals of orders themselves: OrderRejected caused by the order's own OrderSubmitted (a refused cancel of
     * an order the book no longer holds is an OrderRejected too, caused by the cancel request, and does not count).
     *
     * @return order id → reason code
     */
    public static Map<String, String> orderRejections(DayFacts f) {
        Map<String, String> submittedBy = new HashMap<>();
        f.all(OrderSubmitted.class).forEach(o -> submittedBy.put(o.getEnvelope().getEventId(), o.getOrderId()));
        Map<String, String> out = new TreeMap<>();
        for (OrderRejected r : f.all(OrderRejected.class)) {
            String cause = r.getEnvelope().getCauseId();
            if (r.getOrderId() != null && cause != null && r.getOrderId().equals(submittedBy.get(cause))) {
                out.put(r.getOrderId(), r.getReasonCode());
            }
        }
        return out;
    }

    /** Every order id the registry's accounts hold open. */
    public static Set<String> openOrders(List<JsonObject> accounts) {
        Set<String> open = new HashSet<>();
        for (JsonObject a : accounts) {
            JsonArray ids = a.getJsonArray("openOrderIds", new JsonArray());
            for (int i = 0; i < ids.size(); i++) {
                open.add(ids.getString(i));
            }
        }
        return open;
    }
}
