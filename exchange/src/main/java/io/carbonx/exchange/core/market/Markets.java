package io.carbonx.exchange.core.market;

import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionCloseRequested;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.Side;
import io.carbonx.exchange.core.matching.MatchingEngine;
import io.carbonx.exchange.core.matching.RestingOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The exchange's deterministic state for a set of instruments (in the service: those of one partition of
 * {@code carbonx.orders}): routes every input event to its instrument's {@link Market} and returns what to publish.
 * Pure: the same input sequence gives the same outputs (byte for byte once encoded: event ids are
 * {@code <input event id>/<n>}) and the same {@link #stateHashes()}. Not thread-safe: one writer.
 *
 * <p>Inputs (anything else, including the exchange's own OrderCancelled/OrderExpired/OrderRejected (actor
 * {@code exchange}) and the registry's OrderRejected coming back on the topic, is ignored and publishes nothing):
 * <ul>
 *   <li>{@link OrderAccepted}, {@link OrderCancelRequested}: routed by {@code instrumentId}. For an instrument not
 *       configured here, an acceptance is answered OrderCancelled UNKNOWN_INSTRUMENT (so the registry releases its
 *       locks) and a cancel OrderRejected UNKNOWN_INSTRUMENT;</li>
 *   <li>{@link ClockTicked}: routed by {@code scope}; ticks for other scopes are ignored;</li>
 *   <li>an {@link OrderCancelled} written by another actor than the exchange (in logs written before the registry
 *       asked the book to cancel a frozen account's orders with an OrderCancelRequested of its own): the order
 *       leaves the book silently;</li>
 *   <li>{@link AgreementSubmitted}, {@link AuctionScheduleRequested}, {@link AuctionBidRequested},
 *       {@link AuctionCloseRequested}: routed by {@code instrumentId} to the book's agreement desk and primary
 *       auctions; refusals (including an unknown or energy instrument) are RequestRejected to the requester.</li>
 * </ul>
 * A market is created when its instrument's first input arrives, so {@link #stateHashes()} lists the instruments
 * that have seen input.
 */
public final class Markets {

    /** Reason code for inputs naming an instrument this exchange does not trade. */
    public static final String UNKNOWN_INSTRUMENT = "UNKNOWN_INSTRUMENT";

    private final String chainId;
    private final TreeMap<String, MarketDefinition> definitions = new TreeMap<>();
    private final TreeMap<String, Market> active = new TreeMap<>();

    /**
     * @param chainId     the chain agreement terms must be bound to
     * @param definitions the instruments
     * @throws IllegalArgumentException if an instrument is defined twice
     */
    public Markets(String chainId, Collection<MarketDefinition> definitions) {
        this.chainId = chainId;
        for (MarketDefinition d : definitions) {
            if (this.definitions.putIfAbsent(d.instrumentId(), d) != null) {
                throw new IllegalArgumentException("instrument defined twice: " + d.instrumentId());
            }
        }
    }

    /**
     * Applies one input event.
     *
     * @return the events to publish, in order; empty for ignored inputs
     */
    public List<MarketOutput> apply(SpecificRecord input) {
        String instrumentId;
        EventEnvelope envelope;
        if (input instanceof OrderAccepted a) {
            instrumentId = a.getInstrumentId();
            envelope = a.getEnvelope();
        } else if (input instanceof OrderCancelRequested c) {
            instrumentId = c.getInstrumentId();
            envelope = c.getEnvelope();
        } else if (input instanceof ClockTicked t) {
            instrumentId = t.getScope();
            envelope = t.getEnvelope();
        } else if (input instanceof AgreementSubmitted a) {
            instrumentId = a.getInstrumentId();
            envelope = a.getEnvelope();
        } else if (input instanceof AuctionScheduleRequested s) {
            instrumentId = s.getInstrumentId();
            envelope = s.getEnvelope();
        } else if (input instanceof AuctionBidRequested b) {
            instrumentId = b.getInstrumentId();
            envelope = b.getEnvelope();
        } else if (input instanceof AuctionCloseRequested c) {
            instrumentId = c.getInstrumentId();
            envelope = c.getEnvelope();
        } else if (input instanceof OrderCancelled c && !Outputs.ACTOR.equals(c.getEnvelope().getActor())) {
            instrumentId = c.getInstrumentId();
            envelope = c.getEnvelope();
        } else {
            return List.of();
        }
        Outputs out = new Outputs(envelope.getEventId());
        MarketDefinition definition = definitions.get(instrumentId);
        if (definition == null) {
            unknownInstrument(input, envelope.getLogicalTime(), out);
        } else {
            active.computeIfAbsent(instrumentId, id -> create(definition)).apply(input, out);
        }
        return out.list();
    }

    private static void unknownInstrument(SpecificRecord input, long timeMs, Outputs out) {
        if (input instanceof OrderAccepted a) {
            OrderOutcomes.cancelled(out, a.getInstrumentId(), a.getOrderId(), a.getParticipantId(), a.getQuantity(),
                    UNKNOWN_INSTRUMENT, timeMs);
        } else if (input instanceof OrderCancelRequested c) {
            OrderOutcomes.rejected(out, c.getInstrumentId(), c.getOrderId(), c.getParticipantId(), UNKNOWN_INSTRUMENT,
                    "the exchange does not trade " + c.getInstrumentId(), timeMs);
        } else if (input instanceof AgreementSubmitted a) {
            Rejections.rejected(out, Rejections.AGREEMENT, a.getSubmittedBy(), a.getAgreementId(), UNKNOWN_INSTRUMENT,
                    a.getInstrumentId(), null, timeMs);
        } else if (input instanceof AuctionScheduleRequested s) {
            Rejections.rejected(out, Rejections.AUCTION_SCHEDULE, s.getRegulatorId(), s.getAuctionId(),
                    UNKNOWN_INSTRUMENT, s.getInstrumentId(), null, timeMs);
        } else if (input instanceof AuctionBidRequested b) {
            Rejections.rejected(out, Rejections.AUCTION_BID, b.getBidderId(), b.getBidId(), UNKNOWN_INSTRUMENT,
                    b.getInstrumentId(), null, timeMs);
        } else if (input instanceof AuctionCloseRequested c) {
            Rejections.rejected(out, Rejections.AUCTION_CLOSE, c.getRequestedBy(), c.getAuctionId(),
                    UNKNOWN_INSTRUMENT, c.getInstrumentId(), null, timeMs);
        }
    }

    private Market create(MarketDefinition d) {
        return d.isEnergy() ? new PoolMarket(d) : new BookMarket(chainId, d);
    }

    /** The configured instruments, by id. */
    public SortedMap<String, MarketDefinition> definitions() {
        return java.util.Collections.unmodifiableSortedMap(definitions);
    }

    /** State hash per instrument that has seen input, by instrument id. */
    public SortedMap<String, String> stateHashes() {
        TreeMap<String, String> hashes = new TreeMap<>();
        active.forEach((id, market) -> hashes.put(id, market.stateHash()));
        return hashes;
    }

    /**
     * The depth of a book instrument that has seen input: up to {@code levels} price levels per side.
     *
     * @return empty for energy instruments and books without input yet
     */
    public Optional<BookDepth> depth(String instrumentId, int levels) {
        Market m = active.get(instrumentId);
        if (!(m instanceof BookMarket book)) {
            return Optional.empty();
        }
        MatchingEngine e = book.engine();
        return Optional.of(new BookDepth(instrumentId, e.phase(), e.referencePrice(), levels(e, Side.BUY, levels),
                levels(e, Side.SELL, levels)));
    }

    private static List<DepthLevel> levels(MatchingEngine engine, Side side, int max) {
        List<DepthLevel> out = new ArrayList<>();
        long price = 0;
        long quantity = 0;
        int orders = 0;
        for (RestingOrder o : engine.restingOrders(side)) {
            if (orders > 0 && o.price() != price) {
                out.add(new DepthLevel(price, quantity, orders));
                if (out.size() == max) {
                    return out;
                }
                quantity = 0;
                orders = 0;
            }
            price = o.price();
            quantity = Math.addExact(quantity, o.remaining());
            orders++;
        }
        if (orders > 0 && out.size() < max) {
            out.add(new DepthLevel(price, quantity, orders));
        }
        return out;
    }
}
