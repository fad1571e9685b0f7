package io.carbonx.registry.core.state;

import io.carbonx.events.Side;

/**
 * An accepted order with quantity left. Its lock ({@link Lock#orderLockId}) holds {@link #depositRemainingMinor()}
 * cash and, for a sell, {@link #remaining()} units.
 */
public final class OpenOrder {
    private final String orderId;
    private final String participantId;
    private final String instrumentId;
    private final Side side;
    private final long priceMinor;
    private final long quantity;
    private final long depositLockedMinor;
    private long remaining;
    private long depositRemainingMinor;

    OpenOrder(String orderId, String participantId, String instrumentId, Side side, long priceMinor,
              long quantity, long depositLockedMinor) {
        this.orderId = orderId;
        this.participantId = participantId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.priceMinor = priceMinor;
        this.quantity = quantity;
        this.depositLockedMinor = depositLockedMinor;
        this.remaining = quantity;
        this.depositRemainingMinor = depositLockedMinor;
    }

    /** @return order id */
    public String orderId() {
        return orderId;
    }

    /** @return owner */
    public String participantId() {
        return participantId;
    }

    /** @return instrument */
    public String instrumentId() {
        return instrumentId;
    }

    /** @return side */
    public Side side() {
        return side;
    }

    /** @return limit price, minor units per tonne */
    public long priceMinor() {
        return priceMinor;
    }

    /** @return original quantity */
    public long quantity() {
        return quantity;
    }

    /** @return deposit locked at acceptance */
    public long depositLockedMinor() {
        return depositLockedMinor;
    }

    /** @return quantity not yet filled */
    public long remaining() {
        return remaining;
    }

    /** @return deposit not yet moved to trades */
    public long depositRemainingMinor() {
        return depositRemainingMinor;
    }

    /** @return price x remaining quantity (fits: bounded by the accepted notional) */
    public long openNotionalMinor() {
        return priceMinor * remaining;
    }

    void fill(long fillQuantity, long depositPortionMinor) {
        remaining = StateMath.nonNegative(remaining - fillQuantity, "remaining of order " + orderId);
        depositRemainingMinor = StateMath.nonNegative(depositRemainingMinor - depositPortionMinor,
                "deposit of order " + orderId);
    }
}
