package io.carbonx.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A Docker-format image tarball ({@code docker save} layout, as Jib's {@code buildTar} writes it): {@code
 * manifest.json}, the config JSON and one (gzipped or plain) tar per layer, read into memory-light views.
 *
 * <p>{@link #layerEntries} lists every layer's entries; {@link #unpack} applies the layers in order to a
 * directory, as a container runtime would (regular files with their modes, directories, symbolic and hard links;
 * OCI whiteouts are honoured), refusing any entry that would land outside the target directory.
 */
final class ImageTarball {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JsonNode manifest;
    private final JsonNode config;
    private final Map<String, byte[]> small = new LinkedHashMap<>();

    private ImageTarball(Path file) throws IOException {
        this.file = file;
        try (TarArchiveInputStream in = open(file)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".json")) {
                    small.put(e.getName(), in.readAllBytes());
                }
            }
        }
        byte[] manifestBytes = small.get("manifest.json");
        if (manifestBytes == null) {
            throw new IOException(file + " has no manifest.json: not a Docker-format image tarball");
        }
        JsonNode list = JSON.readTree(manifestBytes);
        if (!list.isArray() || list.size() != 1) {
            throw new IOException(file + ": manifest.json must list exactly one image, has " + list.size());
        }
        this.manifest = list.get(0);
        byte[] configBytes = small.get(manifest.path("Config").asText());
        if (configBytes == null) {
            throw new IOException(file + ": config " + manifest.path("Config").asText() + " is missing");
        }
        this.config = JSON.readTree(configBytes);
    }

    static ImageTarball read(Path file) throws IOException {
        return new ImageTarball(file);
    }

    /** The one entry of manifest.json. */
    JsonNode manifest() {
        return manifest;
    }

    /** The image configuration (entrypoint, user, env, rootfs diff ids). */
    JsonNode config() {
        return config;
    }

    /** Names of the layer files, bottom first. */
    List<String> layers() {
        List<String> out = new ArrayList<>();
        manifest.path("Layers").forEach(l -> out.add(l.asText()));
        return out;
    }

    /** SHA-256 of each layer's uncompressed tar ({@code sha256:<hex>}), bottom first: must equal the diff ids. */
    List<String> layerDiffIds() throws IOException {
        List<String> out = new ArrayList<>();
        for (String layer : layers()) {
            MessageDigest sha = sha256();
            try (InputStream raw = layerStream(layer); DigestInputStream in = new DigestInputStream(raw, sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            out.add("sha256:" + HexFormat.of().formatHex(sha.digest()));
        }
        return out;
    }

    /** Every layer's entry names ({@code ./} stripped, leading {@code /}), by layer name, bottom first. */
    Map<String, List<String>> layerEntries() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String layer : layers()) {
            List<String> names = new ArrayList<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(layerStream(layer))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    names.add(normalise(e.getName()));
                }
            }
            out.put(layer, names);
        }
        return out;
    }

    /** Reads one file from the layers (the topmost layer that has it), or null. */
    byte[] readFile(String path) throws IOException {
        byte[] found = null;
        for (String layer : layers()) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(layerStream(layer))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.isFile() && normalise(e.getName()).equals(path)) {
                        found = in.readAllBytes();
                    }
                }
            }
        }
        return found;
    }

    /** Applies every layer, bottom first, to {@code root} (which must be empty or absent). */
    void unpack(Path root) throws IOException {
        Files.createDirectories(root);
        Path base = root.toRealPath();
        for (String layer : layers()) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(layerStream(layer))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    apply(base, e, in);
                }
            }
        }
    }

    private static void apply(Path base, TarArchiveEntry e, InputStream in) throws IOException {
        String name = normalise(e.getName());
        if (name.equals("/")) {
            return;
        }
        Path target = inside(base, name);
        String leaf = target.getFileName().toString();
        if (leaf.startsWith(".wh.")) {
            deleteRecursively(target.resolveSibling(leaf.substring(4)));
            return;
        }
        Files.createDirectories(target.getParent());
        if (e.isDirectory()) {
            Files.createDirectories(target);
        } else {
            deleteRecursively(target);
            if (e.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                return;
            }
            if (e.isLink()) {
                Files.createLink(target, inside(base, normalise(e.getLinkName())));
                return;
            }
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, permissions(e.getMode()));
    }

    private static Path inside(Path base, String name) throws IOException {
        Path target = base.resolve(name.substring(1)).normalize();
        if (!target.startsWith(base)) {
            throw new IOException("layer entry " + name + " escapes the image root");
        }
        return target;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.delete(path);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(order[bit]);
            }
        }
        return out;
    }

    /** {@code ./a/b/} and {@code a/b} both become {@code /a/b}. */
    static String normalise(String name) {
        String n = name.startsWith("./") ? name.substring(1) : name.startsWith("/") ? name : "/" + name;
        return n.length() > 1 && n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private InputStream layerStream(String layer) throws IOException {
        TarArchiveInputStream outer = open(file);
        for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
            if (e.getName().equals(layer)) {
                BufferedInputStream in = new BufferedInputStream(outer);
                in.mark(2);
                int b1 = in.read();
                int b2 = in.read();
                in.reset();
                return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
            }
        }
        outer.close();
        throw new IOException(file + ": layer " + layer + " is missing");
    }

    private static TarArchiveInputStream open(Path file) throws IOException {
        return new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
