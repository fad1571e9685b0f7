package io.carbonx.chain.timestamp;

import static io.carbonx.chain.testing.TestPki.T1;
import static io.carbonx.chain.testing.TestPki.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.testing.TestPki;
import io.carbonx.chain.testing.TestPki.Participant;
import io.carbonx.events.Role;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consortium TSA served over loopback HTTP (Vert.x) and reached by the RFC 3161 HTTP client. */
class HttpTimestampClientTest {

    @TempDir
    static Path caDir;

    static TestPki pki;
    static TimestampAuthority tsa;
    static Vertx vertx;
    static HttpServer server;
    static HttpServer wrongServer;
    static HttpClient http;
    static final Instant STAMP_TIME = T2.plusMillis(7);

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(caDir, Duration.ofDays(365));
        Participant court = pki.register("High Court of Carbon", Role.COURT, false, T1);
        tsa = pki.timestampAuthority(court, T1, new SecureRandom());
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(new TsaHttpHandler(tsa, Clock.fixed(STAMP_TIME, ZoneOffset.UTC)))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        wrongServer = vertx.createHttpServer()
                .requestHandler(r -> r.response().putHeader("Content-Type", "text/plain").end("hello"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static URI tsaUri() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/tsa");
    }

    static byte[] hash(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void httpClientObtainsTokenFromTsaServedOverLoopback() throws Exception {
        TimestampClient client = TimestampClients.create(
                TimestampConfig.fromProperties(Map.of("timestamp.mode", "external", "timestamp.url", tsaUri().toString(),
                        "timestamp.name", "court-tsa")), null, Clock.systemUTC(), http, new SecureRandom());
        byte[] h = hash("block 5");

        IssuedTimestamp stamp = client.timestamp(h).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(client).isInstanceOf(HttpTimestampClient.class);
        assertThat(stamp.tsaName()).isEqualTo("court-tsa");
        assertThat(stamp.genTime()).isEqualTo(STAMP_TIME);
        TimestampCheck check = new TimestampVerifier(pki.validator()).verifyResponse(stamp.responseDer(), h, null);
        assertThat(check.status()).as(check.detail()).isEqualTo(TimestampStatus.VALID);
    }

    @Test
    void consortiumModeUsesTheInProcessTsa() {
        TimestampClient client = TimestampClients.create(TimestampConfig.fromProperties(Map.of()), tsa,
                Clock.fixed(STAMP_TIME, ZoneOffset.UTC), http, new SecureRandom());
        assertThat(client).isInstanceOf(LocalTimestampClient.class);
        assertThat(client.tsaName()).isEqualTo(tsa.name());
    }

    @Test
    void consortiumModeWithoutLocalTsaIsAConfigurationError() {
        assertThatThrownBy(() -> TimestampClients.create(TimestampConfig.consortium(), null, Clock.systemUTC(), http,
                new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configRejectsUnknownModeAndMissingUrl() {
        assertThatThrownBy(() -> TimestampConfig.fromProperties(Map.of("timestamp.mode", "carrier-pigeon")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimestampConfig.fromProperties(Map.of("timestamp.mode", "http")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimestampConfig.fromProperties(Map.of("timestamp.mode", "http",
                "timestamp.url", "ftp://tsa.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverAnsweringAnotherContentTypeIsUnavailable() throws Exception {
        HttpTimestampClient client = new HttpTimestampClient(http,
                URI.create("http://127.0.0.1:" + wrongServer.actualPort() + "/"), Duration.ofSeconds(10), null, "x",
                new SecureRandom());
        assertThatThrownBy(() -> client.timestamp(hash("b")).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(((TimestampException) e.getCause()).reason())
                        .isEqualTo(TimestampFailure.TSA_UNAVAILABLE));
    }

    @Test
    void unreachableTsaIsUnavailable() throws Exception {
        HttpTimestampClient client = new HttpTimestampClient(http, URI.create("http://127.0.0.1:1/tsa"),
                Duration.ofSeconds(10), null, "x", new SecureRandom());
        assertThatThrownBy(() -> client.timestamp(hash("b")).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(((TimestampException) e.getCause()).reason())
                        .isEqualTo(TimestampFailure.TSA_UNAVAILABLE));
    }

    @Test
    void endpointRefusesGetAndWrongContentTypeAndOversizedBodies() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(tsaUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(tsaUri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(tsaUri())
                .header("Content-Type", HttpTimestampClient.QUERY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[TsaHttpHandler.MAX_REQUEST_BYTES + 1])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void garbageQueryGetsARejectionResponseNotAnHttpError() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(tsaUri())
                .header("Content-Type", HttpTimestampClient.QUERY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new org.bouncycastle.tsp.TimeStampResponse(r.body()).getStatus())
                .isEqualTo(org.bouncycastle.asn1.cmp.PKIStatus.REJECTION);
    }
}
