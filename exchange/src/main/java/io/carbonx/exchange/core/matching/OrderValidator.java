package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.TimeInForce;

/**
 * Business validation of commands against an instrument's rules, the phase and the book. Returns the first
 * broken rule or null; never throws for bad input. Check order:
 * <ul>
 *   <li>place: MISSING_FIELD, INVALID_ORDER_ID, INVALID_PARTICIPANT, GRADE_NOT_PERMITTED, INVALID_PRIORITY_TIER,
 *       MARKET_CLOSED,
 *       NOT_ALLOWED_IN_CALL_PHASE, quantity (NON_POSITIVE_QUANTITY, BELOW_MIN_QUANTITY, ABOVE_MAX_QUANTITY,
 *       OFF_LOT), price (MARKET: PRICE_NOT_ALLOWED_FOR_MARKET, then a protection price's NON_POSITIVE_PRICE,
 *       OFF_TICK, NOTIONAL_OVERFLOW; LIMIT: PROTECTION_NOT_ALLOWED_FOR_LIMIT, NON_POSITIVE_PRICE, OFF_TICK,
 *       OUT_OF_BAND, NOTIONAL_OVERFLOW), QUANTITY_OVERFLOW, DUPLICATE_ORDER_ID;</li>
 *   <li>cancel: INVALID_ORDER_ID, INVALID_PARTICIPANT, UNKNOWN_ORDER, NOT_ORDER_OWNER;</li>
 *   <li>replace: INVALID_ORDER_ID, INVALID_PARTICIPANT, UNKNOWN_ORDER, NOT_ORDER_OWNER, MARKET_CLOSED,
 *       quantity (NON_POSITIVE_QUANTITY, ABOVE_MAX_QUANTITY, OFF_LOT; the minimum does not apply to the
 *       remaining quantity of a live order), price as for place, QUANTITY_OVERFLOW.</li>
 * </ul>
 */
final class OrderValidator {

    private final InstrumentRules rules;

    OrderValidator(InstrumentRules rules) {
        this.rules = rules;
    }

    RejectReason place(PlaceOrder c, TradingPhase phase, PriceBand band, OrderBook book) {
        if (c.side() == null || c.type() == null || c.timeInForce() == null || c.grade() == null) {
            return RejectReason.MISSING_FIELD;
        }
        RejectReason reason = ids(c.orderId(), c.participantId());
        if (reason != null) {
            return reason;
        }
        if (c.grade() == CreditGrade.D) {
            return RejectReason.GRADE_NOT_PERMITTED;
        }
        if (c.priorityTier() < 0 || c.priorityTier() > PlaceOrder.MAX_TIER) {
            return RejectReason.INVALID_PRIORITY_TIER;
        }
        if (phase == TradingPhase.CLOSED) {
            return RejectReason.MARKET_CLOSED;
        }
        boolean market = c.type() == OrderType.MARKET;
        if (phase.isCallPhase()
                && (market || c.timeInForce() == TimeInForce.IOC || c.timeInForce() == TimeInForce.FOK)) {
            return RejectReason.NOT_ALLOWED_IN_CALL_PHASE;
        }
        if (c.quantity() > 0 && c.quantity() < rules.minQuantity()) {
            return RejectReason.BELOW_MIN_QUANTITY;
        }
        reason = quantity(c.quantity());
        if (reason != null) {
            return reason;
        }
        if (market) {
            reason = marketPrices(c);
        } else {
            reason = c.protectionPrice() != 0 ? RejectReason.PROTECTION_NOT_ALLOWED_FOR_LIMIT
                    : price(c.price(), c.quantity(), band);
        }
        if (reason != null) {
            return reason;
        }
        if (book.totalQuantity(c.side()) > Long.MAX_VALUE - c.quantity()) {
            return RejectReason.QUANTITY_OVERFLOW;
        }
        return book.find(c.orderId()) != null ? RejectReason.DUPLICATE_ORDER_ID : null;
    }

    /**
     * A MARKET order: price 0; a protection price, if any (0 = none), positive, on the tick and with a notional
     * that fits in a long. The protection is not held to the band: it only bounds where the order may trade.
     */
    private RejectReason marketPrices(PlaceOrder c) {
        if (c.price() != 0) {
            return RejectReason.PRICE_NOT_ALLOWED_FOR_MARKET;
        }
        long protection = c.protectionPrice();
        if (protection == 0) {
            return null;
        }
        if (protection < 0) {
            return RejectReason.NON_POSITIVE_PRICE;
        }
        if (protection % rules.tickSize() != 0) {
            return RejectReason.OFF_TICK;
        }
        return overflows(protection, c.quantity()) ? RejectReason.NOTIONAL_OVERFLOW : null;
    }

    private static boolean overflows(long price, long quantity) {
        return Math.multiplyHigh(price, quantity) != 0 || price * quantity < 0;
    }

    RejectReason cancel(CancelOrder c, OrderBook book) {
        RejectReason reason = ids(c.orderId(), c.participantId());
        return reason != null ? reason : owner(book.find(c.orderId()), c.participantId());
    }

    RejectReason replace(ReplaceOrder c, TradingPhase phase, PriceBand band, OrderBook book) {
        RejectReason reason = ids(c.orderId(), c.participantId());
        if (reason != null) {
            return reason;
        }
        OrderView order = book.find(c.orderId());
        reason = owner(order, c.participantId());
        if (reason != null) {
            return reason;
        }
        if (phase == TradingPhase.CLOSED) {
            return RejectReason.MARKET_CLOSED;
        }
        reason = quantity(c.newQuantity());
        if (reason == null) {
            reason = price(c.newPrice(), c.newQuantity(), band);
        }
        if (reason != null) {
            return reason;
        }
        long increase = c.newQuantity() - order.remaining();
        if (increase > 0 && book.totalQuantity(order.side()) > Long.MAX_VALUE - increase) {
            return RejectReason.QUANTITY_OVERFLOW;
        }
        return null;
    }

    RejectReason referencePrice(SetReferencePrice c) {
        if (c.price() <= 0) {
            return RejectReason.NON_POSITIVE_PRICE;
        }
        return c.price() % rules.tickSize() != 0 ? RejectReason.OFF_TICK : null;
    }

    private static RejectReason ids(String orderId, String participantId) {
        if (orderId == null || orderId.isBlank()) {
            return RejectReason.INVALID_ORDER_ID;
        }
        if (participantId == null || participantId.isBlank()) {
            return RejectReason.INVALID_PARTICIPANT;
        }
        return null;
    }

    private static RejectReason owner(OrderView order, String participantId) {
        if (order == null) {
            return RejectReason.UNKNOWN_ORDER;
        }
        return order.participantId().equals(participantId) ? null : RejectReason.NOT_ORDER_OWNER;
    }

    /** Positive, at most the maximum, on lot. (The minimum is checked by the caller where it applies.) */
    private RejectReason quantity(long quantity) {
        if (quantity <= 0) {
            return RejectReason.NON_POSITIVE_QUANTITY;
        }
        if (quantity > rules.maxQuantity()) {
            return RejectReason.ABOVE_MAX_QUANTITY;
        }
        return quantity % rules.lotSize() != 0 ? RejectReason.OFF_LOT : null;
    }

    private RejectReason price(long price, long quantity, PriceBand band) {
        if (price <= 0) {
            return RejectReason.NON_POSITIVE_PRICE;
        }
        if (price % rules.tickSize() != 0) {
            return RejectReason.OFF_TICK;
        }
        if (!band.contains(price)) {
            return RejectReason.OUT_OF_BAND;
        }
        if (overflows(price, quantity)) {
            return RejectReason.NOTIONAL_OVERFLOW;
        }
        return null;
    }
}
