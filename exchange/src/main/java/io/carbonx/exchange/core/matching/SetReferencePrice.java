package io.carbonx.exchange.core.matching;

/**
 * Sets the reference price (price band centre and auction tie-break), e.g. to the previous day's close.
 * Resting orders outside the new band stay; only new prices are checked against it.
 *
 * @param price  the new reference price: positive and on tick
 * @param timeMs logical time
 */
public record SetReferencePrice(long price, long timeMs) implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.SET_REFERENCE_PRICE;
    }
}
