package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.DecodeException;

/** Canonical encoding of payloads: one tag byte ({@link MessageType#tag}) then the type's body. */
public final class PayloadCodec {

    /** Largest list length accepted by decoders. */
    public static final int MAX_LIST = 4096;
    /** Largest nested payload accepted by decoders. */
    public static final int MAX_PAYLOAD = 16 << 20;

    private PayloadCodec() {
    }

    /** The canonical bytes of {@code p}. */
    public static byte[] encode(Payload p) {
        ByteWriter w = new ByteWriter().u8(p.type().tag());
        p.writeBody(w);
        return w.toByteArray();
    }

    /**
     * Decodes exactly one payload.
     *
     * @throws DecodeException for any malformed input
     */
    public static Payload decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        MessageType type = MessageType.ofTag(r.u8());
        if (type == null) {
            throw new DecodeException("unknown message type");
        }
        Payload p;
        try {
            p = switch (type) {
                case PRE_PREPARE -> PrePrepare.readBody(r);
                case PREPARE -> Prepare.readBody(r);
                case COMMIT -> Commit.readBody(r);
                case CHECKPOINT -> Checkpoint.readBody(r);
                case VIEW_CHANGE -> ViewChange.readBody(r);
                case NEW_VIEW -> NewView.readBody(r);
                case STATUS -> Status.readBody(r);
                case BLOCK_REQUEST -> BlockRequest.readBody(r);
                case BLOCK_RESPONSE -> BlockResponse.readBody(r);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeException("invalid " + type + ": " + e.getMessage());
        }
        r.expectEnd();
        return p;
    }
}
