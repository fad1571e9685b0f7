package io.carbonx.exchange.marketdata;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.exchange.core.market.BookDepth;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.marketdata.AuctionPrint;
import io.carbonx.exchange.core.marketdata.Bar;
import io.carbonx.exchange.core.marketdata.MarketData;
import io.carbonx.exchange.core.marketdata.TradePrint;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.registry.log.LogFollower;
import io.carbonx.schemas.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The market data read model of one process: {@link MarketData} fed by two followers (of {@code carbonx.orders}
 * and {@code carbonx.trades}, from the beginning, {@code read_committed}), queried from any thread. Every method
 * is synchronized on the model; queries are short.
 */
public final class MarketDataView implements AutoCloseable {

    private static final EventCodec CODEC = EventCodec.standard();

    private final MarketData data;
    private LogFollower orders;
    private LogFollower trades;

    public MarketDataView(String chainId, List<MarketDefinition> instruments) {
        this.data = new MarketData(chainId, instruments, 1_000, 200);
    }

    /** Starts following the topics; returns once both followers are positioned. */
    public MarketDataView follow(KafkaClients clients, ExchangeTopics topics, String nodeId,
                                 KafkaClientTracker tracker) {
        orders = new LogFollower(clients, "exchange-md-orders-" + nodeId, topics.orders(), false,
                sink(this::applyOrderEvent), tracker).start(Duration.ofSeconds(60));
        trades = new LogFollower(clients, "exchange-md-trades-" + nodeId, topics.trades(), false,
                sink(this::applyTradeEvent), tracker).start(Duration.ofSeconds(60));
        return this;
    }

    private static Consumer<ConsumerRecord<byte[], byte[]>> sink(Consumer<SpecificRecord> apply) {
        return r -> apply.accept(CODEC.decode(r.value()));
    }

    public synchronized void applyOrderEvent(SpecificRecord event) {
        data.applyOrderEvent(event);
    }

    public synchronized void applyTradeEvent(SpecificRecord event) {
        data.applyTradeEvent(event);
    }

    /** True once both followers read up to the topics' end offsets observed when they were positioned. */
    public boolean isCaughtUp() {
        return orders != null && orders.isCaughtUp() && trades.isCaughtUp();
    }

    /** Replay progress of the two followers by name ({@code orders}, {@code trades}); empty before {@link #follow}. */
    public Map<String, CatchUpProgress> catchUp() {
        if (orders == null) {
            return Map.of();
        }
        return Map.of("orders", orders.progress(), "trades", trades.progress());
    }

    public synchronized List<String> instruments() {
        return data.instruments();
    }

    public synchronized boolean knows(String instrumentId) {
        return data.knows(instrumentId);
    }

    public synchronized List<TradePrint> trades(String instrumentId, int limit) {
        return data.trades(instrumentId, limit);
    }

    public synchronized List<AuctionPrint> auctions(String instrumentId, int limit) {
        return data.auctions(instrumentId, limit);
    }

    public synchronized Optional<BookDepth> depth(String instrumentId, int levels) {
        return data.depth(instrumentId, levels);
    }

    public synchronized List<Bar> ohlc(String instrumentId, long intervalMs, long fromMs, long toMs) {
        return data.ohlc(instrumentId, intervalMs, fromMs, toMs);
    }

    @Override
    public void close() {
        if (orders != null) {
            orders.close();
        }
        if (trades != null) {
            trades.close();
        }
    }
}
