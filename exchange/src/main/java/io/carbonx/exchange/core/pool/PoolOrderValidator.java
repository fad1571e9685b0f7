package io.carbonx.exchange.core.pool;

import java.util.Optional;

/**
 * Stateless checks of one order against a venue's limits, in a fixed order: presence, ids, reserved platform id,
 * quantity, price. The
 * first failing check is the reason reported.
 */
final class PoolOrderValidator {

    /** Longest id accepted. */
    static final int MAX_ID_LENGTH = 128;

    private PoolOrderValidator() {
    }

    /** Non-null, 1..128 characters, no ISO control characters. */
    static boolean isValidId(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        return id.chars().noneMatch(Character::isISOControl);
    }

    static Optional<PoolRejectReason> check(PoolConfig config, SupplyOffer o) {
        if (o == null) {
            return Optional.of(PoolRejectReason.MALFORMED);
        }
        return check(config, o.orderId(), o.supplierId(), o.quantityKwh(), o.priceMinorPerKwh());
    }

    static Optional<PoolRejectReason> check(PoolConfig config, DemandBid b) {
        if (b == null) {
            return Optional.of(PoolRejectReason.MALFORMED);
        }
        return check(config, b.orderId(), b.consumerId(), b.quantityKwh(), b.limitPriceMinorPerKwh());
    }

    static Optional<PoolRejectReason> check(PoolConfig config, StorageOffer s) {
        if (s == null) {
            return Optional.of(PoolRejectReason.MALFORMED);
        }
        return check(config, s.orderId(), s.ownerId(), s.quantityKwh(), s.priceMinorPerKwh());
    }

    private static Optional<PoolRejectReason> check(PoolConfig config, String orderId, String participantId,
                                                    long quantity, long price) {
        if (!isValidId(orderId) || !isValidId(participantId)) {
            return Optional.of(PoolRejectReason.INVALID_ID);
        }
        if (participantId.equals(config.platformId())) {
            return Optional.of(PoolRejectReason.RESERVED_PARTICIPANT_ID);
        }
        if (quantity <= 0) {
            return Optional.of(PoolRejectReason.QUANTITY_NOT_POSITIVE);
        }
        if (quantity > config.maxQuantityKwh()) {
            return Optional.of(PoolRejectReason.QUANTITY_TOO_LARGE);
        }
        if (price <= 0) {
            return Optional.of(PoolRejectReason.PRICE_NOT_POSITIVE);
        }
        if (price > config.maxPriceMinorPerKwh()) {
            return Optional.of(PoolRejectReason.PRICE_TOO_HIGH);
        }
        return Optional.empty();
    }
}
