package io.carbonx.registry.core.state;

/**
 * Cash and (optionally) quantity of one instrument set aside by an owner for one purpose, under a lock id:
 * {@code order/<orderId>} for an open order, {@code trade/<tradeId>/buyer} and {@code trade/<tradeId>/seller}
 * for a pending trade or agreement. A lock is removed when both its amounts reach zero by release or
 * consumption.
 */
public final class Lock {
    private final String lockId;
    private final String ownerId;
    private final String instrumentId;
    private long cashMinor;
    private long quantity;

    Lock(String lockId, String ownerId, String instrumentId) {
        this.lockId = lockId;
        this.ownerId = ownerId;
        this.instrumentId = instrumentId;
    }

    /**
     * @param orderId an order id
     * @return the lock id of the order
     */
    public static String orderLockId(String orderId) {
        return "order/" + orderId;
    }

    /**
     * @param tradeId a trade or agreement id
     * @return the lock id of the buyer's side
     */
    public static String buyerLockId(String tradeId) {
        return "trade/" + tradeId + "/buyer";
    }

    /**
     * @param tradeId a trade or agreement id
     * @return the lock id of the seller's side
     */
    public static String sellerLockId(String tradeId) {
        return "trade/" + tradeId + "/seller";
    }

    /** @return the lock id */
    public String lockId() {
        return lockId;
    }

    /** @return the owning participant */
    public String ownerId() {
        return ownerId;
    }

    /** @return the instrument of the locked quantity */
    public String instrumentId() {
        return instrumentId;
    }

    /** @return locked cash, minor units */
    public long cashMinor() {
        return cashMinor;
    }

    /** @return locked quantity of {@link #instrumentId()} */
    public long quantity() {
        return quantity;
    }

    void addCash(long delta) {
        cashMinor = StateMath.nonNegative(Math.addExact(cashMinor, delta), "cash of lock " + lockId);
    }

    void addQuantity(long delta) {
        quantity = StateMath.nonNegative(Math.addExact(quantity, delta), "quantity of lock " + lockId);
    }

    boolean isEmpty() {
        return cashMinor == 0 && quantity == 0;
    }
}
