package io.carbonx.exchange.core.matching;

/**
 * The session state machine of one instrument: the current phase and the logical time of its next boundary.
 *
 * <p>Transition table (boundary reached &rarr; action &rarr; next phase):
 * <pre>
 *   CLOSED            at preOpen          &rarr;                          PRE_OPEN
 *   PRE_OPEN          at open             &rarr; OPENING uncross          CONTINUOUS | PERIODIC_AUCTION
 *   CONTINUOUS        at closingAuction   &rarr;                          CLOSING_AUCTION
 *   CLOSING_AUCTION   at close            &rarr; CLOSING uncross, expiry  CLOSED
 *   PERIODIC_AUCTION  at open + k*period  &rarr; PERIODIC uncross         PERIODIC_AUCTION
 *   PERIODIC_AUCTION  at close            &rarr; CLOSING uncross, expiry  CLOSED
 * </pre>
 * Whole sessions lying entirely between two commands are skipped: after a close the book holds no DAY orders
 * and is not crossed, so such a session could neither trade nor expire anything.
 */
final class SessionClock {

    /** What the engine must do at a boundary. */
    enum Action { PHASE_ONLY, OPENING_UNCROSS, PERIODIC_UNCROSS, CLOSING_UNCROSS }

    private final SessionSchedule schedule;
    private TradingPhase phase;
    private long dayStart;
    private long nextBoundary = Long.MAX_VALUE;
    private boolean started;

    SessionClock(SessionSchedule schedule) {
        this.schedule = schedule;
        this.phase = TradingPhase.CONTINUOUS;
    }

    TradingPhase phase() {
        return phase;
    }

    boolean started() {
        return started;
    }

    long nextBoundary() {
        return nextBoundary;
    }

    /** Sets the phase from the timetable at the first command's time; no boundary actions are run. */
    void start(long timeMs) {
        started = true;
        phase = schedule.phaseAt(timeMs);
        if (schedule.mode() == SessionSchedule.Mode.CONTINUOUS_ONLY) {
            nextBoundary = Long.MAX_VALUE;
            return;
        }
        dayStart = SessionSchedule.dayStart(timeMs);
        long ms = timeMs - dayStart;
        switch (phase) {
            case CLOSED -> {
                if (ms >= schedule.closeMs()) {
                    dayStart += SessionSchedule.DAY_MS;
                }
                nextBoundary = dayStart + schedule.preOpenMs();
            }
            case PRE_OPEN -> nextBoundary = dayStart + schedule.openMs();
            case CONTINUOUS -> nextBoundary = dayStart + schedule.closingAuctionMs();
            case CLOSING_AUCTION -> nextBoundary = dayStart + schedule.closeMs();
            case PERIODIC_AUCTION -> {
                long k = (ms - schedule.openMs()) / schedule.periodMs() + 1;
                nextBoundary = periodicOrClose(dayStart + schedule.openMs(), k);
            }
            default -> throw new IllegalStateException(phase.name());
        }
    }

    /**
     * Skips whole sessions if the next boundary is a pre-open more than a day before {@code nowMs}: the next
     * boundary becomes the last pre-open at or before {@code nowMs}.
     */
    void skipIdleDays(long nowMs) {
        if (phase != TradingPhase.CLOSED || nextBoundary == Long.MAX_VALUE) {
            return;
        }
        long latestPreOpen = SessionSchedule.dayStart(nowMs - schedule.preOpenMs()) + schedule.preOpenMs();
        if (latestPreOpen > nextBoundary) {
            nextBoundary = latestPreOpen;
            dayStart = latestPreOpen - schedule.preOpenMs();
        }
    }

    /** Crosses the next boundary: updates phase and next boundary, returns what the engine must run. */
    Action advance() {
        long at = nextBoundary;
        switch (phase) {
            case CLOSED -> {
                phase = TradingPhase.PRE_OPEN;
                nextBoundary = dayStart + schedule.openMs();
                return Action.PHASE_ONLY;
            }
            case PRE_OPEN -> {
                if (schedule.mode() == SessionSchedule.Mode.PERIODIC_AUCTIONS) {
                    phase = TradingPhase.PERIODIC_AUCTION;
                    nextBoundary = periodicOrClose(at, 1);
                } else {
                    phase = TradingPhase.CONTINUOUS;
                    nextBoundary = dayStart + schedule.closingAuctionMs();
                }
                return Action.OPENING_UNCROSS;
            }
            case CONTINUOUS -> {
                phase = TradingPhase.CLOSING_AUCTION;
                nextBoundary = dayStart + schedule.closeMs();
                return Action.PHASE_ONLY;
            }
            case PERIODIC_AUCTION -> {
                if (at < dayStart + schedule.closeMs()) {
                    nextBoundary = periodicOrClose(at, 1);
                    return Action.PERIODIC_UNCROSS;
                }
                return close();
            }
            case CLOSING_AUCTION -> {
                return close();
            }
            default -> throw new IllegalStateException(phase.name());
        }
    }

    private Action close() {
        phase = TradingPhase.CLOSED;
        dayStart += SessionSchedule.DAY_MS;
        nextBoundary = dayStart + schedule.preOpenMs();
        return Action.CLOSING_UNCROSS;
    }

    private long periodicOrClose(long from, long periods) {
        long close = dayStart + schedule.closeMs();
        long gap = close - from;
        long step = schedule.periodMs();
        if (periods > gap / step) {
            return close;
        }
        long next = from + periods * step;
        return Math.min(next, close);
    }
}
