package io.carbonx.node.it.multi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.node.client.TopicReader;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Accounts for every order the gateway accepted, from the committed log alone (read_committed, every partition):
 * each was published exactly once ({@code OrderSubmitted}) and decided exactly once by the registry
 * ({@code OrderAccepted} xor the registry's {@code OrderRejected}: none lost, none twice; the book's
 * {@code OrderRejected} of a cancel whose order had left the book is counted apart); trade ids are unique and
 * every trade settled exactly once; and every accepted order is in exactly one final state: <b>filled</b> (its
 * fills add up to its quantity), <b>cancelled/expired</b> (one such event, whose remaining quantity is what its
 * fills left), or <b>open</b> (neither), in which case the registry must list it among its owner's open orders,
 * and the registry must list no other.
 */
final class OrderAudit {

    /** The accounting, and every discrepancy found. */
    record Result(int placed, int accepted, int rejected, int filled, int cancelled, int open, int trades,
                  long tradedQuantity, int settled, int cancelsRefused, List<String> problems) {
        String summary() {
            return placed + " orders taken by the gateway: " + accepted + " accepted, " + rejected + " rejected; of"
                    + " the accepted " + filled + " filled, " + cancelled + " cancelled or expired, " + open
                    + " open; " + trades + " trades (" + tradedQuantity + " units), " + settled + " settled; "
                    + cancelsRefused + " cancels refused by the book (order already filled or cancelled)";
        }
    }

    private static final EventCodec CODEC = EventCodec.standard();

    private final Map<String, Integer> submitted = new HashMap<>();
    private final Map<String, Integer> accepted = new HashMap<>();
    private final Map<String, Integer> rejected = new HashMap<>();
    private final Map<String, List<Long>> ended = new HashMap<>();
    private final Map<String, Long> filled = new HashMap<>();
    private final Map<String, Integer> tradeIds = new TreeMap<>();
    private final Map<String, Integer> settledIds = new TreeMap<>();
    private long tradedQuantity;
    private int cancelsRefused;

    private OrderAudit() {
    }

    /**
     * @param reader        reads the log
     * @param placed        the orders the gateway took, by id
     * @param registryOpen  the open order ids the registry lists (all accounts)
     */
    static Result audit(TopicReader reader, Map<String, OrderLoad.Placed> placed, Set<String> registryOpen) {
        OrderAudit a = new OrderAudit();
        a.read(reader, Topics.ORDERS_SUBMITTED, a::submitted);
        a.read(reader, Topics.ORDERS, a::decisions);
        a.read(reader, Topics.TRADES, a::trade);
        a.read(reader, Topics.SETTLEMENT, a::settlement);
        return a.judge(placed, registryOpen);
    }

    /** How many orders the registry has decided so far (accepted or rejected), as the log shows. */
    static int decided(TopicReader reader) {
        OrderAudit a = new OrderAudit();
        a.read(reader, Topics.ORDERS, a::decisions);
        return a.accepted.size() + a.rejected.size();
    }

    private void read(TopicReader reader, String topic, Consumer<SpecificRecord> sink) {
        for (TopicPartition tp : reader.partitions(topic)) {
            reader.read(tp, 0, reader.endOffset(tp), r -> sink.accept(CODEC.decode(r.value())));
        }
    }

    private void submitted(SpecificRecord e) {
        if (e instanceof OrderSubmitted s) {
            submitted.merge(s.getOrderId(), 1, Integer::sum);
        }
    }

    private void decisions(SpecificRecord e) {
        if (e instanceof OrderAccepted o) {
            accepted.merge(o.getOrderId(), 1, Integer::sum);
        } else if (e instanceof OrderRejected o && o.getOrderId() != null) {
            if (DecisionContext.REGISTRY_ACTOR.equals(o.getEnvelope().getActor())) {
                rejected.merge(o.getOrderId(), 1, Integer::sum); // the registry refused the order itself
            } else {
                cancelsRefused++; // the book refused a cancel (the order was no longer in it)
            }
        } else if (e instanceof OrderCancelled c) {
            ended.computeIfAbsent(c.getOrderId(), k -> new ArrayList<>()).add(c.getRemainingQuantity());
        } else if (e instanceof OrderExpired x) {
            ended.computeIfAbsent(x.getOrderId(), k -> new ArrayList<>()).add(x.getRemainingQuantity());
        }
    }

    private void trade(SpecificRecord e) {
        if (e instanceof TradeExecuted t) {
            tradeIds.merge(t.getTradeId(), 1, Integer::sum);
            tradedQuantity += t.getQuantity();
            if (t.getBuyOrderId() != null) {
                filled.merge(t.getBuyOrderId(), t.getQuantity(), Long::sum);
            }
            if (t.getSellOrderId() != null) {
                filled.merge(t.getSellOrderId(), t.getQuantity(), Long::sum);
            }
        }
    }

    private void settlement(SpecificRecord e) {
        if (e instanceof TradeSettled s) {
            settledIds.merge(s.getTradeId(), 1, Integer::sum);
        }
    }

    private Result judge(Map<String, OrderLoad.Placed> placed, Set<String> registryOpen) {
        List<String> problems = new ArrayList<>();
        int nFilled = 0;
        int nEnded = 0;
        Set<String> open = new TreeSet<>();
        for (OrderLoad.Placed p : placed.values()) {
            String id = p.orderId();
            int s = submitted.getOrDefault(id, 0);
            int acc = accepted.getOrDefault(id, 0);
            int rej = rejected.getOrDefault(id, 0);
            if (s != 1) {
                problems.add(id + ": published " + s + " times (OrderSubmitted)");
            }
            if (acc + rej != 1) {
                problems.add(id + ": decided " + acc + " x accepted, " + rej + " x rejected");
                continue;
            }
            long fill = filled.getOrDefault(id, 0L);
            List<Long> ends = ended.getOrDefault(id, List.of());
            if (rej == 1) {
                if (fill > 0 || !ends.isEmpty()) {
                    problems.add(id + ": rejected, yet filled " + fill + " / ended " + ends);
                }
                continue;
            }
            if (fill > p.quantity()) {
                problems.add(id + ": filled " + fill + " of " + p.quantity());
            } else if (ends.size() > 1) {
                problems.add(id + ": cancelled or expired " + ends.size() + " times");
            } else if (ends.size() == 1) {
                nEnded++;
                if (ends.get(0) != p.quantity() - fill) {
                    problems.add(id + ": ended with " + ends.get(0) + " remaining, its fills leave "
                            + (p.quantity() - fill));
                }
            } else if (fill == p.quantity()) {
                nFilled++;
            } else {
                open.add(id);
            }
        }
        Set<String> unknown = new TreeSet<>(submitted.keySet());
        unknown.removeAll(placed.keySet());
        if (!unknown.isEmpty()) {
            problems.add("OrderSubmitted for orders the gateway never acknowledged: " + unknown);
        }
        if (!open.equals(registryOpen)) {
            Set<String> missing = new TreeSet<>(open);
            missing.removeAll(registryOpen);
            Set<String> extra = new TreeSet<>(registryOpen);
            extra.removeAll(open);
            problems.add("open orders: the log leaves " + missing + " open but the registry does not list them;"
                    + " the registry lists " + extra + " which the log does not leave open");
        }
        settledIds.keySet().stream().filter(id -> !tradeIds.containsKey(id)).forEach(id -> problems.add("trade " + id
                + " settled but never executed"));
        tradeIds.forEach((id, n) -> {
            if (n != 1) {
                problems.add("trade " + id + " executed " + n + " times");
            }
            if (settledIds.getOrDefault(id, 0) != 1) {
                problems.add("trade " + id + " settled " + settledIds.getOrDefault(id, 0) + " times");
            }
        });
        int acceptedCount = (int) placed.keySet().stream().filter(accepted::containsKey).count();
        int rejectedCount = (int) placed.keySet().stream().filter(rejected::containsKey).count();
        return new Result(placed.size(), acceptedCount, rejectedCount, nFilled, nEnded, open.size(), tradeIds.size(),
                tradedQuantity, settledIds.size(), cancelsRefused, problems);
    }
}
