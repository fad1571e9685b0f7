package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A small JSON client of the registry API (JDK HttpClient). */
final class ApiClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A response: status, content type and JSON body (empty object when the body is empty). */
    record Response(int status, String contentType, JsonObject body, String wwwAuthenticate) {
        String reason() {
            return body.getString("reasonCode");
        }
    }

    ApiClient(String base) {
        this.base = base;
    }

    Response get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    Response post(String path, JsonObject body, String token) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode())).build());
    }

    Response postRaw(String path, String body, String token) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Challenge, sign, token; asserts success. */
    String login(String participantId, ParticipantSigner signer) {
        Response c = post("/api/v1/auth/challenge", new JsonObject().put("participantId", participantId), null);
        assertThat(c.status()).as(c.body().encode()).isEqualTo(200);
        byte[] sig = signer.sign(c.body().getString("signedText").getBytes(StandardCharsets.UTF_8));
        Response t = post("/api/v1/auth/token", new JsonObject().put("challengeId", c.body().getString("challengeId"))
                .put("signatureBase64", Base64.getEncoder().encodeToString(sig)), null);
        assertThat(t.status()).as(t.body().encode()).isEqualTo(200);
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
            JsonObject body = text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body,
                    r.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
