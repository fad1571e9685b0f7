package io.carbonx.node.it.multi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.node.client.Report;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.chain.AnchoredEvents;
import io.carbonx.node.client.chain.BlockLog;
import io.carbonx.node.client.chain.ChainVerifier;
import io.carbonx.node.client.chain.ValidatorCertificates;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.audit.LedgerAudit;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.common.TopicPartition;

/**
 * The end-of-test checks that look at state rather than at orders: cash and allowances conserved (the registry's
 * live accounts against what was deposited and allocated, and every ledger invariant of {@link LedgerAudit} on the
 * ledger refolded from the journal), the chain verified end to end ({@link ChainVerifier}, {@link AnchoredEvents})
 * and covering every record the business topics held when the load had drained.
 */
final class StateChecks {

    private StateChecks() {
    }

    /**
     * Sums every account's cash (available + locked) and every instrument's allowances (available + locked).
     *
     * @return the discrepancies (empty when conserved), then one summary line last
     */
    static List<String> conservation(Market market) {
        List<String> problems = new ArrayList<>();
        long cash = 0;
        int pending = 0;
        Map<String, Long> units = new TreeMap<>();
        for (JsonObject a : market.accounts()) {
            cash = Math.addExact(cash, Math.addExact(a.getLong("cashMinor"), a.getLong("lockedCashMinor")));
            pending += a.getJsonArray("pendingTradeIds").size();
            if (a.getLong("debtMinor") != 0) {
                problems.add("account " + a.getString("participantId") + " has debt " + a.getLong("debtMinor"));
            }
            for (Object o : market.holdings(a.getString("participantId")).getJsonArray("items")) {
                JsonObject h = (JsonObject) o;
                units.merge(h.getString("instrumentId"), h.getLong("available") + h.getLong("locked"), Long::sum);
            }
        }
        if (cash != market.depositedMinor()) {
            problems.add("cash: accounts hold " + cash + " (available + locked), " + market.depositedMinor()
                    + " was deposited");
        }
        long allocated = market.allocatedPerInstrument() * market.traders().size();
        for (String instrument : Market.INSTRUMENTS) {
            if (units.getOrDefault(instrument, 0L) != allocated) {
                problems.add(instrument + ": accounts hold " + units.getOrDefault(instrument, 0L) + ", " + allocated
                        + " was allocated");
            }
        }
        if (pending != 0) {
            problems.add(pending + " trades still pending settlement");
        }
        problems.add("conservation: cash " + cash + " = deposited " + market.depositedMinor() + "; allowances "
                + units + " = allocated " + allocated + " each");
        return problems;
    }

    /** Trades the registry still holds for settlement, over all accounts. */
    static int pendingTrades(Market market) {
        return market.accounts().stream().mapToInt(a -> a.getJsonArray("pendingTradeIds").size()).sum();
    }

    /** Refolds the registry journal into a fresh ledger and lists every broken invariant. */
    static List<String> ledgerInvariants(TopicReader reader, String journal, LedgerConfig config) {
        Ledger ledger = new Ledger(config);
        TopicPartition tp = new TopicPartition(journal, 0);
        reader.read(tp, 0, reader.endOffset(tp), r -> {
            if (JournalCodec.decode(r.value()) instanceof JournalCodec.LedgerEntry l) {
                ledger.apply(l.event());
            }
        });
        return LedgerAudit.violations(ledger.state());
    }

    /**
     * Verifies the committed chain end to end and that it anchors every record of the anchored topics below
     * {@code drained} (end offsets taken once the load had drained).
     *
     * @return the report (valid or not), plus the head's height and events
     */
    static ChainVerifier.Result chain(TopicReader reader, Consortium consortium, Map<TopicPartition, Long> drained) {
        BlockLog log = BlockLog.read(reader, Topics.CHAIN_BLOCKS);
        ChainVerifier.Result result = new ChainVerifier(Consortium.CHAIN, consortium.trust(),
                ValidatorCertificates.load(consortium.validatorCertificates()), Cluster.VALIDATORS)
                .verify(log.blocks());
        Report report = result.report();
        if (log.undecodable() > 0) {
            report.fail("blocks topic", log.undecodable() + " undecodable records");
        }
        new AnchoredEvents(reader).check(result.headers(), report);
        List<String> short_ = uncovered(reader, result.headers().values(), drained);
        report.check(short_.isEmpty(), "coverage", "every record of " + drained.size() + " anchored partitions"
                + " written before the load drained is in a block", String.join("; ", short_));
        return result;
    }

    /** The partitions whose last record below the drained end offset lies beyond the chain's last range. */
    static List<String> uncovered(TopicReader reader, Collection<BlockHeader> headers,
                                  Map<TopicPartition, Long> drained) {
        Map<String, Long> anchoredTo = new TreeMap<>();
        for (BlockHeader h : headers) {
            for (PartitionRange r : h.ranges()) {
                anchoredTo.merge(r.topicPartition().topic() + "-" + r.topicPartition().partition(),
                        r.toOffsetExclusive(), Math::max);
            }
        }
        List<String> out = new ArrayList<>();
        drained.forEach((tp, end) -> {
            long[] last = {-1};
            reader.read(tp, 0, end, r -> last[0] = r.offset());
            long to = anchoredTo.getOrDefault(tp.topic() + "-" + tp.partition(), 0L);
            if (last[0] >= to) {
                out.add(tp + ": record " + last[0] + " not anchored (chain reaches " + to + ")");
            }
        });
        return out;
    }

    /** The headers of the blocks published so far (not verified: for waiting only). */
    static List<BlockHeader> publishedHeaders(TopicReader reader) {
        List<BlockHeader> out = new ArrayList<>();
        BlockLog.read(reader, Topics.CHAIN_BLOCKS).blocks().forEach(b -> out.add(BlockHeader.fromAvro(b.getHeader())));
        return out;
    }

    /** The end offsets now of every partition of the anchored topics. */
    static Map<TopicPartition, Long> anchoredEnds(TopicReader reader) {
        Map<TopicPartition, Long> out = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        for (TopicSpec spec : Topics.anchored()) {
            for (TopicPartition tp : reader.partitions(spec.name())) {
                out.put(tp, reader.endOffset(tp));
            }
        }
        return out;
    }
}
