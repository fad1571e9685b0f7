package io.carbonx.chain.transport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Length-prefixed frames on a byte stream: a 4-byte big-endian length, then that many bytes (one encoded
 * {@code SignedMessage}). A length outside {@code 1..max} ends the connection.
 */
final class Frames {

    /** Largest frame accepted: a block response of the largest payload plus framing. */
    static final int MAX_FRAME = 32 << 20;

    private Frames() {
    }

    static void write(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException at a clean end of stream before a frame starts, or mid-frame
     * @throws IOException for a length outside {@code 1..MAX_FRAME}
     */
    static byte[] read(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 1 || len > MAX_FRAME) {
            throw new IOException("frame length " + len + " outside 1.." + MAX_FRAME);
        }
        byte[] frame = new byte[len];
        in.readFully(frame);
        return frame;
    }
}
