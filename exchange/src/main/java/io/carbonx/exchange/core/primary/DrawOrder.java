package io.carbonx.exchange.core.primary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The seeded draw that breaks ties at the marginal price. Everything is SHA-256 over UTF-8 bytes, with 0x00
 * separators (ids cannot contain control characters, so the encoding is unambiguous):
 * <pre>
 * book  = SHA-256( for each live bid, sorted by (bidderId, bidId) in Java String order:
 *                  bidderId 0x00 bidId 0x00 decimal(price) 0x00 decimal(quantity) 0x0A )
 * seed  = SHA-256( auctionId 0x00 book )
 * key_b = SHA-256( seed bidderId 0x00 bidId )
 * </pre>
 * Bids are drawn in ascending order of {@code key_b} compared as unsigned big-endian numbers (then bidder id, then
 * bid id, should two keys ever collide). The draw is seeded by the auction id, as the issue asks, and also by the
 * whole sealed book: a bidder choosing its bid ids cannot steer its place in the draw, because the seed depends on
 * the other bidders' sealed bids, unknown to it until the result is published. Anyone can recompute it from the
 * published result with {@code printf … | sha256sum}. Nothing depends on the JVM, arrival order, time or a random
 * number generator.
 */
public final class DrawOrder {

    private DrawOrder() {
    }

    /** The sealed-book digest. */
    public static byte[] bookDigest(Collection<SealedBid> bids) {
        List<SealedBid> sorted = new ArrayList<>(bids);
        sorted.sort(Comparator.comparing(SealedBid::bidderId).thenComparing(SealedBid::bidId));
        MessageDigest sha = sha256();
        for (SealedBid b : sorted) {
            sha.update(utf8(b.bidderId()));
            sha.update((byte) 0);
            sha.update(utf8(b.bidId()));
            sha.update((byte) 0);
            sha.update(utf8(Long.toString(b.priceMinor())));
            sha.update((byte) 0);
            sha.update(utf8(Long.toString(b.quantity())));
            sha.update((byte) '\n');
        }
        return sha.digest();
    }

    /** The auction's draw seed. */
    public static byte[] seed(String auctionId, Collection<SealedBid> bids) {
        MessageDigest sha = sha256();
        sha.update(utf8(auctionId));
        sha.update((byte) 0);
        sha.update(bookDigest(bids));
        return sha.digest();
    }

    /** A bid's 32-byte draw key under {@code seed}. */
    public static byte[] key(byte[] seed, String bidderId, String bidId) {
        MessageDigest sha = sha256();
        sha.update(seed);
        sha.update(utf8(bidderId));
        sha.update((byte) 0);
        sha.update(utf8(bidId));
        return sha.digest();
    }

    /** Negative when bid A is drawn before bid B. */
    static int compare(byte[] keyA, SealedBid a, byte[] keyB, SealedBid b) {
        int c = Arrays.compareUnsigned(keyA, keyB);
        if (c != 0) {
            return c;
        }
        c = a.bidderId().compareTo(b.bidderId());
        return c != 0 ? c : a.bidId().compareTo(b.bidId());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
