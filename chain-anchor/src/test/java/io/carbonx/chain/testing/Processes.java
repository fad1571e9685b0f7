package io.carbonx.chain.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools (openssl, bash) for interoperability tests. */
public final class Processes {

    private Processes() {
    }

    /** Exit code and merged stdout/stderr. */
    public record Result(int exit, String output) {
    }

    /** Runs {@code command} in {@code dir}, waiting at most {@code timeoutSeconds}. */
    public static Result run(Path dir, long timeoutSeconds, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("did not finish: " + List.of(command));
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + List.of(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code openssl args...} in {@code dir}. */
    public static Result openssl(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        return run(dir, 60, cmd.toArray(String[]::new));
    }

    /** True when {@code tool versionArg} runs and exits 0. */
    public static boolean available(String tool, String versionArg) {
        try {
            Process p = new ProcessBuilder(tool, versionArg).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
