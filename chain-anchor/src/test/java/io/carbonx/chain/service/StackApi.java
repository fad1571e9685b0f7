package io.carbonx.chain.service;

import io.carbonx.registry.identity.ParticipantSigner;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small client of the node's API (JDK HttpClient): JSON calls, binary downloads, challenge-token login. */
final class StackApi {

    /** A JSON response. */
    record Response(int status, JsonObject body) {
    }

    /** A raw response: status, content type and bytes. */
    record Download(int status, String contentType, byte[] body, HttpResponse<byte[]> raw) {
        /** The body as a JSON object (problem responses). */
        JsonObject json() {
            return body.length == 0 ? new JsonObject() : new JsonObject(new String(body, StandardCharsets.UTF_8));
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    StackApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path, String token) {
        Download d = download(path, token);
        return new Response(d.status(), d.json());
    }

    Response post(String path, JsonObject body, String token) {
        HttpRequest r = builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode())).build();
        HttpResponse<byte[]> response = send(r);
        byte[] b = response.body();
        return new Response(response.statusCode(), b.length == 0 ? new JsonObject()
                : new JsonObject(new String(b, StandardCharsets.UTF_8)));
    }

    /** GET with the raw body. */
    Download download(String path, String token) {
        HttpResponse<byte[]> r = send(builder(path, token).GET().build());
        return new Download(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), r);
    }

    /** Challenge, sign, token. */
    String login(String participantId, ParticipantSigner signer) {
        Response c = post("/api/v1/auth/challenge", new JsonObject().put("participantId", participantId), null);
        if (c.status() != 200) {
            throw new AssertionError("challenge: " + c.body().encode());
        }
        byte[] sig = signer.sign(c.body().getString("signedText").getBytes(StandardCharsets.UTF_8));
        Response t = post("/api/v1/auth/token", new JsonObject().put("challengeId", c.body().getString("challengeId"))
                .put("signatureBase64", Base64.getEncoder().encodeToString(sig)), null);
        if (t.status() != 200) {
            throw new AssertionError("token: " + t.body().encode());
        }
        return t.body().getString("token");
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
