package io.carbonx.loadgen;

import io.carbonx.chain.EventRange;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the pipeline's topics ({@code read_committed}, from their end at {@link #start}) and correlates what it
 * reads with the plan: OrderSubmitted ({@code carbonx.orders.submitted}, timed only), OrderAccepted / OrderRejected ({@code carbonx.orders}) and RequestRejected
 * ({@code carbonx.rejections}) by client order id, TradeExecuted ({@code carbonx.trades}) by order ids,
 * TradeSettled ({@code carbonx.settlement}) by trade id, BlockCommitted ({@code carbonx.chain.blocks}) by the
 * header's per-partition offset ranges. Feeds {@link Accounting} (every order) and {@link StageLatencies} (orders
 * from {@code measuredFrom} on, and their trades, settlements and events). One thread does all of it.
 */
public final class PipelineObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineObserver.class);
    private static final EventCodec CODEC = EventCodec.standard();
    private static final List<String> TOPICS = List.of(Topics.ORDERS_SUBMITTED, Topics.ORDERS, Topics.TRADES,
            Topics.SETTLEMENT,
            Topics.REJECTIONS, Topics.CHAIN_BLOCKS);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final OrderPlan plan;
    private final Accounting accounting;
    private final AtomicLongArray startNanos;
    private final StageLatencies latencies;
    private final Finalisation finalisation;
    private final Map<String, long[]> tradeSeen = new HashMap<>();
    private final Thread thread;
    private volatile int measuredFrom;
    private volatile boolean running = true;
    private volatile boolean drained;
    private volatile String status = "";
    private long undecodable;

    @Override
    public void close() {
        stop();
    }

    /**
     * @param clients     Kafka clients of the cluster
     * @param plan        the run's orders
     * @param accounting  outcomes
     * @param startNanos  per order: the time latencies count from
     * @param latencies   where latencies go
     */
    public PipelineObserver(KafkaClients clients, OrderPlan plan, Accounting accounting, AtomicLongArray startNanos,
                            StageLatencies latencies) {
        this.consumer = clients.newConsumer(clients.consumerConfig("carbonx-loadgen-" + System.nanoTime(),
                Map.of("fetch.max.wait.ms", "5", "max.poll.records", "5000")));
        this.plan = plan;
        this.accounting = accounting;
        this.startNanos = startNanos;
        this.latencies = latencies;
        this.finalisation = new Finalisation(latencies);
        this.measuredFrom = plan.size();
        this.thread = new Thread(this::loop, "loadgen-observer");
        thread.setDaemon(true);
    }

    /** Positions at the end of every topic, then follows them on its own thread. */
    public void start() {
        List<TopicPartition> parts = new ArrayList<>();
        for (String topic : TOPICS) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                parts.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        thread.start();
    }

    /** Orders from {@code index} on are measured (earlier ones are warm-up: accounted for, not timed). */
    public void measureFrom(int index) {
        measuredFrom = index;
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    handle(r, System.nanoTime());
                }
                drained = accounting.complete() && finalisation.pending() == 0;
                status = accounting.resolved() + "/" + accounting.orders() + " orders resolved, " + tradeSeen.size()
                        + " trades awaiting settlement, " + finalisation.pending() + " events awaiting a block";
            }
        } catch (RuntimeException e) {
            LOG.error("observer failed", e);
            status = "observer failed: " + e;
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r, long now) {
        SpecificRecord event;
        try {
            event = CODEC.decode(r.value());
        } catch (RuntimeException e) {
            undecodable++;
            return;
        }
        if (event instanceof OrderSubmitted o) {
            int i = plan.indexOfClientOrderId(o.getClientOrderId());
            if (i >= measuredFrom) {
                latencies.record(Stage.ORDER_TO_SUBMITTED, (now - startNanos.get(i)) / 1_000);
            }
        } else if (event instanceof OrderAccepted a) {
            int i = plan.indexOfClientOrderId(a.getClientOrderId());
            if (i >= 0) {
                accounting.accepted(i);
                timed(Stage.ORDER_TO_ACCEPTED, i, now, r);
            }
        } else if (event instanceof OrderRejected o) {
            int i = plan.indexOfClientOrderId(o.getClientOrderId());
            if (i >= 0) {
                accounting.rejected(i);
            }
        } else if (event instanceof RequestRejected rr) {
            int i = plan.indexOfClientOrderId(rr.getClientRequestId());
            if (i >= 0) {
                accounting.refused(i);
            }
        } else if (event instanceof TradeExecuted t) {
            trade(t, now, r);
        } else if (event instanceof TradeSettled s) {
            long[] seen = tradeSeen.remove(s.getTradeId());
            if (accounting.tradeSettled(s.getTradeId()) && seen != null && seen[1] == 1) {
                latencies.record(Stage.TRADE_TO_SETTLED, (now - seen[0]) / 1_000);
                finalisation.track(r.topic(), r.partition(), r.offset(), r.timestamp());
            }
        } else if (event instanceof BlockCommitted b) {
            long nowMs = System.currentTimeMillis();
            for (EventRange range : b.getHeader().getRanges()) {
                finalisation.anchored(range.getTopic(), range.getPartition(), range.getToOffsetExclusive(), nowMs);
            }
        }
    }

    private void trade(TradeExecuted t, long now, ConsumerRecord<byte[], byte[]> r) {
        int buy = plan.indexOfOrderId(t.getBuyOrderId());
        int sell = plan.indexOfOrderId(t.getSellOrderId());
        if (buy < 0 && sell < 0) {
            return;
        }
        boolean first = !accounting.knowsTrade(t.getTradeId());
        accounting.tradeExecuted(t.getTradeId());
        if (!first) {
            return;
        }
        int aggressor = t.getAggressorSide() == Side.SELL ? sell : t.getAggressorSide() == Side.BUY ? buy
                : Math.max(buy, sell);
        aggressor = aggressor < 0 ? Math.max(buy, sell) : aggressor;
        boolean measured = aggressor >= measuredFrom;
        tradeSeen.put(t.getTradeId(), new long[] {now, measured ? 1 : 0});
        if (measured) {
            latencies.record(Stage.ORDER_TO_TRADE, (now - startNanos.get(aggressor)) / 1_000);
            finalisation.track(r.topic(), r.partition(), r.offset(), r.timestamp());
        }
    }

    private void timed(Stage stage, int i, long now, ConsumerRecord<byte[], byte[]> r) {
        if (i >= measuredFrom) {
            latencies.record(stage, (now - startNanos.get(i)) / 1_000);
            finalisation.track(r.topic(), r.partition(), r.offset(), r.timestamp());
        }
    }

    /** True when every order has an outcome, every trade is settled and every timed event is in a block. */
    public boolean drained() {
        return drained;
    }

    /** What is still awaited. */
    public String status() {
        return status;
    }

    /** Events seen in a committed block. */
    public long finalisedEvents() {
        return finalisation.finalised();
    }

    /** Records that did not decode as events (should be 0). */
    public long undecodable() {
        return undecodable;
    }

    /** Stops following (waits for the thread); idempotent. */
    public void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
