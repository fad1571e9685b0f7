package io.carbonx.exchange.service;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.matcher.Matcher;
import io.carbonx.exchange.matcher.MatcherStatus;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exchange's running components on one node; {@link #close()} stops them in reverse order. */
public final class ExchangeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRuntime.class);

    private final Vertx vertx;
    private final ExchangeConfig config;
    private final Matcher matcher;
    private final KafkaProducer<byte[], byte[]> clockProducer;
    private final KafkaClientTracker.Registration clockMetrics;
    private final long timerId;

    private ExchangeRuntime(Vertx vertx, ExchangeConfig config, Matcher matcher,
                            KafkaProducer<byte[], byte[]> clockProducer, KafkaClientTracker.Registration clockMetrics,
                            long timerId) {
        this.vertx = vertx;
        this.config = config;
        this.matcher = matcher;
        this.clockProducer = clockProducer;
        this.clockMetrics = clockMetrics;
        this.timerId = timerId;
    }

    /** Starts the matcher and, if configured, its clock. */
    public static ExchangeRuntime start(Vertx vertx, ExchangeConfig config, KafkaClients clients, String nodeId,
                                        KafkaClientTracker tracker) {
        List<MarketDefinition> instruments = config.instruments();
        ExchangeTopics topics = config.topics();
        Matcher matcher = Matcher.start(clients, instruments, topics, config.groupId(), "exchange-" + nodeId,
                Duration.ofMillis(config.transactionIntervalMs()), config.checkpointEvery(),
                Duration.ofMillis(config.replayTimeoutMs()));
        KafkaProducer<byte[], byte[]> producer = null;
        KafkaClientTracker.Registration metrics = () -> { };
        long timer = -1;
        if (config.clockTickMs() > 0) {
            producer = clients.newProducer(clients.producerConfig("exchange-clock-" + nodeId));
            metrics = tracker.track(producer, "exchange");
            ClockTicker ticker = new ClockTicker(producer, topics.orders(),
                    instruments.stream().map(MarketDefinition::instrumentId).toList(), matcher.status(),
                    System::currentTimeMillis, "exchange-clock/" + nodeId);
            timer = vertx.setPeriodic(config.clockTickMs(), id -> vertx.executeBlocking(() -> ticker.tick(), true)
                    .onFailure(e -> LOG.warn("clock tick failed: {}", e.toString())));
        }
        return new ExchangeRuntime(vertx, config, matcher, producer, metrics, timer);
    }

    public ExchangeConfig config() {
        return config;
    }

    public MatcherStatus matcherStatus() {
        return matcher.status();
    }

    public ExactlyOnceProcessor.State matcherState() {
        return matcher.state();
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (clockProducer != null) {
            clockMetrics.close();
            clockProducer.close(Duration.ofSeconds(5));
        }
        matcher.close();
    }
}
