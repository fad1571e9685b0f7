package io.carbonx.exchange.core.market;

import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionCloseRequested;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.core.pool.CommissionSchedule;
import io.carbonx.exchange.core.pool.DemandBid;
import io.carbonx.exchange.core.pool.DemandOutcome;
import io.carbonx.exchange.core.pool.PeerTrade;
import io.carbonx.exchange.core.pool.PeriodResult;
import io.carbonx.exchange.core.pool.PoolBiddingVenue;
import io.carbonx.exchange.core.pool.PoolPurchase;
import io.carbonx.exchange.core.pool.PoolSubmission;
import io.carbonx.exchange.core.pool.PoolWithdrawal;
import io.carbonx.exchange.core.pool.SourceSale;
import io.carbonx.exchange.core.pool.StorageOffer;
import io.carbonx.exchange.core.pool.StorageOutcome;
import io.carbonx.exchange.core.pool.SupplyOffer;
import io.carbonx.exchange.core.pool.SupplyOutcome;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Pool bidding for one energy instrument (see {@code POOL_BIDDING.md}), fed from the instrument's partition of
 * {@code carbonx.orders}. Time is clamped as in {@link BookMarket}; before every input the venue is advanced to
 * the input's time, which clears the open period once it has ended.
 *
 * <ul>
 *   <li>OrderAccepted SELL → a supply offer (unsold energy goes to the pool), or a storage offer when the registry
 *       locked its quantity (stored energy, {@link #isStorageOffer}); BUY → a demand bid (limit = price).
 *       A refusal by the venue (no price, period full, ...) is published as OrderCancelled with the venue's reason.
 *       With {@code replacesOrderId}, the old order is withdrawn from the open period (OrderCancelled REPLACED)
 *       and the new one submitted.</li>
 *   <li>OrderCancelRequested → withdrawal from the open period (OrderCancelled CLIENT_REQUEST; ACCOUNT_FROZEN when
 *       the registry asks after a freeze), else
 *       OrderRejected with the reason (e.g. UNKNOWN_ORDER once the period cleared).</li>
 *   <li>ClockTicked → time passes.</li>
 * </ul>
 * A cleared period {@code k} is published, all at the period's end time, with trade ids
 * {@code <instrument>-P<k>-<n>} and auction id {@code <instrument>-P<k>}, venue POOL: the peer trades (commission
 * rates of each party's rank), the pool's purchases of unsold supply (buyer = the platform, no buy order), the
 * consumers' purchases from the pool (seller = the platform, no sell order) or storage (seller = the storage
 * operator, sell order = its storage offer); then OrderExpired PERIOD_CLEARED for every supply returned, every
 * storage offer's unsold energy and every demand left unfilled, so the registry releases their locks.
 */
final class PoolMarket implements Market {

    private final String instrumentId;
    private final PoolBiddingVenue venue;
    private final CommissionSchedule commission;
    private final String platformId;
    private long lastTimeMs = Long.MIN_VALUE;
    private long lastTickSequence = Long.MIN_VALUE;

    PoolMarket(MarketDefinition definition) {
        this.instrumentId = definition.instrumentId();
        this.venue = new PoolBiddingVenue(definition.poolConfig(), definition.poolFirstPeriodStartMs());
        this.commission = definition.poolConfig().commission();
        this.platformId = definition.poolConfig().platformId();
    }

    @Override
    public void apply(SpecificRecord input, Outputs out) {
        if (input instanceof OrderAccepted a) {
            long time = advance(a.getEnvelope().getLogicalTime(), out);
            if (a.getReplacesOrderId() != null) {
                PoolWithdrawal w = venue.withdraw(a.getReplacesOrderId(), a.getParticipantId(), time);
                if (w.withdrawn()) {
                    OrderOutcomes.cancelled(out, instrumentId, w.orderId(), a.getParticipantId(), w.quantityKwh(),
                            OrderOutcomes.REPLACED, time);
                }
            }
            submit(a, time, out);
        } else if (input instanceof OrderCancelRequested c) {
            long time = advance(c.getEnvelope().getLogicalTime(), out);
            PoolWithdrawal w = venue.withdraw(c.getOrderId(), c.getParticipantId(), time);
            if (w.withdrawn()) {
                OrderOutcomes.cancelled(out, instrumentId, w.orderId(), c.getParticipantId(), w.quantityKwh(),
                        BookTranslator.reasonCode(OrderOutcomes.byRegistry(c)
                                ? io.carbonx.exchange.core.matching.CancelReason.ACCOUNT_FROZEN
                                : io.carbonx.exchange.core.matching.CancelReason.USER_REQUESTED), time);
            } else {
                OrderOutcomes.rejected(out, instrumentId, c.getOrderId(), c.getParticipantId(), w.reason().name(),
                        "cancel refused by the pool: " + w.reason().name(), time);
            }
        } else if (input instanceof ClockTicked t && t.getTickSequence() > lastTickSequence) {
            lastTickSequence = t.getTickSequence();
            advance(t.getEnvelope().getLogicalTime(), out);
        } else if (input instanceof OrderCancelled c) {
            venue.withdraw(c.getOrderId(), c.getParticipantId(), advance(c.getEnvelope().getLogicalTime(), out));
        } else {
            unsupported(input, out);
        }
    }

    /** Agreements and primary auctions are not traded on energy instruments. */
    private void unsupported(SpecificRecord input, Outputs out) {
        String participant;
        String request;
        String id;
        if (input instanceof AgreementSubmitted a) {
            participant = a.getSubmittedBy();
            request = Rejections.AGREEMENT;
            id = a.getAgreementId();
        } else if (input instanceof AuctionScheduleRequested s) {
            participant = s.getRegulatorId();
            request = Rejections.AUCTION_SCHEDULE;
            id = s.getAuctionId();
        } else if (input instanceof AuctionBidRequested b) {
            participant = b.getBidderId();
            request = Rejections.AUCTION_BID;
            id = b.getBidId();
        } else if (input instanceof AuctionCloseRequested c) {
            participant = c.getRequestedBy();
            request = Rejections.AUCTION_CLOSE;
            id = c.getAuctionId();
        } else {
            return;
        }
        long time = advance(((io.carbonx.events.EventEnvelope) input.get(0)).getLogicalTime(), out);
        Rejections.rejected(out, request, participant, id, Rejections.UNSUPPORTED_FOR_INSTRUMENT,
                instrumentId + " is traded by pool bidding only", null, time);
    }

    private long advance(long inputTimeMs, Outputs out) {
        lastTimeMs = Math.max(lastTimeMs, inputTimeMs);
        Optional<PeriodResult> cleared = venue.advanceTo(lastTimeMs);
        cleared.ifPresent(r -> publish(r, out));
        return lastTimeMs;
    }

    private void submit(OrderAccepted a, long time, Outputs out) {
        long price = a.getPriceMinor() == null ? 0 : a.getPriceMinor();
        PoolSubmission s;
        if (isStorageOffer(a)) {
            s = venue.submitStorage(new StorageOffer(a.getOrderId(), a.getParticipantId(), a.getQuantity(), price),
                    time);
        } else if (a.getSide() == Side.SELL) {
            s = venue.submitSupply(SupplyOffer.of(a.getOrderId(), a.getParticipantId(), a.getQuantity(), price), time);
        } else {
            s = venue.submitDemand(new DemandBid(a.getOrderId(), a.getParticipantId(), a.getQuantity(), price), time);
        }
        if (!s.accepted()) {
            OrderOutcomes.cancelled(out, instrumentId, a.getOrderId(), a.getParticipantId(), a.getQuantity(),
                    s.reason().name(), time);
        }
    }

    /**
     * A storage offer: an energy SELL for which the registry locked quantity (stored energy the operator holds);
     * an ordinary supply locks none (energy produced and delivered through the grid).
     */
    static boolean isStorageOffer(OrderAccepted a) {
        return a.getSide() == Side.SELL && a.getQuantityLocked() > 0;
    }

    private void publish(PeriodResult r, Outputs out) {
        String periodId = instrumentId + "-P" + r.periodIndex();
        long t = r.periodEndMs();
        int n = 0;
        for (PeerTrade p : r.peerTrades()) {
            trade(out, t, periodId, ++n, p.priceMinorPerKwh(), p.quantityKwh(), p.demandOrderId(), p.consumerId(),
                    p.supplyOrderId(), p.supplierId(), commission.bpsForRank(p.consumerRank()),
                    commission.bpsForRank(p.supplierRank()));
        }
        for (PoolPurchase p : r.poolPurchases()) {
            trade(out, t, periodId, ++n, p.priceMinorPerKwh(), p.quantityKwh(), null, platformId, p.supplyOrderId(),
                    p.supplierId(), 0, 0);
        }
        for (SourceSale s : r.sourceSales()) {
            String sellOrder = s.kind() == SourceSale.Kind.POOL ? null : s.sourceOrderId();
            trade(out, t, periodId, ++n, s.priceMinorPerKwh(), s.quantityKwh(), s.demandOrderId(), s.consumerId(),
                    sellOrder, s.sellerId(), 0, 0);
        }
        for (SupplyOutcome o : r.supplyOutcomes()) {
            if (o.returnedKwh() > 0) {
                OrderOutcomes.expired(out, instrumentId, o.orderId(), o.supplierId(), o.returnedKwh(),
                        OrderOutcomes.PERIOD_CLEARED, t);
            }
        }
        for (StorageOutcome o : r.storageOutcomes()) {
            if (o.returnedKwh() > 0) {
                OrderOutcomes.expired(out, instrumentId, o.orderId(), o.ownerId(), o.returnedKwh(),
                        OrderOutcomes.PERIOD_CLEARED, t);
            }
        }
        for (DemandOutcome o : r.demandOutcomes()) {
            if (o.unfilledKwh() > 0) {
                OrderOutcomes.expired(out, instrumentId, o.orderId(), o.consumerId(), o.unfilledKwh(),
                        OrderOutcomes.PERIOD_CLEARED, t);
            }
        }
    }

    private void trade(Outputs out, long timeMs, String periodId, int n, long price, long quantity, String buyOrderId,
                       String buyerId, String sellOrderId, String sellerId, int buyerBps, int sellerBps) {
        out.add(Destination.TRADES, instrumentId, TradeExecuted.newBuilder()
                .setEnvelope(out.envelope("TradeExecuted", timeMs)).setTradeId(periodId + "-" + n)
                .setInstrumentId(instrumentId).setPriceMinor(price).setQuantity(quantity).setBuyOrderId(buyOrderId)
                .setSellOrderId(sellOrderId).setBuyerId(buyerId).setSellerId(sellerId).setAggressorSide(null)
                .setVenue(TradeVenue.POOL).setAuctionId(periodId).setBuyerCommissionBps(buyerBps)
                .setSellerCommissionBps(sellerBps).build());
    }

    /** The venue (read-only use: market data queries). */
    PoolBiddingVenue venue() {
        return venue;
    }

    @Override
    public String stateHash() {
        MessageDigest d = Hashing.sha256();
        Hashing.putString(d, venue.stateHash());
        Hashing.putLong(d, lastTimeMs);
        Hashing.putLong(d, lastTickSequence);
        return Hashing.hex(d.digest());
    }
}
