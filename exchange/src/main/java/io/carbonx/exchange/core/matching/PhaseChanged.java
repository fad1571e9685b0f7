package io.carbonx.exchange.core.matching;

/** The trading phase changed (or was set at the first command); {@code timeMs} is the boundary's time. */
public record PhaseChanged(String instrumentId, TradingPhase phase, long timeMs) implements MatchEvent {
}
