package io.carbonx.exchange.core.marketdata;

import io.carbonx.events.AuctionCleared;
import io.carbonx.events.TradeExecuted;
import io.carbonx.exchange.core.market.BookDepth;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.market.Markets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The market data read model, a fold of the exchange's topics that any process can build:
 * <ul>
 *   <li>{@code carbonx.orders} ({@link #applyOrderEvent}) drives a replica of the books ({@link Markets}: the same
 *       deterministic core as the matcher, outputs discarded), for top of book and depth aggregated by price
 *       level;</li>
 *   <li>{@code carbonx.trades} ({@link #applyTradeEvent}): trades (the latest {@code keepTrades} per instrument),
 *       OHLC bars (one per second with trades, combined into any interval that is a multiple of a second) and
 *       auction results (the latest {@code keepAuctions}).</li>
 * </ul>
 * Other records are ignored. Not thread-safe: the adapter serialises access.
 */
public final class MarketData {

    /** Bars are kept at this resolution; query intervals are multiples of it. */
    public static final long BASE_INTERVAL_MS = 1_000;

    private final Markets books;
    private final int keepTrades;
    private final int keepAuctions;
    private final Map<String, Deque<TradePrint>> trades = new TreeMap<>();
    private final Map<String, TreeMap<Long, Bar>> bars = new TreeMap<>();
    private final Map<String, Deque<AuctionPrint>> auctions = new TreeMap<>();

    /**
     * @param chainId      the chain (for the book replica)
     * @param definitions  the instruments (for the book replica)
     * @param keepTrades   trades kept per instrument (&ge; 1)
     * @param keepAuctions auction results kept per instrument (&ge; 1)
     */
    public MarketData(String chainId, Collection<MarketDefinition> definitions, int keepTrades, int keepAuctions) {
        if (keepTrades < 1 || keepAuctions < 1) {
            throw new IllegalArgumentException("keepTrades and keepAuctions must be >= 1");
        }
        this.books = new Markets(chainId, definitions);
        this.keepTrades = keepTrades;
        this.keepAuctions = keepAuctions;
    }

    /** Applies a record of {@code carbonx.orders}. */
    public void applyOrderEvent(SpecificRecord event) {
        books.apply(event);
    }

    /** Applies a record of {@code carbonx.trades}. */
    public void applyTradeEvent(SpecificRecord event) {
        if (event instanceof TradeExecuted t) {
            long time = t.getEnvelope().getLogicalTime();
            TradePrint print = new TradePrint(t.getTradeId(), time, t.getPriceMinor(), t.getQuantity(),
                    t.getAggressorSide(), t.getVenue());
            bounded(trades, t.getInstrumentId(), keepTrades).addFirst(print);
            long start = Math.floorDiv(time, BASE_INTERVAL_MS) * BASE_INTERVAL_MS;
            Bar bar = Bar.of(start, BASE_INTERVAL_MS, t.getPriceMinor(), t.getQuantity());
            bars.computeIfAbsent(t.getInstrumentId(), k -> new TreeMap<>()).merge(start, bar, Bar::merge);
        } else if (event instanceof AuctionCleared a) {
            bounded(auctions, a.getInstrumentId(), keepAuctions).addFirst(new AuctionPrint(a.getAuctionId(),
                    a.getEnvelope().getLogicalTime(), a.getKind(), a.getClearingPriceMinor(),
                    a.getReferencePriceMinor(), a.getExecutedQuantity(), a.getImbalanceQuantity(),
                    a.getImbalanceSide()));
        }
    }

    private static <T> Deque<T> bounded(Map<String, Deque<T>> map, String instrumentId, int keep) {
        Deque<T> deque = map.computeIfAbsent(instrumentId, k -> new ArrayDeque<>());
        if (deque.size() >= keep) {
            deque.removeLast();
        }
        return deque;
    }

    /** The configured instrument ids. */
    public List<String> instruments() {
        return List.copyOf(books.definitions().keySet());
    }

    /** True if the instrument is configured. */
    public boolean knows(String instrumentId) {
        return books.definitions().containsKey(instrumentId);
    }

    /** The latest trades, newest first, at most {@code limit}. */
    public List<TradePrint> trades(String instrumentId, int limit) {
        return first(trades.get(instrumentId), limit);
    }

    /** The latest auction results, newest first, at most {@code limit}. */
    public List<AuctionPrint> auctions(String instrumentId, int limit) {
        return first(auctions.get(instrumentId), limit);
    }

    private static <T> List<T> first(Deque<T> deque, int limit) {
        List<T> out = new ArrayList<>();
        if (deque != null) {
            Iterator<T> it = deque.iterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next());
            }
        }
        return out;
    }

    /** Book depth, up to {@code levels} levels per side; empty for energy instruments and books without input. */
    public Optional<BookDepth> depth(String instrumentId, int levels) {
        return books.depth(instrumentId, levels);
    }

    /**
     * OHLC bars of {@code intervalMs} over {@code [fromMs, toMs)}, oldest first; only intervals with trades.
     *
     * @throws IllegalArgumentException if the interval is not a positive multiple of {@link #BASE_INTERVAL_MS}
     */
    public List<Bar> ohlc(String instrumentId, long intervalMs, long fromMs, long toMs) {
        if (intervalMs <= 0 || intervalMs % BASE_INTERVAL_MS != 0) {
            throw new IllegalArgumentException("intervalMs must be a positive multiple of " + BASE_INTERVAL_MS);
        }
        List<Bar> out = new ArrayList<>();
        TreeMap<Long, Bar> base = bars.get(instrumentId);
        if (base == null || fromMs >= toMs) {
            return out;
        }
        Bar current = null;
        for (Bar b : base.subMap(fromMs, true, toMs, false).values()) {
            long start = Math.floorDiv(b.startMs(), intervalMs) * intervalMs;
            Bar scaled = new Bar(start, intervalMs, b.open(), b.high(), b.low(), b.close(), b.volume(), b.trades());
            if (current != null && current.startMs() == start) {
                current = current.merge(scaled);
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = scaled;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }
}
