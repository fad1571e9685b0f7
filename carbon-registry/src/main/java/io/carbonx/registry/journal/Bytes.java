package io.carbonx.registry.journal;

import java.nio.ByteBuffer;

/** Copies between Avro's {@code bytes} ({@link ByteBuffer}) and arrays without disturbing buffer positions. */
public final class Bytes {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private Bytes() {
    }

    /**
     * @param buffer an Avro bytes value (null gives an empty array)
     * @return a copy of its remaining bytes
     */
    public static byte[] of(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        ByteBuffer view = buffer.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    /**
     * @param bytes an array (null gives an empty buffer)
     * @return a buffer over a copy of it
     */
    public static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? EMPTY.duplicate() : ByteBuffer.wrap(bytes.clone());
    }
}
