package io.carbonx.chain.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The bundle container: a ZIP archive in one canonical form, so that the archive's bytes are a function of its
 * members alone and every byte of it is accounted for.
 *
 * <p>Canonical form: members in ascending path order (byte order), each a local file header (version needed
 * 2.0, no flags, method 0 = stored, DOS time 1980-01-01 00:00, CRC-32, sizes, the path, no extra field) followed
 * by the data; then the central directory (same fields, made by 2.0, no comments, attributes 0) and the end of
 * central directory record (one disk, no comment). No directory entries, no ZIP64 (at most 65,535 members and
 * 4 GiB). Paths are 1..200 characters of {@code [A-Za-z0-9._-]} separated by single {@code /}, no {@code .} or
 * {@code ..} segments. Any ZIP tool (unzip, Info-ZIP, 7-Zip, Java) reads it.
 *
 * <p>{@link #read} accepts exactly the canonical form: it parses the local entries, checks each CRC-32, then
 * re-serialises and requires byte equality.
 */
public final class StoredZip {

    /** Largest archive accepted by {@link #read}. */
    public static final int MAX_ARCHIVE_BYTES = 256 << 20;
    /** Most members. */
    public static final int MAX_MEMBERS = 65_535;

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int VERSION = 20;
    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;

    private StoredZip() {
    }

    /** Thrown by {@link #read} for anything but a canonical archive. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    /** True for a path allowed in an archive. */
    public static boolean validPath(String path) {
        return path.length() <= 200 && PATH.matcher(path).matches() && !path.contains("/./") && !path.contains("/../")
                && !path.startsWith("./") && !path.startsWith("../") && !path.endsWith("/.") && !path.endsWith("/..");
    }

    /**
     * Writes the canonical archive of {@code members}.
     *
     * @throws IllegalArgumentException for an invalid path, too many members or too many bytes
     */
    public static byte[] write(Map<String, byte[]> members) {
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException(members.size() + " members, at most " + MAX_MEMBERS);
        }
        SortedMap<String, byte[]> sorted = new TreeMap<>(members);
        long size = 22;
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            if (!validPath(e.getKey())) {
                throw new IllegalArgumentException("invalid member path '" + e.getKey() + "'");
            }
            size += 30 + 46 + 2L * e.getKey().length() + e.getValue().length;
        }
        if (size > 0xFFFF_FFFFL || size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("archive larger than 4 GiB");
        }
        Out out = new Out((int) size);
        int[] offsets = new int[sorted.size()];
        long[] crcs = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            byte[] data = e.getValue();
            offsets[i] = out.position;
            crcs[i] = crc(data);
            out.i32(LOCAL).u16(VERSION).u16(0).u16(0).u16(0).u16(DOS_DATE_1980_01_01).u32(crcs[i]).u32(data.length)
                    .u32(data.length).u16(name.length).u16(0).raw(name).raw(data);
            i++;
        }
        int centralOffset = out.position;
        i = 0;
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            int length = e.getValue().length;
            out.i32(CENTRAL).u16(VERSION).u16(VERSION).u16(0).u16(0).u16(0).u16(DOS_DATE_1980_01_01).u32(crcs[i])
                    .u32(length).u32(length).u16(name.length).u16(0).u16(0).u16(0).u16(0).u32(0).u32(offsets[i])
                    .raw(name);
            i++;
        }
        int centralSize = out.position - centralOffset;
        out.i32(END).u16(0).u16(0).u16(sorted.size()).u16(sorted.size()).u32(centralSize).u32(centralOffset).u16(0);
        return out.buffer;
    }

    /**
     * Reads a canonical archive.
     *
     * @return the members by path, ascending
     * @throws FormatException if the bytes are not exactly a canonical archive (with the first problem found)
     */
    public static SortedMap<String, byte[]> read(byte[] archive) throws FormatException {
        if (archive == null || archive.length > MAX_ARCHIVE_BYTES) {
            throw new FormatException("archive missing or larger than " + MAX_ARCHIVE_BYTES + " bytes");
        }
        SortedMap<String, byte[]> members = new TreeMap<>();
        int p = 0;
        String previous = null;
        while (p + 4 <= archive.length && i32(archive, p) == LOCAL) {
            if (p + 30 > archive.length) {
                throw new FormatException("truncated local header at " + p);
            }
            long crc = u32(archive, p + 14);
            long size = u32(archive, p + 18);
            int nameLength = u16(archive, p + 26);
            int extraLength = u16(archive, p + 28);
            long dataStart = (long) p + 30 + nameLength + extraLength;
            if (u16(archive, p + 8) != 0 || size != u32(archive, p + 22) || dataStart + size > archive.length) {
                throw new FormatException("member at " + p + " is not stored or overruns the archive");
            }
            String name = new String(archive, p + 30, nameLength, StandardCharsets.ISO_8859_1);
            if (!validPath(name) || (previous != null && previous.compareTo(name) >= 0)) {
                throw new FormatException("member path '" + printable(name) + "' is invalid, duplicated or out of order");
            }
            byte[] data = Arrays.copyOfRange(archive, (int) dataStart, (int) (dataStart + size));
            if (crc(data) != crc) {
                throw new FormatException("CRC-32 mismatch in member " + name);
            }
            members.put(name, data);
            previous = name;
            p = (int) (dataStart + size);
        }
        if (!Arrays.equals(write(members), archive)) {
            throw new FormatException("the archive is not in the canonical form (headers, directory or trailer differ)");
        }
        return members;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= ' ' && c <= '~' ? c : '?');
        }
        return b.toString();
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return i32(b, p) & 0xFFFF_FFFFL;
    }

    private static int i32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    /** Little-endian writer into an exactly sized buffer. */
    private static final class Out {
        final byte[] buffer;
        int position;

        Out(int size) {
            buffer = new byte[size];
        }

        Out u16(int v) {
            buffer[position++] = (byte) v;
            buffer[position++] = (byte) (v >>> 8);
            return this;
        }

        Out i32(int v) {
            u16(v & 0xFFFF);
            return u16(v >>> 16);
        }

        Out u32(long v) {
            return i32((int) v);
        }

        Out raw(byte[] b) {
            System.arraycopy(b, 0, buffer, position, b.length);
            position += b.length;
            return this;
        }
    }
}
