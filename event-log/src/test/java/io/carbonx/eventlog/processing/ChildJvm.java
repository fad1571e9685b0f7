package io.carbonx.eventlog.processing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child JVM running a main class of the test classpath; stdout lines are queued, stderr goes to a log file. */
final class ChildJvm {

    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::pumpStdout, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> mainClass, List<String> args, Path log) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath, mainClass.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        return new ChildJvm(process, log);
    }

    /** Waits for a stdout line matching {@code matcher}; fails if the child exits or the timeout passes first. */
    String awaitLine(Predicate<String> matcher, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("child did not print " + what + " within " + timeout + diagnostics());
            }
            if (EOF.equals(line)) {
                throw new AssertionError("child exited (" + exitCode() + ") before printing " + what + diagnostics());
            }
            if (matcher.test(line)) {
                return line;
            }
        }
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGKILL on Linux. */
    void kill() {
        process.destroyForcibly();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child still running after " + timeout + diagnostics());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String diagnostics() {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- child stderr (" + log + "), last lines ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return " (no child log: " + e + ")";
        }
    }

    private String exitCode() {
        return process.isAlive() ? "still alive" : "exit " + process.exitValue();
    }

    private void pumpStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // stream closed by the kill
        } finally {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lines.add(EOF);
        }
    }
}
