package io.carbonx.exchange.gateway;

import io.carbonx.events.Role;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.SecureRouter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/**
 * Signed order entry over REST, for authenticated ENTERPRISE participants (bearer token of the node's API
 * security; other roles get 403 ROLE_NOT_PERMITTED, no token 401):
 * <ul>
 *   <li>{@code POST /api/v1/orders} — body {@code {"request": base64 OrderRequest, "signature": base64,
 *       "certificateSerial": hex}}; 202 {@code {"status": "SUBMITTED", "orderId", "sequence", "eventId"}}, or 200
 *       {@code {"status": "DUPLICATE", ...the first result}} for a repeated client order id;</li>
 *   <li>{@code POST /api/v1/order-batches} — mass order entry: {@code {"orders": [1..100 bodies as above]}}, each
 *       decided as if submitted alone, in array order; 200 {@code {"results": [{"status", "body"}, ...]}} with every
 *       order's own answer (not atomic), 400 MALFORMED_BODY for a body that is not such a list;</li>
 *   <li>{@code POST /api/v1/orders/cancel} — the same with a CancelRequest; 202;</li>
 *   <li>{@code POST /api/v1/orders/replace} — the same with a ReplaceRequest; 202 with the new order id;</li>
 *   <li>{@code POST /api/v1/storage-offers} — the same with an OrderRequest signed with {@code storage = true}: a
 *       storage operator's offer of stored energy into the open clearing period of an ENERGY instrument (a SELL
 *       LIMIT; its order id cancels it like an order's); 202 like an order;</li>
 *   <li>{@code POST /api/v1/agreements} (ENTERPRISE, a party), {@code POST /api/v1/auctions} (REGULATOR),
 *       {@code POST /api/v1/auctions/:auctionId/bids} (ENTERPRISE), {@code POST /api/v1/auctions/:auctionId/close}
 *       (REGULATOR): see {@link VenueGateway}; 202 once forwarded to the instrument's book.</li>
 * </ul>
 * Refusals are {@code application/problem+json} with the {@code reasonCode} of
 * {@link io.carbonx.exchange.core.gateway.GatewayReason}; 503 GATEWAY_NOT_READY while the gateway state is
 * being rebuilt, 503 PUBLISH_FAILED if Kafka did not take the request (retry: the client order id makes it safe).
 */
public final class GatewayRoutes {

    private GatewayRoutes() {
    }

    public static void mount(SecureRouter routes, OrderGateway gateway, VenueGateway venues) {
        Access enterprise = Access.roles(Role.ENTERPRISE);
        Access regulator = Access.roles(Role.REGULATOR);
        routes.post("/api/v1/orders", enterprise, ctx -> answer(ctx, gateway.submit(OrderGateway.Kind.ORDER,
                caller(ctx), body(ctx))));
        routes.post("/api/v1/order-batches", enterprise, ctx -> answer(ctx,
                gateway.submitBatch(caller(ctx), body(ctx))));
        routes.post("/api/v1/orders/cancel", enterprise, ctx -> answer(ctx,
                gateway.submit(OrderGateway.Kind.CANCEL, caller(ctx), body(ctx))));
        routes.post("/api/v1/orders/replace", enterprise, ctx -> answer(ctx,
                gateway.submit(OrderGateway.Kind.REPLACE, caller(ctx), body(ctx))));
        routes.post("/api/v1/storage-offers", enterprise, ctx -> answer(ctx,
                gateway.submit(OrderGateway.Kind.STORAGE_OFFER, caller(ctx), body(ctx))));
        routes.post("/api/v1/agreements", enterprise, ctx -> answer(ctx, venues.agreement(caller(ctx), body(ctx))));
        routes.post("/api/v1/auctions", regulator, ctx -> answer(ctx, venues.schedule(caller(ctx),
                ApiSecurity.principal(ctx).role(), body(ctx))));
        routes.post("/api/v1/auctions/:auctionId/bids", enterprise, ctx -> answer(ctx, venues.bid(caller(ctx),
                ctx.pathParam("auctionId"), body(ctx))));
        routes.post("/api/v1/auctions/:auctionId/close", regulator, ctx -> answer(ctx, venues.close(caller(ctx),
                ctx.pathParam("auctionId"), body(ctx))));
    }

    private static String caller(RoutingContext ctx) {
        return ApiSecurity.principal(ctx).participantId();
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static void answer(RoutingContext ctx, CompletionStage<OrderGateway.Response> response) {
        Future.fromCompletionStage(response, ctx.vertx().getOrCreateContext())
                .onSuccess(r -> {
                    if (!ctx.response().ended()) {
                        String type = r.status() >= 400 ? "application/problem+json" : "application/json";
                        ctx.response().setStatusCode(r.status()).putHeader(HttpHeaders.CONTENT_TYPE, type)
                                .end(r.body().encode());
                    }
                })
                .onFailure(ctx::fail);
    }
}
