package io.carbonx.rating.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.carbonx.registry.identity.ParticipantSigner;
import io.vertx.core.json.JsonObject;

/** A small JSON client of the node's API over real HTTP (JDK HttpClient), with the challenge-token login. */
final class ApiClient {

    /** A response: status, content type and JSON body (empty object when there is no body). */
    record Response(int status, String contentType, JsonObject body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body.encode();
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    Response post(String path, JsonObject body, String token) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode())).build());
    }

    /**
     * Logs in the documented way: a challenge for {@code participantId}, its {@code signedText} signed with the key
     * of the participant's registry-issued certificate, exchanged for a bearer token.
     */
    String login(String participantId, ParticipantSigner signer) {
        Response c = post("/api/v1/auth/challenge", new JsonObject().put("participantId", participantId), null);
        if (c.status() != 200) {
            throw new AssertionError("challenge: " + c);
        }
        byte[] sig = signer.sign(c.body().getString("signedText").getBytes(StandardCharsets.UTF_8));
        Response t = post("/api/v1/auth/token", new JsonObject().put("challengeId", c.body().getString("challengeId"))
                .put("signatureBase64", Base64.getEncoder().encodeToString(sig)), null);
        if (t.status() != 200) {
            throw new AssertionError("token: " + t);
        }
        return t.body().getString("token");
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = r.body();
            return new Response(r.statusCode(), r.headers().firstValue("content-type").orElse(""),
                    text == null || text.isBlank() ? new JsonObject() : new JsonObject(text));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
