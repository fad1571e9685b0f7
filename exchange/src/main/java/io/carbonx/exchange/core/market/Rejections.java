package io.carbonx.exchange.core.market;

import io.carbonx.events.RequestRejected;
import java.nio.ByteBuffer;

/**
 * RequestRejected records the books publish to {@link Destination#REJECTIONS}, keyed by the participant that made
 * the request, for requests refused on the instrument's partition (agreement terms, primary-auction requests).
 */
final class Rejections {

    static final String AGREEMENT = "AGREEMENT";
    static final String AUCTION_SCHEDULE = "AUCTION_SCHEDULE";
    static final String AUCTION_BID = "AUCTION_BID";
    static final String AUCTION_CLOSE = "AUCTION_CLOSE";
    /** Reason code for venue requests on an instrument that does not support them (e.g. energy). */
    static final String UNSUPPORTED_FOR_INSTRUMENT = "UNSUPPORTED_FOR_INSTRUMENT";

    private Rejections() {
    }

    static void rejected(Outputs out, String requestType, String participantId, String clientRequestId,
                         String reasonCode, String detail, byte[] requestBytes, long timeMs) {
        out.add(Destination.REJECTIONS, participantId, RequestRejected.newBuilder()
                .setEnvelope(out.envelope("RequestRejected", timeMs)).setRequestType(requestType)
                .setParticipantId(participantId).setClientRequestId(clientRequestId).setSequence(null)
                .setReasonCode(reasonCode).setDetail(detail)
                .setRequestSha256(requestBytes == null ? null : ByteBuffer.wrap(sha256(requestBytes))).build());
    }

    private static byte[] sha256(byte[] bytes) {
        java.security.MessageDigest d = Hashing.sha256();
        return d.digest(bytes);
    }
}
