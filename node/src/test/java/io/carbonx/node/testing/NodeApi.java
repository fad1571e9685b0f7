package io.carbonx.node.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import javax.security.auth.x500.X500Principal;

import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.BcProvider;
import io.vertx.core.json.JsonObject;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** A small JSON client of a node's API for tests that set up participants (JDK HttpClient, HTTP/1.1). */
public final class NodeApi {

    /** A response: status and JSON body (empty object when there is none). */
    public record Response(int status, JsonObject body) {
        /** Throws unless the status is {@code expected}. */
        public Response expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected " + expected + ", got " + status + " " + body.encode());
            }
            return this;
        }
    }

    /** A registered participant: id, key pair and signer. */
    public record Member(String id, KeyPair keys, ParticipantSigner signer) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public NodeApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    /** GET returning the raw body (e.g. an evidence bundle); throws unless 200. */
    public byte[] bytes(String path, String token) {
        try {
            HttpResponse<byte[]> r = http.send(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + r.statusCode() + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, JsonObject body, String token) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode())).build());
    }

    /** Challenge, signature, token; retried (bounded) while the directory does not know the participant yet. */
    public String login(String participantId, ParticipantSigner signer, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            Response c = post("/api/v1/auth/challenge", new JsonObject().put("participantId", participantId), null);
            if (c.status() == 200) {
                byte[] sig = signer.sign(c.body().getString("signedText").getBytes(StandardCharsets.UTF_8));
                last = post("/api/v1/auth/token", new JsonObject().put("challengeId", c.body().getString("challengeId"))
                        .put("signatureBase64", Base64.getEncoder().encodeToString(sig)), null);
                if (last.status() == 200) {
                    return last.body().getString("token");
                }
            } else {
                last = c;
            }
            pause();
        }
        throw new AssertionError("login of " + participantId + " failed: " + (last == null ? "-" : last.body()));
    }

    /** Registers a new EC P-256 participant and has {@code regulatorToken} approve it. */
    public Member register(String legalName, String role, String regulatorToken) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=console-it"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        Response r = post("/api/v1/registrations", new JsonObject().put("legalName", legalName).put("role", role)
                .put("csr", Base64.getEncoder().encodeToString(csr)), null).expect(200, "registering " + legalName);
        String id = r.body().getJsonArray("events").getJsonObject(0).getString("participantId");
        post("/api/v1/registrations/" + id + "/approve", null, regulatorToken).expect(200, "approving " + legalName);
        return new Member(id, kp, ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic()));
    }

    /** Waits (bounded) until {@code condition} holds. */
    public static void await(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
            JsonObject body;
            try {
                body = text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
            } catch (RuntimeException notJson) {
                body = new JsonObject().put("text", text);
            }
            return new Response(r.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
