package io.carbonx.exchange.core.market;

import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionFill;
import io.carbonx.events.Side;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.core.matching.AuctionResult;
import io.carbonx.exchange.core.matching.CancelReason;
import io.carbonx.exchange.core.matching.MatchEvent;
import io.carbonx.exchange.core.matching.OrderCancelled;
import io.carbonx.exchange.core.matching.OrderExpired;
import io.carbonx.exchange.core.matching.OrderRejected;
import io.carbonx.exchange.core.matching.OrderReplaced;
import io.carbonx.exchange.core.matching.RejectReason;
import io.carbonx.exchange.core.matching.TradeExecuted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the {@link MatchEvent}s of one engine command to the events the exchange publishes, keeping
 * {@link LiveOrders} in step. Mapping:
 * <table>
 *   <caption>engine event → published event</caption>
 *   <tr><th>engine</th><th>published</th></tr>
 *   <tr><td>OrderAccepted, PhaseChanged, ReferencePriceSet</td><td>nothing (the registry published the
 *       acceptance; phases are visible in market data)</td></tr>
 *   <tr><td>OrderRejected</td><td>nothing here: returned to the caller, which knows what was refused</td></tr>
 *   <tr><td>TradeExecuted (continuous)</td><td>TradeExecuted, venue CONTINUOUS, external order ids</td></tr>
 *   <tr><td>TradeExecuted (uncross) … AuctionResult</td><td>the trades (venue CALL_AUCTION, auctionId), then
 *       AuctionCleared with one fill per order in order of first trade</td></tr>
 *   <tr><td>OrderCancelled</td><td>OrderCancelled with the book's reason code, or OrderExpired EXPIRY_TIME when
 *       the cancel was the adapter's GTC expiry, or reason REPLACED when it removes a replaced order</td></tr>
 *   <tr><td>OrderExpired</td><td>OrderExpired SESSION_CLOSED</td></tr>
 *   <tr><td>OrderReplaced</td><td>OrderCancelled REPLACED for the old exchange id; the engine order takes the
 *       new id</td></tr>
 * </table>
 * Every published event carries the engine event's logical time.
 */
final class BookTranslator {

    /**
     * What the command being translated was, where that changes the mapping.
     *
     * @param expiringEngineId the engine order the adapter cancels because its GTC expiry came (or null)
     * @param replacing        true when a cancel removes an order whose replacement failed
     * @param replacement      the new identity of a replaced order (or null)
     */
    record Cause(String expiringEngineId, boolean replacing, Replacement replacement) {
        static final Cause PLAIN = new Cause(null, false, null);

        static Cause expiry(String engineId) {
            return new Cause(engineId, false, null);
        }

        static Cause replaced(Replacement r) {
            return new Cause(null, false, r);
        }

        static Cause cancelForReplace() {
            return new Cause(null, true, null);
        }
    }

    /** The identity a replaced order takes. */
    record Replacement(String newExternalId, long newLimitPrice, long newExpiresAtMs) {
    }

    /** One order's part in an auction. */
    private static final class Fill {
        final String externalId;
        final String participantId;
        final Side side;
        final long limitPrice;
        long filled;
        long remainingAfter;

        Fill(LiveOrders.Live live, String externalId, String participantId, Side side) {
            this.externalId = externalId;
            this.participantId = participantId;
            this.side = side;
            this.limitPrice = live == null ? 0 : live.limitPrice();
        }
    }

    private final String instrumentId;
    private final LiveOrders live;

    BookTranslator(String instrumentId, LiveOrders live) {
        this.instrumentId = instrumentId;
        this.live = live;
    }

    /**
     * Publishes the events of one command.
     *
     * @param referenceBefore the engine's reference price before the command (reported with auctions)
     * @return the reason the command was rejected, or null if it was not
     */
    RejectReason translate(List<MatchEvent> events, Cause cause, long referenceBefore, Outputs out) {
        RejectReason rejected = null;
        long reference = referenceBefore;
        List<TradeExecuted> auctionTrades = new ArrayList<>();
        Map<String, Fill> fills = new LinkedHashMap<>();
        for (MatchEvent event : events) {
            if (event instanceof OrderRejected r) {
                rejected = r.reason();
            } else if (event instanceof TradeExecuted t) {
                trade(t, auctionTrades, fills, out);
            } else if (event instanceof AuctionResult a) {
                auction(a, reference, auctionTrades, fills, out);
                reference = a.price();
                auctionTrades.clear();
                fills.clear();
            } else if (event instanceof OrderCancelled c) {
                cancelled(c, cause, out);
            } else if (event instanceof OrderExpired x) {
                LiveOrders.Live l = live.remove(x.orderId());
                OrderOutcomes.expired(out, instrumentId, external(l, x.orderId()), x.participantId(),
                        x.expiredQuantity(), OrderOutcomes.SESSION_CLOSED, x.timeMs());
            } else if (event instanceof OrderReplaced r) {
                LiveOrders.Live l = live.byEngine(r.orderId());
                OrderOutcomes.cancelled(out, instrumentId, external(l, r.orderId()), r.participantId(),
                        r.oldQuantity(), OrderOutcomes.REPLACED, r.timeMs());
                Replacement n = cause.replacement();
                if (n != null) {
                    live.rename(r.orderId(), n.newExternalId(), n.newLimitPrice(), n.newExpiresAtMs());
                }
            }
        }
        for (TradeExecuted t : auctionTrades) { // defensive: an uncross always ends with its AuctionResult
            publishTrade(t, null, out);
        }
        return rejected;
    }

    private void trade(TradeExecuted t, List<TradeExecuted> auctionTrades, Map<String, Fill> fills, Outputs out) {
        if (t.auction()) {
            auctionTrades.add(t);
            fill(fills, t.buyOrderId(), t.buyParticipantId(), Side.BUY, t.quantity(), t.buyRemaining());
            fill(fills, t.sellOrderId(), t.sellParticipantId(), Side.SELL, t.quantity(), t.sellRemaining());
        } else {
            publishTrade(t, null, out);
        }
        if (t.buyRemaining() == 0) {
            live.remove(t.buyOrderId());
        }
        if (t.sellRemaining() == 0) {
            live.remove(t.sellOrderId());
        }
    }

    private void fill(Map<String, Fill> fills, String engineId, String participantId, Side side, long quantity,
                      long remainingAfter) {
        Fill f = fills.get(engineId);
        if (f == null) {
            LiveOrders.Live l = live.byEngine(engineId);
            f = new Fill(l, external(l, engineId), participantId, side);
            fills.put(engineId, f);
        }
        f.filled = Math.addExact(f.filled, quantity);
        f.remainingAfter = remainingAfter;
    }

    private void publishTrade(TradeExecuted t, String auctionId, Outputs out) {
        out.add(Destination.TRADES, instrumentId, io.carbonx.events.TradeExecuted.newBuilder()
                .setEnvelope(out.envelope("TradeExecuted", t.timeMs())).setTradeId(t.tradeId())
                .setInstrumentId(instrumentId).setPriceMinor(t.price()).setQuantity(t.quantity())
                .setBuyOrderId(live.externalOf(t.buyOrderId())).setSellOrderId(live.externalOf(t.sellOrderId()))
                .setBuyerId(t.buyParticipantId()).setSellerId(t.sellParticipantId())
                .setAggressorSide(t.aggressorSide())
                .setVenue(t.auction() ? TradeVenue.CALL_AUCTION : TradeVenue.CONTINUOUS).setAuctionId(auctionId)
                .setBuyerCommissionBps(null).setSellerCommissionBps(null).build());
    }

    private void auction(AuctionResult a, long reference, List<TradeExecuted> trades, Map<String, Fill> fills,
                         Outputs out) {
        for (TradeExecuted t : trades) {
            publishTradeWithIds(t, a.auctionId(), fills, out);
        }
        List<AuctionFill> list = new ArrayList<>(fills.size());
        for (Fill f : fills.values()) {
            list.add(AuctionFill.newBuilder().setOrderId(f.externalId).setParticipantId(f.participantId)
                    .setSide(f.side).setLimitPriceMinor(f.limitPrice > 0 ? f.limitPrice : null)
                    .setRequestedQuantity(Math.addExact(f.filled, f.remainingAfter)).setFilledQuantity(f.filled)
                    .build());
        }
        long imbalance = a.imbalance();
        out.add(Destination.TRADES, instrumentId, AuctionCleared.newBuilder()
                .setEnvelope(out.envelope("AuctionCleared", a.timeMs())).setAuctionId(a.auctionId())
                .setInstrumentId(instrumentId).setKind(io.carbonx.events.AuctionKind.valueOf(a.kind().name()))
                .setClearingPriceMinor(a.price()).setReferencePriceMinor(reference > 0 ? reference : null)
                .setExecutedQuantity(a.volume()).setImbalanceQuantity(Math.abs(imbalance))
                .setImbalanceSide(imbalance > 0 ? Side.BUY : imbalance < 0 ? Side.SELL : null)
                .setFills(list).build());
    }

    /** An auction trade: order ids as they were when the trade happened (fills remember them). */
    private void publishTradeWithIds(TradeExecuted t, String auctionId, Map<String, Fill> fills, Outputs out) {
        Fill buy = fills.get(t.buyOrderId());
        Fill sell = fills.get(t.sellOrderId());
        out.add(Destination.TRADES, instrumentId, io.carbonx.events.TradeExecuted.newBuilder()
                .setEnvelope(out.envelope("TradeExecuted", t.timeMs())).setTradeId(t.tradeId())
                .setInstrumentId(instrumentId).setPriceMinor(t.price()).setQuantity(t.quantity())
                .setBuyOrderId(buy.externalId).setSellOrderId(sell.externalId)
                .setBuyerId(t.buyParticipantId()).setSellerId(t.sellParticipantId()).setAggressorSide(null)
                .setVenue(TradeVenue.CALL_AUCTION).setAuctionId(auctionId)
                .setBuyerCommissionBps(null).setSellerCommissionBps(null).build());
    }

    private void cancelled(OrderCancelled c, Cause cause, Outputs out) {
        LiveOrders.Live l = live.remove(c.orderId());
        String id = external(l, c.orderId());
        if (c.orderId().equals(cause.expiringEngineId()) && c.reason() == CancelReason.USER_REQUESTED) {
            OrderOutcomes.expired(out, instrumentId, id, c.participantId(), c.cancelledQuantity(),
                    OrderOutcomes.EXPIRY_TIME, c.timeMs());
            return;
        }
        String code = cause.replacing() && c.reason() == CancelReason.USER_REQUESTED ? OrderOutcomes.REPLACED
                : reasonCode(c.reason());
        OrderOutcomes.cancelled(out, instrumentId, id, c.participantId(), c.cancelledQuantity(), code, c.timeMs());
    }

    private static String external(LiveOrders.Live l, String engineId) {
        return l == null ? engineId : l.externalId();
    }

    /** The published reason code of a book cancel. */
    static String reasonCode(CancelReason reason) {
        return switch (reason) {
            case USER_REQUESTED -> "CLIENT_REQUEST";
            case SELF_TRADE_PREVENTION -> "SELF_TRADE_PREVENTION";
            case IOC_REMAINDER -> "IOC_REMAINDER";
            case MARKET_REMAINDER -> "MARKET_REMAINDER";
            case FOK_NOT_FILLABLE -> "FOK_UNFILLED";
            case PARTICIPANT_MASS_CANCEL, ACCOUNT_FROZEN -> "ACCOUNT_FROZEN";
        };
    }
}
