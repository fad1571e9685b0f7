package io.carbonx.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's routes over real HTTP on loopback: redirects, files with their types and headers, nothing else. */
class ConsoleRoutesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        ConsoleRoutes.mount(router, ConsoleAssets.load());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void theRootAndTheBareConsolePathRedirectToTheConsole() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(302);
        assertThat(get("/").headers().firstValue("location")).contains("/console/");
        assertThat(get("/console").headers().firstValue("location")).contains("/console/");
    }

    @Test
    void theConsolePageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = get("/console/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(r.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        assertThat(r.headers().firstValue("content-security-policy")).contains(ConsoleRoutes.CONTENT_SECURITY_POLICY);
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(r.headers().firstValue("x-frame-options")).contains("DENY");
        assertThat(r.headers().firstValue("referrer-policy")).contains("no-referrer");
    }

    @Test
    void everyListedFileIsServedWithItsMediaType() throws Exception {
        for (String path : ConsoleAssets.load().paths()) {
            HttpResponse<String> r = get("/console/" + path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String type = r.headers().firstValue("content-type").orElse("");
            if (path.endsWith(".js")) {
                assertThat(type).as(path).isEqualTo("text/javascript; charset=utf-8");
            }
            assertThat(r.body()).as(path).isNotEmpty();
        }
    }

    @Test
    void pathsOutsideTheManifestAreNotFound() throws Exception {
        for (String path : new String[] {"/console/assets.txt.bak", "/console/nope.js", "/console/js/",
                "/console/../pom.xml", "/console/%2e%2e/carbonx-defaults.yaml", "/console/js/../../logback.xml"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
