package io.carbonx.node.client;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP/1.1 client of one node's REST API (HTTP/1.1 on purpose: the JDK client's h2c upgrade can hang on
 * large answers). Every transport failure (connection refused, time-out) is a
 * {@link ClientException.Kind#UNAVAILABLE} naming the URL; HTTP error answers are returned, not thrown, so the
 * caller decides what they mean ({@link ApiResponse#requireOk}).
 */
public final class NodeClient {

    /** The node's default address ({@code http.host}/{@code http.port} defaults). */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @param timeout bound of each request
     * @throws ClientException {@link ClientException.Kind#USAGE} if the URL is not an absolute http(s) URL
     */
    public NodeClient(String baseUrl, Duration timeout) {
        this.base = parse(baseUrl);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    private static URI parse(String url) {
        try {
            String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ClientException.of(ClientException.Kind.USAGE, "--url " + url + ": " + e.getMessage());
        }
    }

    /** The base URL. */
    public String baseUrl() {
        return base.toString();
    }

    /** GET {@code path} (JSON expected), with a bearer token if not null. */
    public ApiResponse get(String path, String token) {
        return send(request(path, token).header("Accept", "application/json").GET().build());
    }

    /** GET {@code path} accepting {@code accept}, with a bearer token if not null. */
    public ApiResponse get(String path, String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET().build());
    }

    /** POST a JSON body ({@code {}} when null), with a bearer token if not null. */
    public ApiResponse post(String path, JsonObject body, String token) {
        String text = body == null ? "{}" : body.encode();
        return send(request(path, token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (HttpTimeoutException e) {
            throw ClientException.of(ClientException.Kind.UNAVAILABLE, request.method() + " " + request.uri()
                    + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw ClientException.of(ClientException.Kind.UNAVAILABLE, "cannot reach the node at " + base + " ("
                    + request.method() + " " + request.uri().getPath() + ": " + describe(e) + "); is it running?"
                    + " (start one with: carbonx run)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientException.of(ClientException.Kind.UNAVAILABLE, "interrupted", e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
