package io.carbonx.exchange.matcher;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.processing.LoopListener;
import io.carbonx.eventlog.processing.ProcessorSettings;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.service.ExchangeTopics;
import java.time.Duration;
import java.util.List;

/**
 * A running matcher: {@link OrdersProcessor} inside an {@link ExactlyOnceProcessor} consuming
 * {@code carbonx.orders} in the consumer group {@code groupId}, with transactional id {@code transactionalId}
 * (stable per instance: a restart fences the previous incarnation). The same id is the static group membership
 * ({@code group.instance.id}): a matcher restarted after a crash takes its partitions back as soon as it joins,
 * instead of waiting for the broker to expire the dead member's session; two live instances therefore need distinct
 * ids. The status is republished after every commit and every rebuild.
 */
public final class Matcher implements AutoCloseable {

    private final ExactlyOnceProcessor loop;
    private final OrdersProcessor processor;
    private final PartitionReplayer replayer;

    private Matcher(ExactlyOnceProcessor loop, OrdersProcessor processor, PartitionReplayer replayer) {
        this.loop = loop;
        this.processor = processor;
        this.replayer = replayer;
    }

    /**
     * Starts the loop thread.
     *
     * @param clients               the cluster's client factory
     * @param chainId               the chain agreement terms must be bound to
     * @param definitions           the instruments
     * @param topics                topic names
     * @param groupId               the exchange's consumer group
     * @param transactionalId       this instance's transactional id
     * @param transactionInterval   longest open transaction
     * @param checkpointEvery       input records per partition between state-hash checkpoints
     * @param replayTimeout         longest rebuild of one partition before the loop retries
     */
    public static Matcher start(KafkaClients clients, String chainId, List<MarketDefinition> definitions,
                                ExchangeTopics topics,
                                String groupId, String transactionalId, Duration transactionInterval,
                                int checkpointEvery, Duration replayTimeout) {
        PartitionReplayer replayer = new PartitionReplayer(clients, groupId, transactionalId + "-replay",
                replayTimeout);
        OrdersProcessor processor = new OrdersProcessor(chainId, definitions, topics, replayer, groupId,
                checkpointEvery);
        ProcessorSettings settings = loopSettings(topics, groupId, transactionalId, transactionInterval);
        LoopListener listener = new LoopListener() {
            @Override
            public void afterCommit(int recordsIn, int recordsOut) {
                processor.publishStatus();
            }
        };
        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, settings, processor, listener);
        Matcher matcher = new Matcher(loop, processor, replayer);
        loop.start();
        return matcher;
    }

    /**
     * The loop's settings: the orders topic, transactions of at most 2,000 records or {@code transactionInterval},
     * and static group membership under the transactional id (a restarted instance takes its partitions back at
     * once).
     */
    static ProcessorSettings loopSettings(ExchangeTopics topics, String groupId, String transactionalId,
                                          Duration transactionInterval) {
        return ProcessorSettings.of(groupId, transactionalId, List.of(topics.orders()))
                .withTransactionBounds(2_000, transactionInterval)
                .withGroupInstanceId(transactionalId);
    }

    /** The status published by the loop thread. */
    public MatcherStatus status() {
        return processor.status();
    }

    /** The loop's lifecycle state. */
    public ExactlyOnceProcessor.State state() {
        return loop.state();
    }

    /** How far the loop is in consuming the orders backlog found at its first assignment (readiness). */
    public CatchUpProgress catchUp() {
        return loop.catchUp();
    }

    /** Stops the loop (committing what was processed) and closes the replay consumer. */
    @Override
    public void close() {
        loop.close();
        replayer.close();
    }
}
