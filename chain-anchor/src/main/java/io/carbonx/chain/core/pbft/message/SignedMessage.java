package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.pbft.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A payload with its claimed author (validator id) and the author's signature (Besu's "message").
 *
 * <p>The signature covers {@link #signingBytes}: the ASCII domain {@code "CXPBFT"}, version
 * {@code 0x01}, the chain id (u16 length + UTF-8) and the payload's canonical encoding. Nothing
 * here checks the signature; validation does that against the validator set.
 *
 * @param <P> the payload type
 */
public final class SignedMessage<P extends Payload> {

    private static final byte[] DOMAIN = "CXPBFT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    /** Largest signature accepted by the decoder. */
    public static final int MAX_SIGNATURE = 512;

    private final P payload;
    private final int author;
    private final byte[] signature;
    private final byte[] payloadBytes;

    /** A message with an explicit signature (as received, or forged in tests). */
    public SignedMessage(P payload, int author, byte[] signature) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.author = author;
        this.signature = signature.clone();
        this.payloadBytes = PayloadCodec.encode(payload);
    }

    /** Signs {@code payload} as {@code author} for chain {@code chainId}. */
    public static <P extends Payload> SignedMessage<P> sign(String chainId, P payload, int author, Signer signer) {
        byte[] sig = signer.sign(signingBytes(chainId, PayloadCodec.encode(payload)));
        return new SignedMessage<>(payload, author, sig);
    }

    /** The bytes a signature covers. */
    public static byte[] signingBytes(String chainId, byte[] payloadBytes) {
        return new ByteWriter().raw(DOMAIN).u8(VERSION).string(chainId).raw(payloadBytes).toByteArray();
    }

    /** The bytes this message's signature must cover on chain {@code chainId}. */
    public byte[] signingBytes(String chainId) {
        return signingBytes(chainId, payloadBytes);
    }

    /** The payload. */
    public P payload() {
        return payload;
    }

    /** The claimed author. */
    public int author() {
        return author;
    }

    /** A copy of the signature. */
    public byte[] signature() {
        return signature.clone();
    }

    /** The payload's type. */
    public MessageType type() {
        return payload.type();
    }

    /** This message typed as carrying {@code type}; fails if the payload is of another type. */
    @SuppressWarnings("unchecked")
    public <Q extends Payload> SignedMessage<Q> as(Class<Q> type) {
        if (!type.isInstance(payload)) {
            throw new ClassCastException(payload.type() + " is not " + type.getSimpleName());
        }
        return (SignedMessage<Q>) this;
    }

    /** Writes payload bytes (length-prefixed), author and signature (length-prefixed). */
    public void writeTo(ByteWriter w) {
        w.bytes(payloadBytes).i32(author).bytes(signature);
    }

    /** The wire encoding of this message. */
    public byte[] encode() {
        ByteWriter w = new ByteWriter();
        writeTo(w);
        return w.toByteArray();
    }

    /** Reads a message of any type. */
    public static SignedMessage<Payload> readFrom(ByteReader r) {
        Payload p = PayloadCodec.decode(r.bytes(PayloadCodec.MAX_PAYLOAD));
        int author = r.i32();
        byte[] sig = r.bytes(MAX_SIGNATURE);
        return new SignedMessage<>(p, author, sig);
    }

    /** Reads a message whose payload must be of {@code type}. */
    public static <Q extends Payload> SignedMessage<Q> readFrom(ByteReader r, Class<Q> type) {
        byte[] payloadBytes = r.bytes(PayloadCodec.MAX_PAYLOAD);
        // Check the tag before decoding, so nesting cannot recurse through unexpected types.
        MessageType tagged = payloadBytes.length == 0 ? null : MessageType.ofTag(payloadBytes[0] & 0xFF);
        if (tagged == null || tagged.payloadClass() != type) {
            throw new DecodeException("expected " + type.getSimpleName() + ", got " + tagged);
        }
        Payload p = PayloadCodec.decode(payloadBytes);
        int author = r.i32();
        byte[] sig = r.bytes(MAX_SIGNATURE);
        return new SignedMessage<>(type.cast(p), author, sig);
    }

    /** Decodes exactly one message. */
    public static SignedMessage<Payload> decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        SignedMessage<Payload> m = readFrom(r);
        r.expectEnd();
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedMessage<?> m && author == m.author && payload.equals(m.payload)
                && Arrays.equals(signature, m.signature);
    }

    @Override
    public int hashCode() {
        return (payload.hashCode() * 31 + author) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return payload + " by " + author;
    }
}
