package io.carbonx.exchange.core.marketdata;

/**
 * One OHLC bar.
 *
 * @param startMs    inclusive start of the interval (logical time)
 * @param intervalMs the interval length
 * @param open       first trade price
 * @param high       highest trade price
 * @param low        lowest trade price
 * @param close      last trade price
 * @param volume     traded quantity
 * @param trades     number of trades
 */
public record Bar(long startMs, long intervalMs, long open, long high, long low, long close, long volume, long trades) {

    /** A bar of one trade. */
    static Bar of(long startMs, long intervalMs, long price, long quantity) {
        return new Bar(startMs, intervalMs, price, price, price, price, quantity, 1);
    }

    /** This bar followed by {@code later} (same or later interval content). */
    Bar merge(Bar later) {
        return new Bar(startMs, intervalMs, open, Math.max(high, later.high), Math.min(low, later.low), later.close,
                Math.addExact(volume, later.volume), Math.addExact(trades, later.trades));
    }
}
