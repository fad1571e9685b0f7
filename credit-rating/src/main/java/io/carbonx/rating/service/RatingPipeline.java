package io.carbonx.rating.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.processing.LoopListener;
import io.carbonx.eventlog.processing.LoopStats;
import io.carbonx.eventlog.processing.ProcessorSettings;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.rating.api.RatingAccessPolicy;
import io.carbonx.rating.api.RatingApi;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.journal.JournalFold;
import io.carbonx.rating.journal.JournalRatingProcessor;
import io.carbonx.rating.journal.JournalRecordAdapter;
import io.carbonx.rating.journal.JournalReplayer;
import io.carbonx.rating.journal.PartitionStatus;
import io.carbonx.rating.readmodel.RatingQueries;
import io.carbonx.rating.readmodel.RatingReadModel;
import io.carbonx.rating.readmodel.RatingsFeed;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The rating service without Vert.x: the exactly-once loop folding the journal into ratings
 * ({@link JournalRatingProcessor}), and, if configured, a {@link RatingsFeed} keeping a {@link RatingReadModel} of the
 * ratings topic for the queries. {@link RatingService} runs one of these per node.
 */
public final class RatingPipeline implements AutoCloseable {

    private final RatingServiceSettings settings;
    private final JournalRatingProcessor processor;
    private final ExactlyOnceProcessor loop;
    private final RatingReadModel readModel = new RatingReadModel();
    private final RatingsFeed feed;
    private final RatingApi api;

    public RatingPipeline(KafkaClients clients, RatingServiceSettings settings) {
        this(clients, settings, LoopListener.NONE);
    }

    /** @param extra observes the loop too (metrics; crash injection in tests); called before the service's own */
    RatingPipeline(KafkaClients clients, RatingServiceSettings settings, LoopListener extra) {
        this.settings = Objects.requireNonNull(settings, "settings");
        EventCodec codec = EventCodec.standard();
        JournalRecordAdapter adapter = new JournalRecordAdapter(codec);
        JournalReplayer replayer = new JournalReplayer(clients, settings.groupId(),
                settings.transactionalId() + "-rebuild", settings.rebuildTimeout());
        this.processor = new JournalRatingProcessor(partition -> new JournalFold(
                new JournalFold.Settings(settings.inputTopic(), partition, settings.outputTopic(),
                        settings.deadLetterTopic(), settings.groupId(), settings.scorecard()), adapter, codec),
                replayer);
        ProcessorSettings loopSettings = ProcessorSettings.of(settings.groupId(), settings.transactionalId(),
                        List.of(settings.inputTopic()))
                .withTransactionBounds(settings.maxRecordsPerTransaction(), settings.transactionInterval())
                .withGroupInstanceId(settings.transactionalId());
        this.loop = new ExactlyOnceProcessor(clients, loopSettings, processor, both(extra, processor));
        this.feed = settings.readModel() ? new RatingsFeed(clients, settings.outputTopic(),
                settings.transactionalId() + "-readmodel", readModel) : null;
        this.api = new RatingApi(readModel, new RatingAccessPolicy(), settings.policy());
    }

    /** Starts the loop (and the read model feed); returns at once, the rebuild runs on the loop thread. */
    public RatingPipeline start() {
        loop.start();
        if (feed != null) {
            feed.start();
        }
        return this;
    }

    /** @return the status of every owned journal partition as of the last commit or rebuild */
    public List<PartitionStatus> status() {
        return processor.status();
    }

    /** @return the loop's lifecycle state */
    public ExactlyOnceProcessor.State loopState() {
        return loop.state();
    }

    /** @return the loop's counters */
    public LoopStats.Snapshot loopStats() {
        return loop.stats().snapshot();
    }

    /** @return the read model of the ratings topic (empty if {@code readModel} is off) */
    public RatingQueries queries() {
        return readModel;
    }

    /** @return the read model itself */
    public RatingReadModel readModel() {
        return readModel;
    }

    /** @return the REST handlers over this process's read model */
    public RatingApi api() {
        return api;
    }

    /** @return the grade effects in force */
    public RatingPolicy policy() {
        return settings.policy();
    }

    /** @return the settings */
    public RatingServiceSettings settings() {
        return settings;
    }

    /**
     * UP while the loop runs (and the feed, if any): details {@code assigned}, {@code lastProcessedOffset},
     * {@code participantsRated}, {@code stateHash} (for one journal partition; with several, the per-partition values
     * are under {@code partitions}), the loop counters and the read model's size. DOWN with the reason when the loop
     * or feed stopped; CATCHING_UP (same details plus {@code reason} and {@code catchUp}) while the loop's journal
     * backlog or the read model's replay of the ratings topic is not yet read.
     */
    public ComponentHealth health() {
        ExactlyOnceProcessor.State state = loop.state();
        if (state != ExactlyOnceProcessor.State.RUNNING) {
            return ComponentHealth.down("exactly-once loop " + state
                    + loop.failure().map(f -> ": " + f).orElse(""));
        }
        if (feed != null && !feed.isRunning()) {
            return ComponentHealth.down("ratings read model feed stopped");
        }
        Map<String, CatchUpProgress> readers = new TreeMap<>();
        readers.put("loop", loop.catchUp());
        if (feed != null) {
            readers.put("readModel", feed.progress());
        }
        JsonObject details = details();
        return ComponentHealth.catchingUp(details, readers).orElseGet(() -> ComponentHealth.up(details));
    }

    private JsonObject details() {
        List<PartitionStatus> partitions = processor.status();
        JsonObject d = new JsonObject().put("inputTopic", settings.inputTopic())
                .put("assigned", !partitions.isEmpty());
        JsonArray list = new JsonArray();
        long rated = 0;
        for (PartitionStatus p : partitions) {
            rated += p.participantsRated();
            list.add(new JsonObject().put("partition", p.partition())
                    .put("lastProcessedOffset", p.lastProcessedOffset())
                    .put("participantsRated", p.participantsRated())
                    .put("stateHash", p.stateHash())
                    .put("applied", p.counters().applied())
                    .put("ignored", p.counters().ignoredTotal())
                    .put("rejected", p.counters().rejected())
                    .put("broken", p.counters().broken())
                    .put("rebuiltRecords", p.rebuiltRecords()));
        }
        if (partitions.size() == 1) {
            d.put("lastProcessedOffset", partitions.get(0).lastProcessedOffset())
                    .put("stateHash", partitions.get(0).stateHash());
        }
        d.put("participantsRated", rated).put("partitions", list);
        LoopStats.Snapshot stats = loop.stats().snapshot();
        d.put("recordsIn", stats.recordsIn()).put("recordsOut", stats.recordsOut())
                .put("transactionsAborted", stats.transactionsAborted());
        if (feed != null) {
            d.put("readModel", new JsonObject().put("participants", readModel.participants())
                    .put("changes", readModel.changesApplied()).put("skipped", feed.skipped()));
        }
        return d;
    }

    /** Stops the loop (its open transaction is committed) and the feed; idempotent. */
    @Override
    public void close() {
        loop.close();
        if (feed != null) {
            feed.close();
        }
    }

    private static LoopListener both(LoopListener first, LoopListener second) {
        return new LoopListener() {
            @Override
            public void onPolled(int records) {
                first.onPolled(records);
                second.onPolled(records);
            }

            @Override
            public void beforeCommit(int recordsIn, int recordsOut) {
                first.beforeCommit(recordsIn, recordsOut);
                second.beforeCommit(recordsIn, recordsOut);
            }

            @Override
            public void afterCommit(int recordsIn, int recordsOut) {
                first.afterCommit(recordsIn, recordsOut);
                second.afterCommit(recordsIn, recordsOut);
            }

            @Override
            public void afterAbort(Throwable cause) {
                first.afterAbort(cause);
                second.afterAbort(cause);
            }
        };
    }
}
