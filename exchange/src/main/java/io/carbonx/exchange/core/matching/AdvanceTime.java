package io.carbonx.exchange.core.matching;

/**
 * Moves logical time forward without other effect, so session boundaries (auctions, close, expiry) happen on
 * time even when no orders arrive. The adapter sends one per instrument on its timer.
 *
 * @param timeMs logical time
 */
public record AdvanceTime(long timeMs) implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.ADVANCE_TIME;
    }
}
