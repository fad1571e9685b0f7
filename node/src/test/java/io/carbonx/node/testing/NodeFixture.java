package io.carbonx.node.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;

/** Helpers for tests that run a real node in-process: config on free ports, a plain HTTP client. */
public final class NodeFixture {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private NodeFixture() {
    }

    /**
     * A configuration loaded the production way, relative to {@code workDir} (data in {@code workDir/data}), with
     * HTTP and embedded-broker ports 0 (free ports), plus {@code extraEnv} as environment overrides.
     */
    public static NodeConfig config(Path workDir, Map<String, String> extraEnv, List<CarbonxService> services) {
        Map<String, String> env = new HashMap<>();
        env.put("CARBONX_HTTP_PORT", "0");
        env.put("CARBONX_KAFKA_PORT", "0");
        env.put("CARBONX_KAFKA_CONTROLLER_PORT", "0");
        env.put("CARBONX_NODE_SHUTDOWN_TIMEOUT_MS", "60000");
        env.putAll(extraEnv);
        return ConfigLoader.load(ConfigRequest.defaults(workDir).withEnv(env), services);
    }

    /** GET {@code http://127.0.0.1:<port><path>}. */
    public static HttpResponse<String> get(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls {@code /health/ready} until it answers 200 (every service caught up with its topics and UP), bounded by
     * {@code patience}.
     *
     * @throws AssertionError with the last body when the node did not become ready in time
     */
    public static void awaitReady(int port, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpResponse<String> last = get(port, "/health/ready");
        while (last.statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready within " + patience + ": " + last.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = get(port, "/health/ready");
        }
    }

    /** A currently free loopback port (another process may take it before it is used). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
