package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The canonical ZIP container: round trips, reads with the JDK's ZIP reader, refuses anything non-canonical. */
class StoredZipTest {

    static SortedMap<String, byte[]> sample() {
        SortedMap<String, byte[]> m = new TreeMap<>();
        m.put("b/x.bin", new byte[] {0, 1, 2, (byte) 0xFF});
        m.put("a.txt", "hello\n".getBytes(StandardCharsets.US_ASCII));
        m.put("empty", new byte[0]);
        return m;
    }

    @Test
    void writesTheSameBytesWhateverTheInsertionOrder() {
        Map<String, byte[]> reversed = new java.util.LinkedHashMap<>();
        sample().entrySet().stream().sorted(Map.Entry.<String, byte[]>comparingByKey().reversed())
                .forEach(e -> reversed.put(e.getKey(), e.getValue()));
        assertThat(StoredZip.write(reversed)).isEqualTo(StoredZip.write(sample()));
    }

    @Test
    void theJdkZipReaderReadsWhatIsWritten() throws Exception {
        SortedMap<String, byte[]> read = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(StoredZip.write(sample())))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                read.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(read.keySet()).isEqualTo(sample().keySet());
        read.forEach((k, v) -> assertThat(v).isEqualTo(sample().get(k)));
    }

    @Property(tries = 200)
    void anyMembersRoundTrip(@ForAll @Size(max = 6) Map<@net.jqwik.api.constraints.AlphaChars
            @net.jqwik.api.constraints.StringLength(min = 1, max = 12) String, byte[]> members) throws Exception {
        SortedMap<String, byte[]> read = StoredZip.read(StoredZip.write(members));
        assertThat(read.keySet()).isEqualTo(new TreeMap<>(members).keySet());
        read.forEach((k, v) -> assertThat(v).isEqualTo(members.get(k)));
    }

    @Test
    void archiveWithAnAppendedByteOrACommentIsRefused() {
        byte[] zip = StoredZip.write(sample());
        byte[] longer = java.util.Arrays.copyOf(zip, zip.length + 1);
        assertThatThrownBy(() -> StoredZip.read(longer)).isInstanceOf(StoredZip.FormatException.class);
        byte[] commented = zip.clone();
        commented[commented.length - 2] = 1;
        assertThatThrownBy(() -> StoredZip.read(commented)).isInstanceOf(StoredZip.FormatException.class);
    }

    @Test
    void deflatedArchiveFromAnotherToolIsRefused() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> StoredZip.read(bytes.toByteArray())).isInstanceOf(StoredZip.FormatException.class);
    }

    @Test
    void pathsThatCouldEscapeTheDirectoryAreRefused() {
        for (String bad : new String[] {"../x", "a/../b", "/abs", "a//b", "a/./b", "", "a\\b", "sp ace", ".hidden"}) {
            assertThat(StoredZip.validPath(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> StoredZip.write(Map.of(bad, new byte[0]))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(StoredZip.validPath("events/0001/event.bin")).isTrue();
    }

    @Test
    void garbageAndEmptyInputAreRefused() {
        assertThatThrownBy(() -> StoredZip.read(new byte[0])).isInstanceOf(StoredZip.FormatException.class);
        assertThatThrownBy(() -> StoredZip.read("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(StoredZip.FormatException.class);
        assertThatThrownBy(() -> StoredZip.read(null)).isInstanceOf(StoredZip.FormatException.class);
    }
}
