package io.carbonx.exchange.core.matching;

/**
 * Cancel/replace of a live order's price and remaining quantity (side, type, time in force, grade and priority
 * tier stay: a replaced order that loses its time priority still ranks by the tier it arrived with).
 *
 * <p>Priority: the same price with a remaining quantity not larger than before keeps the order's place in the
 * queue; any other change (new price, larger quantity) loses it: the order goes to the back of its new queue
 * and, in continuous trading, first matches as an incoming order (trade price = the resting order's price).
 *
 * @param orderId       the live order
 * @param participantId must be the order's owner
 * @param newPrice      the new limit price
 * @param newQuantity   the new <em>remaining</em> (open) quantity; already filled quantity is not counted
 * @param timeMs        logical time
 */
public record ReplaceOrder(String orderId, String participantId, long newPrice, long newQuantity, long timeMs)
        implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.REPLACE;
    }
}
