package io.carbonx.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestValidation} against the real contract, in front of stub routes that count their calls: every bad
 * request gets its precise problem and no route handler runs; a good one reaches the route.
 */
class RequestValidationTest {

    private static final String SERIAL = "0a1b";
    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        RequestValidation validation = RequestValidation.load(vertx).await(30, TimeUnit.SECONDS);
        Router router = Router.router(vertx);
        validation.install(router);
        // as in the node: the bundle upload reads its own body after an (asynchronous) authentication step,
        // every other route sits behind the /api body handler
        router.post("/api/v1/evidence-verifications").handler(ctx -> vertx.setTimer(50, t -> ctx.next()));
        router.post("/api/v1/evidence-verifications").handler(BodyHandler.create(false));
        router.route("/api/*").handler(BodyHandler.create(false));
        router.route("/api/*").handler(ctx -> {
            CALLS.incrementAndGet();
            ctx.response().putHeader("content-type", "application/json")
                    .end(new JsonObject().put("path", ctx.request().path())
                            .put("bodyBytes", ctx.body().length()).encode());
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        CALLS.set(0);
    }

    @Test
    void unknownPath_isNotFoundProblem() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/no-such-thing", null, null);
        assertProblem(r, 404, "NOT_FOUND");
    }

    @Test
    void unknownMethod_isMethodNotAllowedWithAllow() throws Exception {
        HttpResponse<String> r = send("DELETE", "/api/v1/orders", null, null);
        assertProblem(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void missingRequiredField_isRequestInvalidNamingTheRule() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/accounts/ent-a/deposits", new JsonObject().put("transferId", "t1"));
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).startsWith("/body");
        assertThat(v.getString("rule")).isEqualTo("required");
        assertThat(v.getString("message")).contains("amountMinor");
    }

    @Test
    void wrongType_pointsAtTheField() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/accounts/ent-a/deposits",
                new JsonObject().put("transferId", "t1").put("amountMinor", "ten"));
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/body/amountMinor");
        assertThat(v.getString("rule")).isEqualTo("type");
    }

    @Test
    void patternViolation_pointsAtTheField() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/orders", new JsonObject().put("request", "AAAA")
                .put("signature", "AAAA").put("certificateSerial", "NOT-HEX"));
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/body/certificateSerial");
        assertThat(v.getString("rule")).isEqualTo("pattern");
    }

    @Test
    void enumViolation_pointsAtTheField() throws Exception {
        HttpResponse<String> r = postJson("/api/v1/instruments", new JsonObject().put("instrumentId", "X")
                .put("kind", "FUTURE").put("vintage", 2026));
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/body/kind");
        assertThat(v.getString("rule")).isEqualTo("enum");
    }

    @Test
    void queryAboveMaximum_pointsAtTheParameter() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/market/EUA/trades?limit=5000", null, null);
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/query/limit");
        assertThat(v.getString("rule")).isEqualTo("maximum");
    }

    @Test
    void nonIntegerQuery_pointsAtTheParameter() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/market/EUA/trades?limit=many", null, null);
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/query/limit");
    }

    @Test
    void nonIntegerPathParameter_pointsAtTheParameter() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/compliance/next-year", null, null);
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/path/year");
    }

    @Test
    void malformedJson_isRequestInvalid() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/auth/challenge", "application/json", "{\"participantId\":");
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/body");
    }

    @Test
    void missingBody_isRequestInvalid() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/auth/challenge", null, null);
        JsonObject v = onlyViolation(assertProblem(r, 400, "REQUEST_INVALID"));
        assertThat(v.getString("pointer")).isEqualTo("/body");
        assertThat(v.getString("rule")).isEqualTo("required");
    }

    @Test
    void nonJsonBody_isUnsupportedMediaType() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/auth/challenge", "text/plain", "participantId=x");
        assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void validRequests_reachTheRoute() throws Exception {
        assertThat(postJson("/api/v1/orders", new JsonObject().put("request", "AAAA").put("signature", "AAAA")
                .put("certificateSerial", SERIAL)).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/market/EUA/trades?limit=10", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/ratings/policy", null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/registrations/p-1/approve", "application/json", "{}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> bundle = send("POST", "/api/v1/evidence-verifications", "application/zip", "PK");
        assertThat(bundle.statusCode()).as(bundle.body()).isEqualTo(200);
        assertThat(new JsonObject(bundle.body()).getInteger("bodyBytes")).isEqualTo(2);
        assertThat(CALLS.get()).isEqualTo(5);
    }

    private JsonObject assertProblem(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).contains("application/problem+json");
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("reasonCode")).isEqualTo(reason);
        assertThat(body.getString("type")).isEqualTo("urn:carbonx:problem:" + reason);
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(CALLS.get()).as("no route handler runs on a refused request").isZero();
        return body;
    }

    private static JsonObject onlyViolation(JsonObject problem) {
        JsonArray violations = problem.getJsonArray("violations");
        assertThat(violations).as(problem.encodePrettily()).hasSize(1);
        return violations.getJsonObject(0);
    }

    private static HttpResponse<String> postJson(String path, JsonObject body) throws Exception {
        return send("POST", path, "application/json", body.encode());
    }

    private static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
