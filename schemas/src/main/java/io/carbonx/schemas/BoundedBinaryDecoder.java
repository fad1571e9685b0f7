package io.carbonx.schemas;

import io.carbonx.schemas.EventDecodingException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary {@link Decoder} over a byte array that never allocates more than the input can justify.
 *
 * <p>Avro's own binary decoders allocate a string, bytes or array of the declared length before reading it, so
 * a 20-byte message declaring a 2&nbsp;GiB string makes them allocate 2&nbsp;GiB. This decoder checks every
 * declared length against the bytes that remain first, and refuses with {@link Reason#TRUNCATED} when it
 * exceeds them. For array and map blocks it requires {@code itemCount <= remainingBytes}, which holds for every
 * valid record of the contract because every element type there encodes to at least one byte (checked by
 * {@code ContractRulesTest}). It is also strict where Avro is lenient: booleans must be 0 or 1, strings valid
 * UTF-8, lengths and indexes non-negative ({@link Reason#MALFORMED} otherwise).
 *
 * <p>Numbers (zig-zag varints, IEEE floats) are read by Avro's own direct binary decoder over the same cursor,
 * so the wire format is exactly Avro's. Not thread-safe; one instance per decoded message.
 */
final class BoundedBinaryDecoder extends Decoder {

    private final Cursor cursor;
    private final BinaryDecoder numbers;
    private CharsetDecoder utf8;

    BoundedBinaryDecoder(byte[] bytes, int offset) {
        this.cursor = new Cursor(bytes, offset);
        this.numbers = DecoderFactory.get().directBinaryDecoder(cursor, null);
    }

    /** @return bytes not read yet */
    int remaining() {
        return cursor.available();
    }

    @Override
    public void readNull() {
        // null occupies no bytes
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = cursor.read();
        if (b < 0) {
            throw new EOFException("boolean");
        }
        if (b > 1) {
            throw malformed("boolean byte " + b);
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        return numbers.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return numbers.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return numbers.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return numbers.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        byte[] bytes = readLengthPrefixed("string");
        checkUtf8(bytes);
        return new Utf8(bytes);
    }

    @Override
    public String readString() throws IOException {
        byte[] bytes = readLengthPrefixed("string");
        for (byte b : bytes) {
            if (b < 0) {
                return decodeUtf8(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Override
    public void skipString() throws IOException {
        cursor.skipExactly(checkedLength(readLong(), "string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        return ByteBuffer.wrap(readLengthPrefixed("bytes"));
    }

    @Override
    public void skipBytes() throws IOException {
        cursor.skipExactly(checkedLength(readLong(), "bytes"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        checkedLength(length, "fixed");
        cursor.readExactly(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        cursor.skipExactly(checkedLength(length, "fixed"));
    }

    @Override
    public int readEnum() throws IOException {
        return nonNegative(readInt(), "enum index");
    }

    @Override
    public long readArrayStart() throws IOException {
        return readBlockCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return readBlockCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks();
    }

    @Override
    public long readMapStart() throws IOException {
        return readBlockCount();
    }

    @Override
    public long mapNext() throws IOException {
        return readBlockCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks();
    }

    @Override
    public int readIndex() throws IOException {
        return nonNegative(readInt(), "union index");
    }

    /** Reads a block's item count; a negative count is followed by the block's byte size, which is checked. */
    private long readBlockCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw malformed("block count " + count);
            }
            count = -count;
            checkedLength(readLong(), "block");
        }
        return checkedItems(count);
    }

    /** Skips whole blocks that declare their byte size; returns the count of the first block that does not. */
    private long skipBlocks() throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) {
                return checkedItems(count);
            }
            if (count == Long.MIN_VALUE) {
                throw malformed("block count " + count);
            }
            cursor.skipExactly(checkedLength(readLong(), "block"));
        }
    }

    private long checkedItems(long count) {
        if (count > cursor.available()) {
            throw new EventDecodingException(Reason.TRUNCATED,
                    "block declares " + count + " items but only " + cursor.available() + " bytes remain");
        }
        return count;
    }

    private byte[] readLengthPrefixed(String what) throws IOException {
        int length = checkedLength(readLong(), what);
        byte[] bytes = new byte[length];
        cursor.readExactly(bytes, 0, length);
        return bytes;
    }

    private int checkedLength(long length, String what) {
        if (length < 0) {
            throw malformed(what + " length " + length);
        }
        if (length > cursor.available()) {
            throw new EventDecodingException(Reason.TRUNCATED,
                    what + " declares " + length + " bytes but only " + cursor.available() + " remain");
        }
        return (int) length;
    }

    private void checkUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                decodeUtf8(bytes);
                return;
            }
        }
    }

    private String decodeUtf8(byte[] bytes) {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new EventDecodingException(Reason.MALFORMED, "string is not valid UTF-8", e);
        }
    }

    private static int nonNegative(int value, String what) {
        if (value < 0) {
            throw malformed(what + " " + value);
        }
        return value;
    }

    private static EventDecodingException malformed(String detail) {
        return new EventDecodingException(Reason.MALFORMED, detail);
    }

    /** An unsynchronised input stream over a byte array (ByteArrayInputStream locks on every byte). */
    private static final class Cursor extends InputStream {
        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.position = offset;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int n = Math.min(length, bytes.length - position);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, (long) bytes.length - position));
            position += (int) skipped;
            return skipped;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }

        void readExactly(byte[] target, int offset, int length) throws EOFException {
            if (length > available()) {
                throw new EOFException("needs " + length + " bytes, " + available() + " remain");
            }
            System.arraycopy(bytes, position, target, offset, length);
            position += length;
        }

        void skipExactly(int length) throws EOFException {
            if (length > available()) {
                throw new EOFException("needs " + length + " bytes, " + available() + " remain");
            }
            position += length;
        }
    }
}
