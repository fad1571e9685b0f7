import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the node module (run by maven-exec-plugin with the JDK's source launcher, not part of the node
 * jar): rewrites each named jar of a directory without its JAR signature (the META-INF/*.SF, *.DSA, *.RSA, *.EC
 * files; every other entry, the manifest included, copied byte for byte in the same order). Jars without a
 * signature are left untouched, so repeated builds are no-ops.
 *
 * <p>Usage: {@code java UnsignJars.java <dir> <jar-name>...}
 */
public final class UnsignJars {

    private UnsignJars() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path jar = dir.resolve(args[i]);
            if (!Files.isRegularFile(jar)) {
                throw new IOException("no such jar: " + jar);
            }
            if (unsign(jar)) {
                System.out.println("[unsign-jars] removed the signature of " + jar.getFileName());
            }
        }
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC"));
    }

    private static boolean unsign(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned.tmp");
        boolean signed = false;
        try (ZipFile in = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (isSignatureFile(e.getName())) {
                    signed = true;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (signed) {
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(tmp);
        }
        return signed;
    }
}
