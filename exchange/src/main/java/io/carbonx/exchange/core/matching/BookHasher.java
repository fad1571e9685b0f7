package io.carbonx.exchange.core.matching;

import io.carbonx.events.Side;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over the canonical encoding of a book's resting orders in priority order:
 * <pre>
 *   "CXBOOK2"
 *   for side in (BUY, SELL):
 *     side byte (0 = BUY, 1 = SELL)
 *     per order, in priority order: 0x01, orderId, participantId (each: u32 length + UTF-8),
 *                                   price (i64), remaining (i64), grade ordinal (u8), priority tier (i32),
 *                                   time in force ordinal (u8)
 *     0x00
 * </pre>
 * Big-endian integers. Arrival sequence numbers are not encoded: only the resulting order is.
 */
final class BookHasher {

    private static final byte[] MAGIC = "CXBOOK2".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest = newSha256();
    private final byte[] scratch = new byte[8];

    /** The SHA-256 of the book's canonical encoding. */
    byte[] hash(OrderBook book) {
        digest.reset();
        digest.update(MAGIC);
        hashSide(book, Side.BUY, (byte) 0);
        hashSide(book, Side.SELL, (byte) 1);
        return digest.digest();
    }

    private void hashSide(OrderBook book, Side side, byte sideByte) {
        digest.update(sideByte);
        book.forEachResting(side, order -> {
            digest.update((byte) 1);
            putString(order.orderId());
            putString(order.participantId());
            putLong(order.price());
            putLong(order.remaining());
            digest.update((byte) order.grade().ordinal());
            putInt(order.priorityTier());
            digest.update((byte) order.timeInForce().ordinal());
        });
        digest.update((byte) 0);
    }

    private void putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        digest.update(bytes);
    }

    private void putInt(int value) {
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (value >>> (24 - 8 * i));
        }
        digest.update(scratch, 0, 4);
    }

    private void putLong(long value) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (value >>> (56 - 8 * i));
        }
        digest.update(scratch, 0, 8);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
