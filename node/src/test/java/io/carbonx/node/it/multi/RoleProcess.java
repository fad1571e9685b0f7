package io.carbonx.node.it.multi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.vertx.core.json.JsonObject;

/**
 * One role of the cluster as its own JVM: {@code java -cp <test classpath> io.carbonx.node.it.multi.ChildMain run
 * --config <file>} (ChildMain runs {@code io.carbonx.node.Main} and halts when the test JVM goes away), with the
 * process environment cleared of {@code CARBONX_*} and its stdout/stderr appended to {@code <name>.log}. The
 * process can be killed with SIGKILL ({@link #kill9}) and started again on the same files and ports. Only the
 * processes this object started are ever signalled.
 */
final class RoleProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** JVM options of every role: small heap, one GC thread, C1 only (start-up and CPU matter, not peak speed). */
    private static final List<String> JVM = List.of("-Xmx320m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1", "-Djava.net.preferIPv4Stack=true");

    private final String name;
    private final Path config;
    private final Path log;
    private final int httpPort;
    private final Map<String, String> env;
    private Process process;
    private int starts;

    RoleProcess(String name, Path config, Path log, int httpPort, Map<String, String> env) {
        this.name = name;
        this.config = config;
        this.log = log;
        this.httpPort = httpPort;
        this.env = Map.copyOf(env);
    }

    String name() {
        return name;
    }

    int httpPort() {
        return httpPort;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts the JVM (again); the log file keeps every incarnation's output. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of("-cp", classpath(), ChildMain.class.getName(), "run", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(config.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("CARBONX_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        try {
            Files.writeString(log, "---- start " + (++starts) + " of " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** SIGKILL: no shutdown hook runs, no transaction is committed, no file is closed. Waits until it is gone. */
    synchronized void kill9() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** {@code /health} as JSON (200 or 503), or empty when the process does not answer. */
    Optional<JsonObject> health() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 || r.statusCode() == 503 ? Optional.of(new JsonObject(r.body()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The health details of component {@code name}, if the process answers and reports it. */
    Optional<JsonObject> component(String component) {
        return health().map(h -> h.getJsonObject("components", new JsonObject()).getJsonObject(component));
    }

    /** True once {@code /health/ready} answers 200. */
    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health/ready")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until ready; fails with the log's tail if the process dies or the time runs out. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!alive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(60));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail(60) + "\nhealth: "
                        + health().map(JsonObject::encode).orElse("no answer"));
            }
            Waits.sleep(200);
        }
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM (graceful stop) without waiting; only this object's process. */
    synchronized void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits up to {@code timeout} for the process to end, then SIGKILLs it. */
    void awaitExit(Duration timeout) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return;
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** SIGTERM then, after 20 s, SIGKILL; only this object's process. */
    @Override
    public void close() {
        terminate();
        awaitExit(Duration.ofSeconds(20));
    }
}
