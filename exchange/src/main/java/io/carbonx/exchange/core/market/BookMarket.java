package io.carbonx.exchange.core.market;

import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionCloseRequested;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderType;
import io.carbonx.exchange.core.matching.AdvanceTime;
import io.carbonx.exchange.core.matching.CancelOrder;
import io.carbonx.exchange.core.matching.CancelReason;
import io.carbonx.exchange.core.matching.Command;
import io.carbonx.exchange.core.matching.MatchEvent;
import io.carbonx.exchange.core.matching.MatchingEngine;
import io.carbonx.exchange.core.matching.PlaceOrder;
import io.carbonx.exchange.core.matching.RejectReason;
import io.carbonx.exchange.core.matching.ReplaceOrder;
import io.carbonx.exchange.core.matching.TradeExecuted;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The order book of one allowance or offset instrument: a {@link MatchingEngine} fed from the instrument's
 * partition of {@code carbonx.orders}.
 *
 * <ul>
 *   <li><b>Time.</b> Each input's logical time is clamped to the instrument's latest time
 *       ({@code max(last, envelope.logicalTime)}): inputs from several writers (the registry, the clock) cannot
 *       make time go backwards, and the clamp is a function of the input order alone, so replay is exact.</li>
 *   <li><b>OrderAccepted</b> (no {@code replacesOrderId}): a {@link PlaceOrder} with the grade and the
 *       {@code priorityTier} the registry attached (the tier its grade table gives that grade: the book ranks
 *       equal prices by it under price-grade-time; an event without a tier, written before tiers were stamped,
 *       ranks by the grade's position, {@link PlaceOrder#gradeTier}); a MARKET order keeps its {@code protectionPriceMinor}, beyond which it never trades (its
 *       remainder is cancelled MARKET_REMAINDER), so every fill respects the price the registry sized its deposit
 *       and its fill check on. An order whose GTC expiry has already passed expires at once (EXPIRY_TIME); an id
 *       that is live already, or any engine rejection, is published as OrderCancelled with the rejection reason, so
 *       the registry releases what it locked.</li>
 *   <li><b>OrderAccepted with {@code replacesOrderId}</b>: a {@link ReplaceOrder} of the old order to the new
 *       price and quantity (the registry's replacement is a fresh order of that quantity); a same-price quantity
 *       reduction keeps the queue place; the order keeps the grade and tier it arrived with. The old id is reported OrderCancelled REPLACED, and the engine order takes
 *       the new id. If the old order is not live any more (filled meanwhile) or the engine refuses, the new order
 *       is OrderCancelled with the reason and the old one, if live, is removed (REPLACED): the registry has already
 *       cancelled it.</li>
 *   <li><b>OrderCancelRequested</b> (forwarded by the registry, or the registry's own after it froze the owner's
 *       account: actor {@link OrderOutcomes#REGISTRY_ACTOR}): a {@link CancelOrder} of what still rests, published
 *       OrderCancelled CLIENT_REQUEST (ACCOUNT_FROZEN for the registry's own); a refusal (the order was filled
 *       meanwhile) is published as OrderRejected. Fills made before are already on their way and stand.</li>
 *   <li><b>ClockTicked</b> (scope = instrument): time passes ({@link AdvanceTime}): session phases, auctions, DAY
 *       expiry. Ticks whose sequence is not above the last one seen are ignored.</li>
 *   <li><b>GTC expiry</b>: before every input, orders whose {@code expiresAtMs} is at or before the input's time
 *       are cancelled at their expiry time and published as OrderExpired EXPIRY_TIME.</li>
 *   <li><b>AgreementSubmitted, Auction*Requested</b>: the instrument's agreement desk and primary auctions
 *       ({@link VenueDesks}); the agreement band is centred on the last trade price, else the reference price.</li>
 * </ul>
 */
final class BookMarket implements Market {

    private final String instrumentId;
    private final MatchingEngine engine;
    private final LiveOrders live = new LiveOrders();
    private final BookTranslator translator;
    private long lastTimeMs = Long.MIN_VALUE;
    private long engineTimeMs = Long.MIN_VALUE;
    private long lastTickSequence = Long.MIN_VALUE;
    private long lastTradePrice;
    private final VenueDesks venues;

    BookMarket(String chainId, MarketDefinition definition) {
        this.instrumentId = definition.instrumentId();
        this.engine = new MatchingEngine(definition.bookRules());
        this.translator = new BookTranslator(instrumentId, live);
        this.venues = new VenueDesks(chainId, definition);
    }

    @Override
    public void apply(SpecificRecord input, Outputs out) {
        if (input instanceof OrderAccepted a) {
            long time = advance(a.getEnvelope().getLogicalTime(), out);
            if (a.getReplacesOrderId() == null) {
                place(a, time, out);
            } else {
                replace(a, time, out);
            }
        } else if (input instanceof OrderCancelRequested c) {
            cancel(c, advance(c.getEnvelope().getLogicalTime(), out), out);
        } else if (input instanceof ClockTicked t && t.getTickSequence() > lastTickSequence) {
            lastTickSequence = t.getTickSequence();
            long time = advance(t.getEnvelope().getLogicalTime(), out);
            run(new AdvanceTime(time), BookTranslator.Cause.PLAIN, out);
        } else if (input instanceof OrderCancelled c) {
            cancelledElsewhere(c, out);
        } else if (input instanceof AgreementSubmitted a) {
            long time = advance(a.getEnvelope().getLogicalTime(), out);
            venues.agreement(a, lastTradePrice > 0 ? lastTradePrice : engine.referencePrice(), time, out);
        } else if (input instanceof AuctionScheduleRequested s) {
            venues.schedule(s, advance(s.getEnvelope().getLogicalTime(), out), out);
        } else if (input instanceof AuctionBidRequested b) {
            venues.bid(b, advance(b.getEnvelope().getLogicalTime(), out), out);
        } else if (input instanceof AuctionCloseRequested c) {
            venues.close(c, advance(c.getEnvelope().getLogicalTime(), out), out);
        }
    }

    /** Clamps the input's time, expires due GTC orders, and returns the time the input takes effect. */
    private long advance(long inputTimeMs, Outputs out) {
        lastTimeMs = Math.max(lastTimeMs, inputTimeMs);
        LiveOrders.Live due;
        while ((due = live.firstExpiringBy(lastTimeMs)) != null) {
            live.dropExpiry(due);
            long at = Math.max(engineTimeMs, due.expiresAtMs());
            run(new CancelOrder(due.engineId(), due.participantId(), at), BookTranslator.Cause.expiry(due.engineId()),
                    out);
        }
        return lastTimeMs;
    }

    private void place(OrderAccepted a, long time, Outputs out) {
        String id = a.getOrderId();
        long expiry = a.getExpiresAtMs() == null ? LiveOrders.NEVER : a.getExpiresAtMs();
        if (live.knows(id)) {
            OrderOutcomes.cancelled(out, instrumentId, id, a.getParticipantId(), a.getQuantity(),
                    RejectReason.DUPLICATE_ORDER_ID.name(), time);
            return;
        }
        if (expiry <= time) {
            OrderOutcomes.expired(out, instrumentId, id, a.getParticipantId(), a.getQuantity(),
                    OrderOutcomes.EXPIRY_TIME, time);
            return;
        }
        long price = limitPrice(a);
        live.add(id, a.getParticipantId(), a.getSide(), price, expiry);
        RejectReason rejected = run(new PlaceOrder(id, a.getParticipantId(), a.getSide(), a.getOrderType(),
                a.getTimeInForce(), price, a.getQuantity(), a.getGrade(), priorityTier(a), time, protectionPrice(a)),
                BookTranslator.Cause.PLAIN, out);
        if (rejected != null) {
            live.remove(id);
            OrderOutcomes.cancelled(out, instrumentId, id, a.getParticipantId(), a.getQuantity(), rejected.name(),
                    time);
        }
    }

    /** The tier the registry stamped, or the grade's position for an event written before tiers. */
    private static int priorityTier(OrderAccepted a) {
        Integer tier = a.getPriorityTier();
        return tier == null ? PlaceOrder.gradeTier(a.getGrade()) : tier;
    }

    private void replace(OrderAccepted a, long time, Outputs out) {
        String newId = a.getOrderId();
        Optional<LiveOrders.Live> old = live.byExternal(a.getReplacesOrderId())
                .filter(l -> l.participantId().equals(a.getParticipantId()));
        String refusal = null;
        if (old.isEmpty()) {
            refusal = "REPLACED_ORDER_NOT_LIVE";
        } else if (!newId.equals(old.get().externalId()) && live.knows(newId)) {
            refusal = RejectReason.DUPLICATE_ORDER_ID.name();
        } else if (a.getOrderType() != OrderType.LIMIT || old.get().limitPrice() == 0) {
            refusal = "NOT_REPLACEABLE";
        } else {
            long expiry = a.getExpiresAtMs() == null ? LiveOrders.NEVER : a.getExpiresAtMs();
            BookTranslator.Replacement r = new BookTranslator.Replacement(newId, limitPrice(a), expiry);
            RejectReason rejected = run(new ReplaceOrder(old.get().engineId(), a.getParticipantId(), limitPrice(a),
                    a.getQuantity(), time), BookTranslator.Cause.replaced(r), out);
            refusal = rejected == null ? null : rejected.name();
        }
        if (refusal != null) {
            OrderOutcomes.cancelled(out, instrumentId, newId, a.getParticipantId(), a.getQuantity(), refusal, time);
            if (old.isPresent() && live.byEngine(old.get().engineId()) != null) {
                run(new CancelOrder(old.get().engineId(), a.getParticipantId(), time),
                        BookTranslator.Cause.cancelForReplace(), out);
            }
        }
    }

    private void cancel(OrderCancelRequested c, long time, Outputs out) {
        Optional<LiveOrders.Live> l = live.byExternal(c.getOrderId());
        RejectReason rejected = l.isEmpty() ? RejectReason.UNKNOWN_ORDER
                : run(new CancelOrder(l.get().engineId(), c.getParticipantId(), time,
                        OrderOutcomes.byRegistry(c) ? CancelReason.ACCOUNT_FROZEN : CancelReason.USER_REQUESTED),
                        BookTranslator.Cause.PLAIN, out);
        if (rejected != null) {
            OrderOutcomes.rejected(out, instrumentId, c.getOrderId(), c.getParticipantId(), rejected.name(),
                    "cancel refused by the book: " + rejected.name(), time);
        }
    }

    /**
     * The registry cancelled the order and published the outcome (logs written before the registry asked the book
     * to cancel a frozen account's orders instead): time passes as for any input (session events are published),
     * then the order leaves the book without a second OrderCancelled.
     */
    private void cancelledElsewhere(OrderCancelled c, Outputs out) {
        long time = advance(c.getEnvelope().getLogicalTime(), out);
        Optional<LiveOrders.Live> l = live.byExternal(c.getOrderId());
        if (l.isEmpty()) {
            return;
        }
        run(new AdvanceTime(time), BookTranslator.Cause.PLAIN, out);
        run(new CancelOrder(l.get().engineId(), l.get().participantId(), time), BookTranslator.Cause.PLAIN,
                new Outputs(out.causeId() + "/silent"));
    }

    private RejectReason run(Command command, BookTranslator.Cause cause, Outputs out) {
        long referenceBefore = engine.referencePrice();
        engineTimeMs = Math.max(engineTimeMs, command.timeMs());
        List<MatchEvent> events = engine.process(command);
        for (MatchEvent e : events) {
            if (e instanceof TradeExecuted t) {
                lastTradePrice = t.price();
            }
        }
        return translator.translate(events, cause, referenceBefore, out);
    }

    private static long limitPrice(OrderAccepted a) {
        return a.getOrderType() == OrderType.MARKET || a.getPriceMinor() == null ? 0 : a.getPriceMinor();
    }

    /** A MARKET order's protection price (0 = none; every order the registry accepts carries one). */
    private static long protectionPrice(OrderAccepted a) {
        return a.getOrderType() == OrderType.MARKET && a.getProtectionPriceMinor() != null
                ? a.getProtectionPriceMinor() : 0;
    }

    /** The engine (read-only use: market data queries). */
    MatchingEngine engine() {
        return engine;
    }

    @Override
    public String stateHash() {
        MessageDigest d = Hashing.sha256();
        d.update(engine.stateHash());
        live.digestInto(d);
        Hashing.putLong(d, lastTimeMs);
        Hashing.putLong(d, engineTimeMs);
        Hashing.putLong(d, lastTickSequence);
        Hashing.putLong(d, lastTradePrice);
        venues.digestInto(d);
        return Hashing.hex(d.digest());
    }
}
