package io.carbonx.exchange.core.gateway;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.core.matching.PriceBand;
import io.carbonx.exchange.core.pool.PoolConfig;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The instrument rules the gateway checks before an order is published, from the instrument's configuration:
 * quantity (positive, within the minimum and maximum, on the lot), price (required for LIMIT, absent for MARKET,
 * positive, on the tick, within the configured band around the configured reference price, notional within 64
 * bits) and expiry (in the future). The book checks again against its live reference price (which moves with
 * auctions); the gateway's band is the static one. Energy instruments take LIMIT orders only, up to the pool's
 * per-order quantity and price limits. Checks run in that order; the first failure is reported.
 *
 * <p><b>Market orders with protection.</b> A MARKET order on a book instrument is accepted only with a protection
 * price, which the gateway stamps on the published OrderSubmitted ({@link #protectionPrice}): for a buy the
 * band's upper limit rounded down to the tick, for a sell its lower limit rounded up to the tick (at least one
 * tick) — the worst price a limit order could be entered at. The registry sizes the deposit and the open notional
 * from it, and the book never executes the order beyond it. An instrument without a band (no reference price or
 * 0 bps) refuses MARKET orders ({@link GatewayReason#MARKET_NOT_ALLOWED}); protection × quantity must fit in 64
 * bits ({@link GatewayReason#NOTIONAL_OVERFLOW}).
 */
final class OrderEntryRules {

    private OrderEntryRules() {
    }

    static Optional<GatewayReason> check(MarketDefinition d, OrderType type, Long price, long quantity,
                                         Long expiresAtMs, long nowMs) {
        Optional<GatewayReason> r = d.isEnergy() ? energy(d.poolConfig(), type, price, quantity)
                : book(d.bookRules(), type, price, quantity);
        if (r.isEmpty() && expiresAtMs != null && expiresAtMs <= nowMs) {
            r = Optional.of(GatewayReason.EXPIRY_IN_PAST);
        }
        return r;
    }

    private static Optional<GatewayReason> book(InstrumentRules rules, OrderType type, Long price, long quantity) {
        if (quantity <= 0) {
            return Optional.of(GatewayReason.NON_POSITIVE_QUANTITY);
        }
        if (quantity < rules.minQuantity()) {
            return Optional.of(GatewayReason.BELOW_MIN_QUANTITY);
        }
        if (quantity > rules.maxQuantity()) {
            return Optional.of(GatewayReason.ABOVE_MAX_QUANTITY);
        }
        if (quantity % rules.lotSize() != 0) {
            return Optional.of(GatewayReason.OFF_LOT);
        }
        if (type == OrderType.MARKET) {
            return market(rules, price, quantity);
        }
        if (price == null) {
            return Optional.of(GatewayReason.PRICE_REQUIRED);
        }
        if (price <= 0) {
            return Optional.of(GatewayReason.NON_POSITIVE_PRICE);
        }
        if (price % rules.tickSize() != 0) {
            return Optional.of(GatewayReason.OFF_TICK);
        }
        if (!PriceBand.around(rules.referencePrice(), rules.bandBps()).contains(price)) {
            return Optional.of(GatewayReason.OUT_OF_BAND);
        }
        return overflows(price, quantity) ? Optional.of(GatewayReason.NOTIONAL_OVERFLOW) : Optional.empty();
    }

    private static Optional<GatewayReason> market(InstrumentRules rules, Long price, long quantity) {
        if (price != null) {
            return Optional.of(GatewayReason.PRICE_NOT_ALLOWED_FOR_MARKET);
        }
        OptionalLong buy = protectionPrice(rules, Side.BUY);
        if (buy.isEmpty()) {
            return Optional.of(GatewayReason.MARKET_NOT_ALLOWED);
        }
        // the buy protection is the larger of the two: if its notional fits, the sell's does too
        return overflows(buy.getAsLong(), quantity) ? Optional.of(GatewayReason.NOTIONAL_OVERFLOW) : Optional.empty();
    }

    /**
     * The protection price of a MARKET order on a book instrument: a buy's is the upper limit of the static band
     * rounded down to the tick, a sell's the lower limit rounded up to the tick and at least one tick.
     *
     * @param rules the instrument's book rules
     * @param side  the order's side
     * @return the protection price, or empty when the instrument has no band (no reference or 0 bps)
     */
    static OptionalLong protectionPrice(InstrumentRules rules, Side side) {
        PriceBand band = PriceBand.around(rules.referencePrice(), rules.bandBps());
        if (band.equals(PriceBand.NONE)) {
            return OptionalLong.empty();
        }
        long tick = rules.tickSize();
        if (side == Side.BUY) {
            return OptionalLong.of(Math.max(tick, band.upper() / tick * tick));
        }
        long up = band.lower() <= 0 ? tick : (band.lower() / tick + (band.lower() % tick == 0 ? 0 : 1)) * tick;
        return OptionalLong.of(up);
    }

    private static Optional<GatewayReason> energy(PoolConfig pool, OrderType type, Long price, long quantity) {
        if (quantity <= 0) {
            return Optional.of(GatewayReason.NON_POSITIVE_QUANTITY);
        }
        if (quantity > pool.maxQuantityKwh()) {
            return Optional.of(GatewayReason.ABOVE_MAX_QUANTITY);
        }
        if (type == OrderType.MARKET) {
            return Optional.of(GatewayReason.MARKET_NOT_ALLOWED);
        }
        if (price == null) {
            return Optional.of(GatewayReason.PRICE_REQUIRED);
        }
        if (price <= 0) {
            return Optional.of(GatewayReason.NON_POSITIVE_PRICE);
        }
        if (price > pool.maxPriceMinorPerKwh()) {
            return Optional.of(GatewayReason.OUT_OF_BAND);
        }
        return overflows(price, quantity) ? Optional.of(GatewayReason.NOTIONAL_OVERFLOW) : Optional.empty();
    }

    private static boolean overflows(long price, long quantity) {
        return Math.multiplyHigh(price, quantity) != 0 || price * quantity < 0;
    }
}
