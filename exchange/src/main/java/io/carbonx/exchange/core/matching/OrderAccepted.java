package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;

/** A {@link PlaceOrder} passed validation; trades, cancels or nothing (it rests) follow. */
public record OrderAccepted(String instrumentId, String orderId, String participantId, Side side, OrderType type,
                            TimeInForce timeInForce, long price, long quantity, CreditGrade grade, long timeMs)
        implements MatchEvent {
}
