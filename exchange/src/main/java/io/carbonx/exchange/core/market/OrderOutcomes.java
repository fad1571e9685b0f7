package io.carbonx.exchange.core.market;

import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;

/**
 * Builders of the order outcomes the exchange writes to {@link Destination#ORDERS}, keyed by instrument.
 *
 * <p>Reason codes of OrderCancelled: the book's {@code CLIENT_REQUEST}, {@code REPLACED}, {@code ACCOUNT_FROZEN},
 * {@code SELF_TRADE_PREVENTION}, {@code IOC_REMAINDER}, {@code FOK_UNFILLED}, {@code MARKET_REMAINDER}; and, for an
 * order the registry accepted but the venue could not take, the venue's rejection reason (e.g. {@code OUT_OF_BAND},
 * {@code MARKET_CLOSED}, {@code UNKNOWN_INSTRUMENT}, {@code DUPLICATE_ORDER_ID}, {@code REPLACED_ORDER_NOT_LIVE}):
 * the order never rested, and the registry releases its locks. Reason codes of OrderExpired: {@code EXPIRY_TIME}
 * (GTC expiry), {@code SESSION_CLOSED} (DAY orders at the close), {@code PERIOD_CLEARED} (energy left unsold or
 * unbought when a pool period cleared).
 */
final class OrderOutcomes {

    static final String EXPIRY_TIME = "EXPIRY_TIME";
    static final String SESSION_CLOSED = "SESSION_CLOSED";
    static final String PERIOD_CLEARED = "PERIOD_CLEARED";
    static final String REPLACED = "REPLACED";
    /**
     * The registry's actor name. An OrderCancelRequested of this actor is the registry's own, after it froze the
     * order's account (it asks the book, the authority over what rests, to cancel what still does).
     */
    static final String REGISTRY_ACTOR = "carbonx-registry";

    /** Whether a cancel request is the registry's own, after a freeze (not a participant's forwarded request). */
    static boolean byRegistry(io.carbonx.events.OrderCancelRequested c) {
        return REGISTRY_ACTOR.equals(c.getEnvelope().getActor());
    }

    private OrderOutcomes() {
    }

    static void cancelled(Outputs out, String instrumentId, String orderId, String participantId, long remaining,
                          String reasonCode, long timeMs) {
        out.add(Destination.ORDERS, instrumentId, OrderCancelled.newBuilder()
                .setEnvelope(out.envelope("OrderCancelled", timeMs)).setOrderId(orderId)
                .setParticipantId(participantId).setInstrumentId(instrumentId).setRemainingQuantity(remaining)
                .setReasonCode(reasonCode).build());
    }

    static void expired(Outputs out, String instrumentId, String orderId, String participantId, long remaining,
                        String reasonCode, long timeMs) {
        out.add(Destination.ORDERS, instrumentId, OrderExpired.newBuilder()
                .setEnvelope(out.envelope("OrderExpired", timeMs)).setOrderId(orderId)
                .setParticipantId(participantId).setInstrumentId(instrumentId).setRemainingQuantity(remaining)
                .setReasonCode(reasonCode).build());
    }

    /** A refused cancel (or other order command) that changed nothing. */
    static void rejected(Outputs out, String instrumentId, String orderId, String participantId, String reasonCode,
                         String detail, long timeMs) {
        out.add(Destination.ORDERS, instrumentId, OrderRejected.newBuilder()
                .setEnvelope(out.envelope("OrderRejected", timeMs)).setOrderId(orderId).setClientOrderId(orderId)
                .setParticipantId(participantId).setInstrumentId(instrumentId).setReasonCode(reasonCode)
                .setDetail(detail).build());
    }
}
