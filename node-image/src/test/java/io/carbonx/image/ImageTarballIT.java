package io.carbonx.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inspects the image tarball the build wrote (target/carbonx-node-image.tar) and runs the node inside it.
 *
 * <p>Structure (always): the tarball names the pinned image reference the manifests use; each layer's digest is
 * its diff id in the config; the entrypoint is the jlink'ed runtime's java running {@code io.carbonx.node.Main};
 * the layers hold that runtime, the C libraries it links against, and a jar with the node's main class.
 *
 * <p>Running (where this machine allows it: root and util-linux {@code unshare}, as on the build machines): the
 * layers are unpacked into a directory, as a container runtime would, and the entrypoint runs there in its own
 * mount and PID namespace with that directory (bind-mounted onto itself, like a runtime's rootfs) as its root,
 * as uid 65532 (the manifests' runAsUser): once for {@code version}, once as a whole node (embedded Kafka,
 * every service) until {@code /health/ready} answers 200. Nothing of this machine's own Java or libraries is
 * visible to it.
 */
class ImageTarballIT {

    private static final long READY_BOUND_SECONDS = 300;
    private static ImageTarball image;
    private static Path root;

    @BeforeAll
    static void readAndUnpack() throws IOException {
        Path tarball = Path.of(System.getProperty("carbonx.image.tarball", "target/carbonx-node-image.tar"));
        assertThat(tarball).as("the image tarball written by jib:buildTar").isRegularFile();
        image = ImageTarball.read(tarball);
        Path work = Path.of(System.getProperty("carbonx.image.workdir", "target/image-test"));
        root = work.resolve("rootfs");
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        image.unpack(root);
    }

    @Test
    void tarballNamesThePinnedImageAndEveryLayerMatchesItsDiffId() throws IOException {
        String expected = System.getProperty("carbonx.image", "carbonx-node:0.1.0");
        assertThat(expected).doesNotEndWith(":latest").contains(":");

        assertThat(image.manifest().path("RepoTags")).extracting(JsonNode::asText).containsExactly(expected);
        List<String> diffIds = new ArrayList<>();
        image.config().path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
        assertThat(image.layerDiffIds()).isEqualTo(diffIds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
    }

    @Test
    void entrypointRunsTheNodeMainOnTheImagesOwnRuntimeAsNonRoot() {
        JsonNode config = image.config().path("config");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));

        assertThat(entrypoint).containsExactly("/opt/java/bin/java", "-cp", "/app/resources:/app/classes:/app/libs/*",
                "io.carbonx.node.Main");
        assertThat(config.path("Cmd")).extracting(JsonNode::asText).containsExactly("run");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    }

    @Test
    void layersHoldTheRuntimeItsLibrariesAndTheNodeJar() throws IOException {
        List<String> all = image.layerEntries().values().stream().flatMap(List::stream).toList();

        assertThat(all).contains("/opt/java/bin/java", "/opt/java/lib/server/libjvm.so", "/opt/java/lib/modules",
                "/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2", "/etc/passwd", "/tmp", "/proc");
        assertThat(all).anyMatch(n -> n.matches("/usr/lib/x86_64-linux-gnu/libstdc\\+\\+\\.so\\.6.*"))
                .anyMatch(n -> n.matches("/(usr/)?lib/x86_64-linux-gnu/libz\\.so\\.1.*"))
                .anyMatch(n -> n.matches("/app/libs/kafka-clients-.*\\.jar"));
        String nodeJar = all.stream().filter(n -> n.startsWith("/app/libs/") && n.endsWith(".jar"))
                .filter(n -> hasEntry(n, "io/carbonx/node/Main.class")).findFirst().orElse(null);
        assertThat(nodeJar).as("a jar in /app/libs with io.carbonx.node.Main").isNotNull();
        assertThat(Files.isExecutable(root.resolve("opt/java/bin/java"))).isTrue();
        assertThat(new String(image.readFile("/etc/passwd"), StandardCharsets.US_ASCII)).contains(":65532:65532:");
    }

    @Test
    void unpackedImagePrintsTheVersion() throws Exception {
        assumeContainerLikeRunPossible();
        Process p = inImage(List.of("version"), Map.of()).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            stop(p);
        }
        assertThat(done).as("carbonx version finished; output: %s", out).isTrue();
        assertThat(p.exitValue()).as("exit code; output: %s", out).isZero();
        assertThat(out).contains("carbonx 0.1.0", "Java 17");
    }

    @Test
    void unpackedImageRunsAWholeNodeUntilReady() throws Exception {
        assumeContainerLikeRunPossible();
        int port = freePort();
        Path log = root.getParent().resolve("node.log");
        Process p = inImage(List.of("run"), Map.of(
                "CARBONX_HTTP_PORT", Integer.toString(port),
                "CARBONX_NODE_DATA_DIR", "/tmp/carbonx-data",
                "CARBONX_KAFKA_PORT", "0",
                "CARBONX_KAFKA_CONTROLLER_PORT", "0",
                "CARBONX_KAFKA_STARTUP_TIMEOUT_MS", "240000",
                "JAVA_TOOL_OPTIONS", "-Xmx1g -XX:+UseSerialGC"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int status = awaitReady(p, port);
            assertThat(status).as("/health/ready of the node in the image; end of %s:%n%s", log, tail(log))
                    .isEqualTo(200);
        } finally {
            stop(p);
        }
    }

    /**
     * Stops the node as Kubernetes would: SIGTERM to the node itself (unshare's child: --kill-child cannot reach it,
     * because the parent-death signal is cleared when chroot changes the user), then a bounded wait, then SIGKILL
     * to whatever is left.
     */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(tree).as("the node's processes ended").noneMatch(ProcessHandle::isAlive);
    }

    private static int awaitReady(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_BOUND_SECONDS);
        int last = -1;
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health/ready")
                        .toURL().openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                last = c.getResponseCode();
                c.disconnect();
                if (last == 200) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return p.isAlive() ? last : -1000 - p.exitValue();
    }

    /** The image's entrypoint with {@code args}, rooted in the unpacked layers, as uid/gid 65532, a clean env. */
    private static ProcessBuilder inImage(List<String> args, Map<String, String> env) {
        // In new mount and PID namespaces: the unpacked root becomes a mount point (as a container runtime's rootfs
        // is; the JDK looks file stores up in /proc/self/mounts), gets its own /proc, and the entrypoint runs
        // chrooted into it as 65532:65532. The mounts vanish with the namespace.
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM",
                "sh", "-c", hostTool("mount") + " --bind \"$0\" \"$0\" && " + hostTool("mount")
                        + " -t proc proc \"$0/proc\" && exec " + hostTool("chroot")
                        + " --userspec=65532:65532 \"$0\" \"$@\"",
                root.toAbsolutePath().toString()));
        image.config().path("config").path("Entrypoint").forEach(a -> command.add(a.asText()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().clear();
        image.config().path("config").path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            pb.environment().put(kv[0], kv[1]);
        });
        pb.environment().putAll(env);
        return pb;
    }

    /** A tool of this machine by absolute path (the command runs with the image's PATH, not this machine's). */
    private static String hostTool(String name) {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        throw new IllegalStateException("no " + name + " on this machine");
    }

    private static void assumeContainerLikeRunPossible() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean unshare = false;
        if (root) {
            Process p = new ProcessBuilder("unshare", "--version").redirectErrorStream(true).start();
            unshare = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        if (!root || !unshare) {
            System.out.println("[node-image] running the image needs root and util-linux unshare; only its "
                    + "structure was checked here");
        }
        assumeTrue(root && unshare, "needs root and unshare to run the unpacked image");
    }

    /** Whether the jar at {@code jarInImage} (as unpacked from the layers) has {@code entry}. */
    private static boolean hasEntry(String jarInImage, String entry) {
        try (JarFile jar = new JarFile(root.resolve(jarInImage.substring(1)).toFile())) {
            return jar.getEntry(entry) != null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
