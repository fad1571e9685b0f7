package io.carbonx.exchange.marketdata;

import io.carbonx.exchange.core.market.BookDepth;
import io.carbonx.exchange.core.market.DepthLevel;
import io.carbonx.exchange.core.marketdata.AuctionPrint;
import io.carbonx.exchange.core.marketdata.Bar;
import io.carbonx.exchange.core.marketdata.TradePrint;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.SecureRouter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Market data over REST, for any authenticated participant (no participant ids are shown):
 * <ul>
 *   <li>{@code GET /api/v1/market/instruments}</li>
 *   <li>{@code GET /api/v1/market/:instrument/book?levels=10} — phase, reference price, top of book, depth</li>
 *   <li>{@code GET /api/v1/market/:instrument/trades?limit=50} — newest first</li>
 *   <li>{@code GET /api/v1/market/:instrument/ohlc?intervalMs=60000&fromMs=..&toMs=..}</li>
 *   <li>{@code GET /api/v1/market/:instrument/auctions?limit=20} — newest first</li>
 * </ul>
 * An unknown instrument is 404 UNKNOWN_INSTRUMENT; a bad query parameter 400 BAD_QUERY.
 */
public final class MarketDataRoutes {

    private static final String JSON = "application/json";

    private MarketDataRoutes() {
    }

    public static void mount(SecureRouter routes, MarketDataView view) {
        Access any = Access.anyParticipant();
        routes.get("/api/v1/market/instruments", any, ctx -> json(ctx, new JsonObject()
                .put("instruments", new JsonArray(view.instruments()))));
        routes.get("/api/v1/market/:instrument/book", any, ctx -> instrument(ctx, view, id -> {
            BookDepth d = view.depth(id, (int) param(ctx, "levels", 10, 1, 1_000)).orElse(null);
            JsonObject body = new JsonObject().put("instrumentId", id);
            if (d != null) {
                body.put("phase", d.phase().name()).put("referencePriceMinor", d.referencePriceMinor())
                        .put("bestBid", level(d.bestBid())).put("bestAsk", level(d.bestAsk()))
                        .put("bids", levels(d.bids())).put("asks", levels(d.asks()));
            } else {
                body.put("bids", new JsonArray()).put("asks", new JsonArray());
            }
            return body;
        }));
        routes.get("/api/v1/market/:instrument/trades", any, ctx -> instrument(ctx, view, id -> {
            JsonArray out = new JsonArray();
            for (TradePrint t : view.trades(id, (int) param(ctx, "limit", 50, 1, 1_000))) {
                out.add(new JsonObject().put("tradeId", t.tradeId()).put("timeMs", t.timeMs())
                        .put("priceMinor", t.priceMinor()).put("quantity", t.quantity())
                        .put("aggressorSide", t.aggressorSide() == null ? null : t.aggressorSide().name())
                        .put("venue", t.venue().name()));
            }
            return new JsonObject().put("instrumentId", id).put("trades", out);
        }));
        routes.get("/api/v1/market/:instrument/ohlc", any, ctx -> instrument(ctx, view, id -> {
            long interval = param(ctx, "intervalMs", 60_000, 1_000, 31L * 86_400_000);
            long to = param(ctx, "toMs", Long.MAX_VALUE, 0, Long.MAX_VALUE);
            long from = param(ctx, "fromMs", 0, 0, Long.MAX_VALUE);
            if (interval % 1_000 != 0) {
                throw new IllegalArgumentException("intervalMs must be a multiple of 1000");
            }
            JsonArray out = new JsonArray();
            for (Bar b : view.ohlc(id, interval, from, to)) {
                out.add(new JsonObject().put("startMs", b.startMs()).put("open", b.open()).put("high", b.high())
                        .put("low", b.low()).put("close", b.close()).put("volume", b.volume())
                        .put("trades", b.trades()));
            }
            return new JsonObject().put("instrumentId", id).put("intervalMs", interval).put("bars", out);
        }));
        routes.get("/api/v1/market/:instrument/auctions", any, ctx -> instrument(ctx, view, id -> {
            JsonArray out = new JsonArray();
            for (AuctionPrint a : view.auctions(id, (int) param(ctx, "limit", 20, 1, 200))) {
                out.add(new JsonObject().put("auctionId", a.auctionId()).put("timeMs", a.timeMs())
                        .put("kind", a.kind().name()).put("clearingPriceMinor", a.clearingPriceMinor())
                        .put("referencePriceMinor", a.referencePriceMinor())
                        .put("executedQuantity", a.executedQuantity())
                        .put("imbalanceQuantity", a.imbalanceQuantity())
                        .put("imbalanceSide", a.imbalanceSide() == null ? null : a.imbalanceSide().name()));
            }
            return new JsonObject().put("instrumentId", id).put("auctions", out);
        }));
    }

    private interface Query {
        JsonObject answer(String instrumentId);
    }

    private static void instrument(RoutingContext ctx, MarketDataView view, Query query) {
        String id = ctx.pathParam("instrument");
        if (!view.knows(id)) {
            Problems.send(ctx, 404, "UNKNOWN_INSTRUMENT", "the exchange does not trade " + id);
            return;
        }
        try {
            json(ctx, query.answer(id));
        } catch (IllegalArgumentException e) {
            Problems.send(ctx, 400, "BAD_QUERY", e.getMessage());
        }
    }

    private static long param(RoutingContext ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParams().get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value);
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }

    private static JsonObject level(DepthLevel l) {
        return l == null ? null : new JsonObject().put("priceMinor", l.priceMinor()).put("quantity", l.quantity())
                .put("orders", l.orders());
    }

    private static JsonArray levels(List<DepthLevel> levels) {
        JsonArray out = new JsonArray();
        levels.forEach(l -> out.add(level(l)));
        return out;
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body.encode());
    }
}
