package io.carbonx.exchange.core.matching;

/**
 * The daily session timetable of an instrument, in milliseconds of the (UTC) day of the logical time.
 *
 * <p>Timeline of one day in {@link Mode#AUCTIONS_AND_CONTINUOUS} mode:
 * <pre>
 *   [0, preOpen)                 CLOSED
 *   [preOpen, open)              PRE_OPEN          orders collected
 *   at open                      opening uncross, then CONTINUOUS
 *   [open, closingAuction)       CONTINUOUS
 *   [closingAuction, close)      CLOSING_AUCTION   orders collected
 *   at close                     closing uncross, DAY orders expire, then CLOSED
 *   [close, 24h)                 CLOSED
 * </pre>
 * In {@link Mode#PERIODIC_AUCTIONS} mode the phase is PRE_OPEN before the open and PERIODIC_AUCTION during
 * [open, close); the book is uncrossed at the open (OPENING), at every {@code open + k * periodMs} before the
 * close (PERIODIC), and at the close (CLOSING), after which DAY orders expire. In {@link Mode#CONTINUOUS_ONLY}
 * mode the phase is always CONTINUOUS and nothing happens with time (DAY orders never expire).
 *
 * <p>Contract: {@code 0 <= preOpenMs <= openMs <= closingAuctionMs <= closeMs < DAY_MS}, {@code openMs < closeMs};
 * periodic mode needs {@code periodMs > 0}. The venue's local timetable is converted to UTC by configuration.
 *
 * @param mode              the trading mode
 * @param preOpenMs         start of the pre-open call (ms of day)
 * @param openMs            opening uncross and start of the continuous or periodic phase (ms of day)
 * @param closingAuctionMs  start of the closing call (ms of day; ignored in periodic mode)
 * @param closeMs           closing uncross and close (ms of day)
 * @param periodMs          period between periodic uncrosses (periodic mode only)
 */
public record SessionSchedule(Mode mode, long preOpenMs, long openMs, long closingAuctionMs, long closeMs,
                              long periodMs) {

    /** Milliseconds per day; days start at multiples of this in logical time. */
    public static final long DAY_MS = 86_400_000L;

    /** How an instrument trades. */
    public enum Mode {
        /** Always continuous: no sessions, no auctions. */
        CONTINUOUS_ONLY,
        /** Opening call, continuous trading, closing call. */
        AUCTIONS_AND_CONTINUOUS,
        /** Opening call, periodic call auctions every {@code periodMs}, closing uncross. */
        PERIODIC_AUCTIONS
    }

    /** Validates the timetable. */
    public SessionSchedule {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (mode != Mode.CONTINUOUS_ONLY) {
            if (preOpenMs < 0 || preOpenMs > openMs || openMs > closingAuctionMs || closingAuctionMs > closeMs
                    || closeMs >= DAY_MS || openMs >= closeMs) {
                throw new IllegalArgumentException("need 0 <= preOpen <= open <= closingAuction <= close < 24h"
                        + " and open < close: " + preOpenMs + ", " + openMs + ", " + closingAuctionMs + ", " + closeMs);
            }
            if (mode == Mode.PERIODIC_AUCTIONS && periodMs <= 0) {
                throw new IllegalArgumentException("periodic mode needs periodMs > 0");
            }
        }
    }

    /** Always continuous. */
    public static SessionSchedule continuousOnly() {
        return new SessionSchedule(Mode.CONTINUOUS_ONLY, 0, 0, 0, 0, 0);
    }

    /** Opening call from {@code preOpenMs}, continuous from {@code openMs}, closing call, close. */
    public static SessionSchedule daily(long preOpenMs, long openMs, long closingAuctionMs, long closeMs) {
        return new SessionSchedule(Mode.AUCTIONS_AND_CONTINUOUS, preOpenMs, openMs, closingAuctionMs, closeMs, 0);
    }

    /** Opening call from {@code preOpenMs}, call auctions uncrossed every {@code periodMs} from the open. */
    public static SessionSchedule periodic(long preOpenMs, long openMs, long closeMs, long periodMs) {
        return new SessionSchedule(Mode.PERIODIC_AUCTIONS, preOpenMs, openMs, closeMs, closeMs, periodMs);
    }

    /** The phase in force at logical time {@code timeMs} according to the timetable alone. */
    public TradingPhase phaseAt(long timeMs) {
        if (mode == Mode.CONTINUOUS_ONLY) {
            return TradingPhase.CONTINUOUS;
        }
        long ms = Math.floorMod(timeMs, DAY_MS);
        if (ms < preOpenMs || ms >= closeMs) {
            return TradingPhase.CLOSED;
        }
        if (ms < openMs) {
            return TradingPhase.PRE_OPEN;
        }
        if (mode == Mode.PERIODIC_AUCTIONS) {
            return TradingPhase.PERIODIC_AUCTION;
        }
        return ms < closingAuctionMs ? TradingPhase.CONTINUOUS : TradingPhase.CLOSING_AUCTION;
    }

    /** Start (ms since epoch) of the day containing {@code timeMs}. */
    static long dayStart(long timeMs) {
        return Math.floorDiv(timeMs, DAY_MS) * DAY_MS;
    }
}
