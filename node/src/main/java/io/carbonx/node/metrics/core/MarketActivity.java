package io.carbonx.node.metrics.core;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeUnwound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The business meaning of the event stream as metrics: a pure fold from each event (with the time its record was
 * written, e.g. the Kafka record timestamp) to the {@link Observation}s it makes. Deterministic; not thread-safe
 * (one follower thread feeds it).
 *
 * <p>Counters (all {@code carbonx.*}): {@code orders.submitted} {instrument, side, type}; {@code orders.accepted}
 * {instrument}; {@code orders.rejected} {reason}; {@code requests.rejected} {request, reason} (gateway refusals);
 * {@code orders.cancelled} {reason}; {@code orders.expired}; {@code trades} {instrument, venue} and
 * {@code trades.quantity}; {@code auctions.cleared} {instrument, kind}; {@code settlements} {kind: trade|agreement};
 * {@code settlement.failures} (trades unwound); {@code defaults} {kind}; {@code deposits.forfeited.minor};
 * {@code accounts.frozen} {reason}; {@code accounts.cancelled}; {@code penalties} and {@code penalties.minor};
 * {@code ratings.changed} {grade}; {@code metrics.correlations.forgotten} (ids dropped by the bounded maps).
 *
 * <p>Latencies, from the record time of the first event to that of the second (the producers' clocks: exact on
 * one machine, as good as the hosts' clock sync across machines): {@code latency.order.accepted} (order submitted
 * → the registry's decision, accepted or rejected); {@code latency.order.trade} (order submitted → its first fill
 * as the aggressor of a continuous trade; resting orders and auction fills measure how long someone waited, not
 * the system, and are left out); {@code latency.trade.settled} (trade → settled). Each correlation keeps at most
 * {@code capacity} open ids. A pair is measured only when its first event is observed first: events of different
 * topics may reach the follower in either order under a backlog, and a pair seen in reverse is not measured (its
 * first event waits until it is forgotten).
 */
public final class MarketActivity {
    private final BoundedTimes submitted;
    private final BoundedTimes awaitingFirstFill;
    private final BoundedTimes trades;

    /** @param capacity open ids remembered per correlation (orders awaiting a decision, a fill; trades a settlement) */
    public MarketActivity(int capacity) {
        this.submitted = new BoundedTimes(capacity);
        this.awaitingFirstFill = new BoundedTimes(capacity);
        this.trades = new BoundedTimes(capacity);
    }

    /**
     * The observations {@code event} makes.
     *
     * @param event    a decoded event of any topic (types not listed in the class comment make none)
     * @param recordMs the time its record was written (epoch ms)
     */
    public List<Observation> observe(Object event, long recordMs) {
        List<Observation> out = new ArrayList<>(3);
        long forgottenBefore = forgotten();
        if (event instanceof OrderSubmitted o) {
            out.add(count("carbonx.orders.submitted", Map.of("instrument", o.getInstrumentId(),
                    "side", o.getSide().name(), "type", o.getOrderType().name())));
            submitted.remember(o.getOrderId(), recordMs);
            awaitingFirstFill.remember(o.getOrderId(), recordMs);
        } else if (event instanceof OrderAccepted a) {
            out.add(count("carbonx.orders.accepted", Map.of("instrument", a.getInstrumentId())));
            latency(out, "carbonx.latency.order.accepted", submitted.take(a.getOrderId()), recordMs);
        } else if (event instanceof OrderRejected r) {
            out.add(count("carbonx.orders.rejected", Map.of("reason", r.getReasonCode())));
            latency(out, "carbonx.latency.order.accepted", submitted.take(r.getOrderId()), recordMs);
            awaitingFirstFill.forget(r.getOrderId());
        } else if (event instanceof RequestRejected r) {
            out.add(count("carbonx.requests.rejected", Map.of("request", r.getRequestType(),
                    "reason", r.getReasonCode())));
        } else if (event instanceof OrderCancelled c) {
            out.add(count("carbonx.orders.cancelled", Map.of("reason", c.getReasonCode())));
            awaitingFirstFill.forget(c.getOrderId());
        } else if (event instanceof OrderExpired x) {
            out.add(count("carbonx.orders.expired", Map.of()));
            awaitingFirstFill.forget(x.getOrderId());
        } else if (event instanceof TradeExecuted t) {
            trade(t, recordMs, out);
        } else if (event instanceof AuctionCleared a) {
            out.add(count("carbonx.auctions.cleared", Map.of("instrument", a.getInstrumentId(),
                    "kind", a.getKind().name())));
        } else {
            settlementOrCredit(event, recordMs, out);
        }
        long dropped = forgotten() - forgottenBefore;
        if (dropped > 0) {
            out.add(new Observation.Count("carbonx.metrics.correlations.forgotten", Map.of(), dropped));
        }
        return out;
    }

    private void trade(TradeExecuted t, long recordMs, List<Observation> out) {
        out.add(count("carbonx.trades", Map.of("instrument", t.getInstrumentId(), "venue", t.getVenue().name())));
        out.add(new Observation.Count("carbonx.trades.quantity", Map.of("instrument", t.getInstrumentId()),
                t.getQuantity()));
        trades.remember(t.getTradeId(), recordMs);
        if (t.getAggressorSide() != null) {
            String aggressor = t.getAggressorSide() == Side.BUY ? t.getBuyOrderId() : t.getSellOrderId();
            latency(out, "carbonx.latency.order.trade", awaitingFirstFill.take(aggressor), recordMs);
        }
    }

    private void settlementOrCredit(Object event, long recordMs, List<Observation> out) {
        if (event instanceof TradeSettled s) {
            out.add(count("carbonx.settlements", Map.of("kind", s.getAgreement() ? "agreement" : "trade")));
            latency(out, "carbonx.latency.trade.settled", trades.take(s.getTradeId()), recordMs);
        } else if (event instanceof TradeUnwound u) {
            out.add(count("carbonx.settlement.failures", Map.of()));
            trades.forget(u.getTradeId());
        } else if (event instanceof DefaultRecorded d) {
            out.add(count("carbonx.defaults", Map.of("kind", d.getKind().name())));
        } else if (event instanceof DepositForfeited f && f.getAmountMinor() > 0) {
            out.add(new Observation.Count("carbonx.deposits.forfeited.minor", Map.of(), f.getAmountMinor()));
        } else if (event instanceof AccountFrozen f) {
            out.add(count("carbonx.accounts.frozen", Map.of("reason", f.getReasonCode())));
        } else if (event instanceof AccountCancelled) {
            out.add(count("carbonx.accounts.cancelled", Map.of()));
        } else if (event instanceof PenaltyApplied p) {
            out.add(count("carbonx.penalties", Map.of()));
            if (p.getAmountMinor() > 0) {
                out.add(new Observation.Count("carbonx.penalties.minor", Map.of(), p.getAmountMinor()));
            }
        } else if (event instanceof CreditRatingChanged r) {
            out.add(count("carbonx.ratings.changed", Map.of("grade", r.getGrade().name())));
        }
    }

    private long forgotten() {
        return submitted.forgotten() + awaitingFirstFill.forgotten() + trades.forgotten();
    }

    private static Observation count(String meter, Map<String, String> tags) {
        return new Observation.Count(meter, tags, 1);
    }

    private static void latency(List<Observation> out, String meter, OptionalLong since, long recordMs) {
        if (since.isPresent()) {
            out.add(new Observation.Duration(meter, Map.of(), Math.max(0, recordMs - since.getAsLong())));
        }
    }
}
