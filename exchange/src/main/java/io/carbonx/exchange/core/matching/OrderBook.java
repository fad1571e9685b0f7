package io.carbonx.exchange.core.matching;

import io.carbonx.events.Side;
import java.util.function.Consumer;

/**
 * The book of one instrument: resting orders and the matching rules that act on them. The engine validates
 * every command before calling the book, so the book may assume valid input (an order id given to
 * {@link #cancel} or {@link #replace} is live; a new order id is not).
 *
 * <p>Semantics every implementation must share (the fast book and the naive reference book are checked
 * against each other on random streams):
 * <ul>
 *   <li>Priority: price, then the order's priority tier ({@link PlaceOrder#priorityTier()}, lower first, the
 *       configured tier of its grade at arrival; all equal in {@link PriorityMode#PRICE_TIME}), then arrival
 *       sequence (smaller first). A replaced order keeps its tier.</li>
 *   <li>Continuous matching walks the opposite side in priority order while the incoming order crosses;
 *       trade price = the resting order's price; self-matches follow {@link SelfTradePrevention}.</li>
 *   <li>FOK: executes only if, walking the opposite side in priority order within its limit, the quantity of
 *       other participants' orders reaches its quantity &mdash; skipping own orders under CANCEL_RESTING,
 *       stopping at the first own order under CANCEL_AGGRESSOR. Otherwise it is cancelled
 *       ({@link CancelReason#FOK_NOT_FILLABLE}) and nothing else changes.</li>
 *   <li>Uncross: see {@link #uncross}.</li>
 *   <li>Bulk events (expiry, participant cancel) come bids first, each side in priority order.</li>
 * </ul>
 */
interface OrderBook {

    /** The live order with this id, or null. */
    OrderView find(String orderId);

    /** Total open quantity resting on a side. */
    long totalQuantity(Side side);

    /** Number of resting orders. */
    int size();

    /** Best (highest bid / lowest ask) price on a side, or 0 if the side is empty. */
    long bestPrice(Side side);

    /**
     * Continuous trading: matches an accepted order, then rests a LIMIT GTC/DAY remainder or cancels the
     * remainder of MARKET / IOC orders. A MARKET order with a protection price never trades beyond it (like a
     * limit at that price); its remainder is cancelled MARKET_REMAINDER. The engine has already emitted
     * {@link OrderAccepted}.
     */
    void match(PlaceOrder order, long arrivalSequence, EventEmitter out);

    /** Call phase: rests an accepted LIMIT GTC/DAY order without matching. */
    void rest(PlaceOrder order, long arrivalSequence);

    /** Cancels a live order's remaining quantity, emitting {@link OrderCancelled}. */
    void cancel(String orderId, CancelReason reason, EventEmitter out);

    /**
     * Replaces a live order's price and remaining quantity (see {@link ReplaceOrder} for priority), emitting
     * {@link OrderReplaced}; if priority is lost and {@code continuous}, the order first matches as incoming
     * (taking {@code arrivalSequence} as its new time priority) before its remainder rests.
     */
    void replace(ReplaceOrder command, long arrivalSequence, boolean continuous, EventEmitter out);

    /**
     * Uncrosses the book at one price: among the distinct limit prices in the book, the one with the largest
     * executable volume min(D, S) (D = buy quantity priced at or above it, S = sell quantity at or below it),
     * then the smallest |D - S|, then the nearest to {@code referencePrice}, then the lowest. Executes that
     * volume in priority order on both sides, pairing the best remaining buy with the best remaining sell,
     * all at the clearing price; an allocation that would pair one participant's orders is not executed:
     * self-trade prevention cancels one of them ({@link SelfTradePrevention}, emitting {@link OrderCancelled}) and
     * the price is determined again. Emits the cancellations, the trades, then {@link AuctionResult}.
     *
     * @return the clearing price, or 0 if nothing executed (then no trades and no result; only self-trade
     *     prevention's cancellations, if any)
     */
    long uncross(AuctionKind kind, long referencePrice, EventEmitter out);

    /** Expires every resting DAY order, emitting {@link OrderExpired}. */
    void expireDayOrders(EventEmitter out);

    /** Cancels every live order of a participant ({@link CancelReason#PARTICIPANT_MASS_CANCEL}). */
    void cancelParticipant(String participantId, EventEmitter out);

    /** Visits the resting orders of a side in priority order. */
    void forEachResting(Side side, Consumer<OrderView> visitor);
}
