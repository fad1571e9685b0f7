package io.carbonx.exchange.core.marketdata;

import io.carbonx.events.Side;
import io.carbonx.events.TradeVenue;

/**
 * A trade as market data shows it (no participant ids).
 *
 * @param tradeId       the trade
 * @param timeMs        logical time
 * @param priceMinor    price
 * @param quantity      quantity
 * @param aggressorSide the incoming side in continuous trading, else null
 * @param venue         where it was made
 */
public record TradePrint(String tradeId, long timeMs, long priceMinor, long quantity, Side aggressorSide,
                         TradeVenue venue) {
}
