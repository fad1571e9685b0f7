package io.carbonx.node.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The web console's static files, read once from the classpath ({@value #ROOT}/) into memory. Which files exist is
 * fixed by the manifest {@value #ROOT}/{@value #MANIFEST} (one path per line, relative to {@value #ROOT}/, '#'
 * comments): nothing else can be served, whatever the request path says, and no file system or working directory
 * is ever consulted. Immutable and thread-safe.
 */
public final class ConsoleAssets {

    /** Classpath folder of the console. */
    public static final String ROOT = "console";
    /** The manifest listing every served file. */
    public static final String MANIFEST = "assets.txt";

    /**
     * One served file.
     *
     * @param path        path relative to the console root, e.g. {@code js/app.js}
     * @param contentType its media type
     * @param bytes       its content (do not modify)
     */
    public record Asset(String path, String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> assets;

    private ConsoleAssets(Map<String, Asset> assets) {
        this.assets = Collections.unmodifiableMap(assets);
    }

    /**
     * Loads every file the manifest lists.
     *
     * @throws IllegalStateException if the manifest or a listed file is missing, or a listed path is not a plain
     *                               relative path with a known extension
     */
    public static ConsoleAssets load() {
        ClassLoader loader = ConsoleAssets.class.getClassLoader();
        String manifest = new String(read(loader, ROOT + "/" + MANIFEST), StandardCharsets.UTF_8);
        Map<String, Asset> found = new TreeMap<>();
        for (String line : manifest.split("\n")) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            if (!path.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z]+")) {
                throw new IllegalStateException("console manifest lists an invalid path: " + path);
            }
            String type = contentType(path).orElseThrow(() ->
                    new IllegalStateException("console manifest lists a file of unknown type: " + path));
            found.put(path, new Asset(path, type, read(loader, ROOT + "/" + path)));
        }
        return new ConsoleAssets(found);
    }

    /** The asset at {@code path} (relative to the console root), if the manifest lists it. */
    public Optional<Asset> find(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    /** Every served path, sorted. */
    public Iterable<String> paths() {
        return assets.keySet();
    }

    /** The media type served for a file name's extension, if it is one the console uses. */
    static Optional<String> contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "txt", "md" -> "text/plain; charset=utf-8";
            case "json" -> "application/json";
            default -> null;
        });
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
