package io.carbonx.exchange.core.matching;

import io.carbonx.events.Side;

/**
 * Builds the engine's events and hands them to the current sink. Owns the per-instrument trade and auction
 * sequences, so every book implementation numbers trades identically.
 */
final class EventEmitter {

    private final String instrumentId;
    private EventSink sink;
    private long timeMs;
    private long tradeSequence;
    private long auctionSequence;

    EventEmitter(String instrumentId) {
        this.instrumentId = instrumentId;
    }

    void begin(EventSink target, long time) {
        this.sink = target;
        this.timeMs = time;
    }

    void at(long time) {
        this.timeMs = time;
    }

    long tradeSequence() {
        return tradeSequence;
    }

    long auctionSequence() {
        return auctionSequence;
    }

    void accepted(PlaceOrder c) {
        sink.accept(new OrderAccepted(instrumentId, c.orderId(), c.participantId(), c.side(), c.type(),
                c.timeInForce(), c.price(), c.quantity(), c.grade(), timeMs));
    }

    void rejected(CommandKind kind, String orderId, String participantId, RejectReason reason) {
        sink.accept(new OrderRejected(instrumentId, kind, orderId, participantId, reason, timeMs));
    }

    void trade(long price, long quantity, String buyOrderId, String buyParticipantId, long buyRemaining,
               String sellOrderId, String sellParticipantId, long sellRemaining, Side aggressorSide) {
        sink.accept(new TradeExecuted(instrumentId, ++tradeSequence, price, quantity, buyOrderId, buyParticipantId,
                buyRemaining, sellOrderId, sellParticipantId, sellRemaining, aggressorSide, timeMs));
    }

    void cancelled(String orderId, String participantId, long quantity, CancelReason reason) {
        sink.accept(new OrderCancelled(instrumentId, orderId, participantId, quantity, reason, timeMs));
    }

    void expired(String orderId, String participantId, long quantity) {
        sink.accept(new OrderExpired(instrumentId, orderId, participantId, quantity, timeMs));
    }

    void replaced(String orderId, String participantId, long oldPrice, long oldQuantity, long newPrice,
                  long newQuantity, boolean priorityKept) {
        sink.accept(new OrderReplaced(instrumentId, orderId, participantId, oldPrice, oldQuantity, newPrice,
                newQuantity, priorityKept, timeMs));
    }

    void auction(AuctionKind kind, long price, long volume, long imbalance) {
        sink.accept(new AuctionResult(instrumentId, ++auctionSequence, kind, price, volume, imbalance, timeMs));
    }

    void phaseChanged(TradingPhase phase) {
        sink.accept(new PhaseChanged(instrumentId, phase, timeMs));
    }

    void referencePriceSet(long price) {
        sink.accept(new ReferencePriceSet(instrumentId, price, timeMs));
    }
}
