package io.carbonx.deploycheck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, when kubectl is on the PATH.
 *
 * <p>Rendering is offline (no cluster is contacted). A failing render (bad patch, missing file) throws with
 * kubectl's message. The only time bound is a generous guard against a hung process, not a performance claim.
 */
final class Kustomize {

    private static final long GUARD_SECONDS = 300;

    private Kustomize() {
    }

    /** The kubectl executable on the PATH, if any. */
    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : new String[] {"kubectl", "kubectl.exe"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param kubectl       the executable
     * @param kustomization a directory holding a kustomization.yaml
     * @return the rendered objects
     * @throws IllegalStateException if kubectl fails
     */
    static Manifests render(Path kubectl, Path kustomization) {
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " failed (exit "
                            + process.exitValue() + "): " + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Manifests.parse(Files.readString(out, StandardCharsets.UTF_8),
                        "kubectl kustomize " + kustomization);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + kustomization, e);
        }
    }
}
