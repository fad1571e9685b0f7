package io.carbonx.node.demo.check;

import io.carbonx.exchange.service.ExchangeConfig;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.replay.Comparison;
import io.carbonx.node.client.replay.StateReplay;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.rating.service.RatingServiceSettings;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.core.audit.LedgerAudit;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * The regulator's replay check ({@link StateReplay}, as {@code carbonx replay} runs it): the registry (ledger and
 * identities), the exchange (every instrument's book) and the credit rating rebuilt here from the committed log,
 * up to the position each live service reports on {@code /health}, with state hashes compared; and the registry's
 * own invariants ({@link LedgerAudit}) over a ledger folded here from the whole journal.
 */
public final class ReplayChecks {

    /** The checks' names. */
    public static final String REPLAY = "state hashes equal on replay";
    public static final String AUDIT = "registry invariants on the replayed ledger";

    private final TopicReader reader;
    private final NodeConfig config;

    /**
     * @param reader reads the services' input topics
     * @param config the node's configuration (topics, instruments, rating model)
     */
    public ReplayChecks(TopicReader reader, NodeConfig config) {
        this.reader = reader;
        this.config = config;
    }

    /**
     * Replays and compares.
     *
     * @param health the services' {@code /health} components by name
     * @return the check and every comparison
     */
    public Result replay(Function<String, JsonObject> health) {
        StateReplay replay = new StateReplay(reader);
        List<Comparison> all = new ArrayList<>();
        RegistryConfig registry = RegistryConfig.of(config.serviceConfig("registry"));
        all.addAll(replay.registry(registry.topics().journal(), registry.ledger(), health.apply("registry")));
        ExchangeConfig exchange = ExchangeConfig.of(config.serviceConfig("exchange"));
        all.addAll(replay.exchange(exchange.topics().orders(), exchange.chainId(), exchange.instruments(),
                health.apply("exchange")));
        all.addAll(replay.rating(RatingServiceSettings.from(config.serviceConfig("credit-rating"), config.nodeId()),
                health.apply("credit-rating")));
        return new Result(compare(all), all);
    }

    /** The check of {@code all}. */
    public static CheckResult compare(List<Comparison> all) {
        List<String> problems = new ArrayList<>();
        for (Comparison c : all) {
            if (!c.equal()) {
                problems.add(c.service() + " " + c.scope() + " at " + c.position() + ": live " + c.live()
                        + ", replayed " + c.replayed());
            }
        }
        if (all.isEmpty()) {
            problems.add("nothing was compared");
        }
        return CheckResult.of(REPLAY, problems, all.size() + " state hashes recomputed from the log equal the live"
                + " services' (registry ledger and identities, every instrument's book, the ratings)",
                problems.size() + " of " + all.size() + " state hashes differ");
    }

    /** The replay check and its comparisons. */
    public record Result(CheckResult check, List<Comparison> comparisons) {
    }

    /** Folds the whole journal into a fresh ledger and audits it. */
    public CheckResult audit() {
        RegistryConfig registry = RegistryConfig.of(config.serviceConfig("registry"));
        Ledger ledger = new Ledger(registry.ledger());
        TopicPartition tp = new TopicPartition(registry.topics().journal(), 0);
        long[] entries = {0};
        reader.read(tp, 0, reader.endOffset(tp), r -> {
            if (JournalCodec.decode(r.value()) instanceof JournalCodec.LedgerEntry l) {
                ledger.apply(l.event());
                entries[0]++;
            }
        });
        List<String> violations = LedgerAudit.violations(ledger.state());
        return CheckResult.of(AUDIT, violations, entries[0] + " ledger events folded from the journal: no negative"
                + " balance, cash and every quota conserved, every lock owned by one open order or pending trade,"
                + " account statuses consistent", violations.size() + " invariant(s) broken");
    }
}
