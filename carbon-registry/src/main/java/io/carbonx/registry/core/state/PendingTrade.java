package io.carbonx.registry.core.state;

import io.carbonx.registry.core.model.TradeKind;

/**
 * A trade or agreement awaiting settlement at {@link #dueTime()}. Its locks are
 * {@link Lock#buyerLockId} and {@link Lock#sellerLockId}.
 *
 * @param tradeId     trade or agreement id
 * @param kind        exchange trade or agreement
 * @param buyerId     buyer
 * @param sellerId    seller
 * @param instrumentId instrument
 * @param priceMinor  price per tonne
 * @param quantity    tonnes
 * @param dueTime     settles at the first window close at or after this time
 * @param sequence    registration order (ties at equal due time settle in this order)
 * @param tradeTime   execution (or registration) time
 * @param buyerCommissionBps  the venue's buyer commission rate, or null for the registry's default (0)
 * @param sellerCommissionBps the venue's seller commission rate, or null for the registry's default
 */
public record PendingTrade(String tradeId, TradeKind kind, String buyerId, String sellerId, String instrumentId,
                           long priceMinor, long quantity, long dueTime, long sequence, long tradeTime,
                           Integer buyerCommissionBps, Integer sellerCommissionBps) {

    /** @return price x quantity (checked when the trade was recorded) */
    public long notionalMinor() {
        return Math.multiplyExact(priceMinor, quantity);
    }

    /**
     * @param participantId a participant
     * @return the other party, or null if the participant is not a party
     */
    public String counterpartyOf(String participantId) {
        if (buyerId.equals(participantId)) {
            return sellerId;
        }
        return sellerId.equals(participantId) ? buyerId : null;
    }
}
