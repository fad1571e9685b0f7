package io.carbonx.chain.timestamp;

import io.carbonx.events.BlockTimestamped;
import io.carbonx.events.EventEnvelope;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Turns a granted time-stamp over a block hash into the {@code BlockTimestamped} event the anchoring runtime
 * publishes. The event keeps the token (CMS SignedData) verbatim; an evidence bundle later wraps it back into a
 * granted {@code TimeStampResp} for {@code openssl ts -verify -in}.
 */
public final class BlockTimestamps {

    private BlockTimestamps() {
    }

    /**
     * The event for {@code stamp} over block {@code height}'s hash.
     *
     * @param eventId     the event id (deterministic, e.g. {@code "ts-" + chainId + "-" + height + "-" + serial})
     * @param causeId     the BlockCommitted event's id, or null
     * @param logicalTime the logical time the runtime assigns
     * @param actor       the service id that obtained the token
     * @throws IllegalArgumentException if {@code blockHash} is not 32 bytes
     */
    public static BlockTimestamped toEvent(String chainId, long height, byte[] blockHash, IssuedTimestamp stamp,
                                           String eventId, String causeId, long logicalTime, String actor) {
        Objects.requireNonNull(stamp, "stamp");
        if (blockHash == null || blockHash.length != TimestampExchange.DIGEST_LENGTH) {
            throw new IllegalArgumentException("block hash must be 32 bytes");
        }
        EventEnvelope envelope = EventEnvelope.newBuilder().setEventId(eventId).setType("BlockTimestamped")
                .setCauseId(causeId).setLogicalTime(logicalTime).setActor(actor).build();
        return BlockTimestamped.newBuilder().setEnvelope(envelope).setChainId(chainId).setHeight(height)
                .setBlockHash(ByteBuffer.wrap(blockHash.clone())).setTsaId(stamp.tsaName())
                .setTimestampToken(ByteBuffer.wrap(stamp.tokenDer())).setGenTimeMs(stamp.genTime().toEpochMilli())
                .build();
    }
}
