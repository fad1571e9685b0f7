package io.carbonx.node.console;

import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the web console (open, like {@code /openapi.yaml}: it holds no data; every figure it shows comes from the
 * authenticated API):
 * <ul>
 *   <li>{@code GET /} and {@code GET /console}: 302 to {@code /console/};</li>
 *   <li>{@code GET /console/}: {@code index.html};</li>
 *   <li>{@code GET /console/<path>}: the file {@link ConsoleAssets} lists at {@code path}, else 404 (problem).</li>
 * </ul>
 * Every answer carries a strict Content-Security-Policy (scripts, styles and connections to this origin only: the
 * page loads nothing from elsewhere, and a key loaded into it can only be used towards this node), no framing, no
 * referrer, no MIME sniffing, and {@code Cache-Control: no-cache} (a node upgrade is seen at the next load).
 */
public final class ConsoleRoutes {

    /** Where the console lives. */
    public static final String PREFIX = "/console/";
    /** The policy sent with every console file. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private ConsoleRoutes() {
    }

    /** Mounts the console's routes on {@code router}. */
    public static void mount(Router router, ConsoleAssets assets) {
        router.get("/").handler(ctx -> redirect(ctx));
        router.get("/console").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next(); // Vert.x matches "/console" for "/console/" too: that one is the page
            } else {
                redirect(ctx);
            }
        });
        router.get(PREFIX + "*").handler(ctx -> serve(ctx, assets));
    }

    private static void redirect(RoutingContext ctx) {
        ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, PREFIX).end();
    }

    private static void serve(RoutingContext ctx, ConsoleAssets assets) {
        String path = ctx.normalizedPath().substring(PREFIX.length());
        Optional<ConsoleAssets.Asset> asset = assets.find(path.isEmpty() ? "index.html" : path);
        if (asset.isEmpty()) {
            ctx.fail(404);
            return;
        }
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, asset.get().contentType())
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(Buffer.buffer(asset.get().bytes()));
    }
}
