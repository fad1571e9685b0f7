package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;

/**
 * A new order. A MARKET order carries price 0, takes what liquidity there is and never rests (its remainder
 * is cancelled MARKET_REMAINDER whatever its time in force; FOK still means all or nothing). A MARKET order may
 * carry a protection price: it then never trades beyond it (a buy never above, a sell never below), exactly like
 * a limit at that price, and what it cannot fill within it is cancelled MARKET_REMAINDER (protected market order,
 * as exchanges implement "market with protection"). A LIMIT order has protection price 0.
 *
 * @param orderId       id unique among the instrument's live orders (the order-entry layer makes it unique
 *                      over all time, e.g. from the signed sequence number)
 * @param participantId the owner
 * @param side          BUY or SELL
 * @param type          LIMIT or MARKET
 * @param timeInForce   GTC, DAY, IOC or FOK
 * @param price         limit price in minor units (0 for MARKET)
 * @param quantity      quantity in whole units
 * @param grade         the owner's credit grade at arrival (grade D may not open orders)
 * @param priorityTier  the priority tier of that grade at arrival, as the registry's grade table configures it
 *                      (0..{@value #MAX_TIER}); under {@link PriorityMode#PRICE_GRADE_TIME} it sets the order's rank
 *                      at equal price for its life: lower tiers first, equal tiers by time, whatever the grades
 * @param timeMs        logical time
 * @param protectionPrice MARKET only: the worst price the order may trade at (0 = unprotected); 0 for LIMIT
 */
public record PlaceOrder(String orderId, String participantId, Side side, OrderType type, TimeInForce timeInForce,
                         long price, long quantity, CreditGrade grade, int priorityTier, long timeMs,
                         long protectionPrice)
        implements Command {

    /** The largest priority tier (as the registry and the rating policy bound it). */
    public static final int MAX_TIER = 1_000;

    /**
     * An order ranked by its grade's position ({@link #gradeTier}), as before tiers were configured.
     */
    public PlaceOrder(String orderId, String participantId, Side side, OrderType type, TimeInForce timeInForce,
                      long price, long quantity, CreditGrade grade, long timeMs, long protectionPrice) {
        this(orderId, participantId, side, type, timeInForce, price, quantity, grade, gradeTier(grade), timeMs,
                protectionPrice);
    }

    /** An order without protection price (every LIMIT order; an unprotected MARKET order), ranked by grade. */
    public PlaceOrder(String orderId, String participantId, Side side, OrderType type, TimeInForce timeInForce,
                      long price, long quantity, CreditGrade grade, long timeMs) {
        this(orderId, participantId, side, type, timeInForce, price, quantity, grade, timeMs, 0);
    }

    /**
     * The tier of an order whose tier was not configured (events written before the registry stamped tiers): the
     * grade's position in {@link CreditGrade} (AAA 0 &hellip; D 7, UNRATED 8); 0 for a null grade (which the
     * validator rejects anyway).
     */
    public static int gradeTier(CreditGrade grade) {
        return grade == null ? 0 : grade.ordinal();
    }

    /** A copy with another priority tier. */
    public PlaceOrder withPriorityTier(int tier) {
        return new PlaceOrder(orderId, participantId, side, type, timeInForce, price, quantity, grade, tier, timeMs,
                protectionPrice);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.PLACE;
    }

    /** A LIMIT order. */
    public static PlaceOrder limit(String orderId, String participantId, Side side, TimeInForce tif, long price,
                                   long quantity, CreditGrade grade, long timeMs) {
        return new PlaceOrder(orderId, participantId, side, OrderType.LIMIT, tif, price, quantity, grade, timeMs);
    }

    /** An unprotected MARKET order (price 0). */
    public static PlaceOrder market(String orderId, String participantId, Side side, TimeInForce tif, long quantity,
                                    CreditGrade grade, long timeMs) {
        return new PlaceOrder(orderId, participantId, side, OrderType.MARKET, tif, 0, quantity, grade, timeMs);
    }

    /** A MARKET order that never trades beyond {@code protectionPrice} (price 0). */
    public static PlaceOrder protectedMarket(String orderId, String participantId, Side side, TimeInForce tif,
                                             long quantity, long protectionPrice, CreditGrade grade, long timeMs) {
        return new PlaceOrder(orderId, participantId, side, OrderType.MARKET, tif, 0, quantity, grade, timeMs,
                protectionPrice);
    }
}
