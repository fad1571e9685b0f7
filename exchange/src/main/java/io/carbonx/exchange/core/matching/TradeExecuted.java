package io.carbonx.exchange.core.matching;

import io.carbonx.events.Side;

/**
 * A trade between a buy and a sell order.
 *
 * @param tradeSequence  1, 2, ... per instrument; {@link #tradeId()} derives the id from it
 * @param price          the resting order's price (continuous) or the clearing price (auction)
 * @param quantity       traded quantity
 * @param buyRemaining   the buy order's remaining quantity after this trade
 * @param sellRemaining  the sell order's remaining quantity after this trade
 * @param aggressorSide  the incoming order's side in continuous trading; null for an auction trade
 */
public record TradeExecuted(String instrumentId, long tradeSequence, long price, long quantity,
                            String buyOrderId, String buyParticipantId, long buyRemaining,
                            String sellOrderId, String sellParticipantId, long sellRemaining,
                            Side aggressorSide, long timeMs) implements MatchEvent {

    /** The trade id: {@code instrumentId + "-T" + tradeSequence}. */
    public String tradeId() {
        return instrumentId + "-T" + tradeSequence;
    }

    /** True if the trade came from a call auction uncross. */
    public boolean auction() {
        return aggressorSide == null;
    }
}
