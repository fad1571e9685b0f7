package io.carbonx.exchange.service;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.gateway.OrderGateway;
import io.carbonx.exchange.gateway.VenueGateway;
import io.carbonx.exchange.marketdata.MarketDataView;
import io.carbonx.exchange.matcher.Matcher;
import io.carbonx.exchange.matcher.MatcherStatus;
import io.carbonx.registry.log.LogFollower;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's running components on one node: the matcher (if {@code matcher}) with its clock (if also
 * {@code clockTickMs > 0}), the order-entry gateway with the follower of its state topic (if {@code gateway}), the
 * market data read model (if {@code marketData}). {@link #close()} stops them in reverse order. Starting blocks
 * (followers position themselves): call it off the event loop.
 */
public final class ExchangeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRuntime.class);
    private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final ExchangeConfig config;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Long> timers = new ArrayList<>();
    private Matcher matcher;
    private OrderGateway gateway;
    private VenueGateway venues;
    private LogFollower gatewayFollower;
    private MarketDataView marketData;

    private ExchangeRuntime(Vertx vertx, ExchangeConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Starts every configured component; on failure stops what started and rethrows. */
    public static ExchangeRuntime start(Vertx vertx, ExchangeConfig config, KafkaClients clients, String nodeId,
                                        KafkaClientTracker tracker) {
        ExchangeRuntime r = new ExchangeRuntime(vertx, config);
        try {
            r.startAll(clients, nodeId, tracker);
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void startAll(KafkaClients clients, String nodeId, KafkaClientTracker tracker) {
        List<MarketDefinition> instruments = config.instruments();
        ExchangeTopics topics = config.topics();
        if (config.matcher()) {
            startMatcher(clients, nodeId, tracker, instruments, topics);
        }
        if (config.gateway()) {
            startGateway(clients, nodeId, tracker, instruments, topics);
        }
        if (config.marketData()) {
            marketData = new MarketDataView(config.chainId(), instruments);
            closeables.add(marketData);
            marketData.follow(clients, topics, nodeId, tracker);
        }
    }

    private void startMatcher(KafkaClients clients, String nodeId, KafkaClientTracker tracker,
                              List<MarketDefinition> instruments, ExchangeTopics topics) {
        matcher = Matcher.start(clients, config.chainId(), instruments, topics, config.groupId(), "exchange-" + nodeId,
                Duration.ofMillis(config.transactionIntervalMs()), config.checkpointEvery(),
                Duration.ofMillis(config.replayTimeoutMs()));
        closeables.add(matcher);
        if (config.clockTickMs() > 0) {
            KafkaProducer<byte[], byte[]> producer = producer(clients, "exchange-clock-" + nodeId, tracker);
            ClockTicker ticker = new ClockTicker(producer, topics.orders(),
                    instruments.stream().map(MarketDefinition::instrumentId).toList(), matcher.status(),
                    System::currentTimeMillis, "exchange-clock/" + nodeId);
            timers.add(vertx.setPeriodic(config.clockTickMs(), id -> vertx.executeBlocking(ticker::tick, true)
                    .onFailure(e -> LOG.warn("clock tick failed: {}", e.toString()))));
        }
    }

    private void startGateway(KafkaClients clients, String nodeId, KafkaClientTracker tracker,
                              List<MarketDefinition> instruments, ExchangeTopics topics) {
        KafkaProducer<byte[], byte[]> producer = producer(clients, "exchange-gateway-" + nodeId, tracker);
        gateway = new OrderGateway(new OrderEntry(config.chainId(), instruments), producer, topics,
                Clock.systemUTC(), config.gatewayLanes());
        closeables.add(gateway);
        venues = new VenueGateway(config.chainId(), instruments, producer, topics, Clock.systemUTC());
        closeables.add(venues);
        EventCodec codec = EventCodec.standard();
        gatewayFollower = new LogFollower(clients, "exchange-gateway-state-" + nodeId, topics.submitted(), false,
                r -> gateway.apply(codec.decode(r.value())), tracker).start(FOLLOW_TIMEOUT);
        closeables.add(gatewayFollower);
        timers.add(vertx.setPeriodic(50, id -> {
            if (gatewayFollower.isCaughtUp()) {
                gateway.markReady();
                vertx.cancelTimer(id);
            }
        }));
    }

    private KafkaProducer<byte[], byte[]> producer(KafkaClients clients, String clientId,
                                                   KafkaClientTracker tracker) {
        KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig(clientId));
        KafkaClientTracker.Registration metrics = tracker.track(producer, "exchange");
        closeables.add(() -> {
            metrics.close();
            producer.close(Duration.ofSeconds(5));
        });
        return producer;
    }

    public ExchangeConfig config() {
        return config;
    }

    /** The matcher's status, or null if this node runs no matcher. */
    public MatcherStatus matcherStatus() {
        return matcher == null ? null : matcher.status();
    }

    /** The matcher loop's state, or null if this node runs no matcher. */
    public ExactlyOnceProcessor.State matcherState() {
        return matcher == null ? null : matcher.state();
    }

    /** The order-entry gateway, or null if disabled. */
    public OrderGateway gateway() {
        return gateway;
    }

    /** The agreement and primary-auction entry, or null if the gateway is disabled. */
    public VenueGateway venues() {
        return venues;
    }

    /**
     * Replay progress of every reader this node runs, by name: {@code matcher} (the loop's orders backlog),
     * {@code gateway} (the follower of the submitted-orders topic), {@code marketData.orders} and
     * {@code marketData.trades}; a disabled component has no entry.
     */
    public Map<String, CatchUpProgress> catchUp() {
        Map<String, CatchUpProgress> readers = new TreeMap<>();
        if (matcher != null) {
            readers.put("matcher", matcher.catchUp());
        }
        if (gatewayFollower != null) {
            readers.put("gateway", gatewayFollower.progress());
        }
        if (marketData != null) {
            marketData.catchUp().forEach((name, progress) -> readers.put("marketData." + name, progress));
        }
        return readers;
    }

    /** The market data read model, or null if disabled. */
    public MarketDataView marketData() {
        return marketData;
    }

    @Override
    public void close() {
        timers.forEach(vertx::cancelTimer);
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", closeables.get(i), e.toString());
            }
        }
        closeables.clear();
    }
}
