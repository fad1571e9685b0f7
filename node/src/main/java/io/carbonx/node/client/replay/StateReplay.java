package io.carbonx.node.client.replay;

import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.market.Markets;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.TopicReader;
import io.carbonx.rating.journal.JournalFold;
import io.carbonx.rating.journal.JournalRecordAdapter;
import io.carbonx.rating.service.RatingServiceSettings;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.identity.IdentityRegistry;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * The regulator's replay check, done outside the node: each service's state is rebuilt here, in fresh objects of
 * the services' own deterministic cores, from the committed records of its input topic, up to exactly the position
 * the live service reports on {@code /health} together with its state hash; the hashes are then compared. Because
 * the position and the hash come from one status snapshot, the comparison is exact even while the service keeps
 * running.
 * <ul>
 *   <li>registry: the first {@code journalEntries} records of the journal folded into a {@link Ledger} and an
 *       {@link IdentityRegistry} → {@code ledgerHash}, {@code identityHash};</li>
 *   <li>exchange: per owned partition of {@code carbonx.orders}, its records below {@code nextOffset} applied to
 *       {@link Markets} (undecodable or failing records skipped, as the matcher dead-letters them) → the state hash
 *       of every instrument with input;</li>
 *   <li>credit-rating: per journal partition, its records up to {@code lastProcessedOffset} folded by a
 *       {@link JournalFold} → {@code stateHash}.</li>
 * </ul>
 */
public final class StateReplay {

    private static final EventCodec CODEC = EventCodec.standard();

    private final TopicReader reader;

    /** @param reader reads the services' input topics */
    public StateReplay(TopicReader reader) {
        this.reader = reader;
    }

    /**
     * @param journal the registry journal topic
     * @param config  the ledger configuration the registry runs with
     * @param health  the registry's {@code /health} component
     */
    public List<Comparison> registry(String journal, LedgerConfig config, JsonObject health) {
        long entries = number(health, "journalEntries", "registry");
        Ledger ledger = new Ledger(config);
        IdentityRegistry identities = new IdentityRegistry();
        TopicPartition tp = new TopicPartition(journal, 0);
        long[] applied = {0};
        reader.read(tp, 0, reader.endOffset(tp), r -> {
            if (applied[0] >= entries) {
                return;
            }
            JournalCodec.Entry entry;
            try {
                entry = JournalCodec.decode(r.value());
            } catch (RuntimeException e) {
                throw ClientException.of(ClientException.Kind.FAILURE, "journal " + journal + " record at offset "
                        + r.offset() + " does not decode: " + e.getMessage(), e);
            }
            if (entry instanceof JournalCodec.LedgerEntry l) {
                ledger.apply(l.event());
            } else {
                identities.apply(((JournalCodec.IdentityEntry) entry).identity());
            }
            applied[0]++;
        });
        String position = entries + " journal entries";
        if (applied[0] < entries) {
            throw ClientException.of(ClientException.Kind.FAILURE, "the registry reports " + entries
                    + " journal entries but " + journal + " holds only " + applied[0] + " committed records");
        }
        return List.of(new Comparison("registry", "ledger", position, health.getString("ledgerHash"),
                        ledger.stateHash()),
                new Comparison("registry", "identities", position, health.getString("identityHash"),
                        identities.stateHash()));
    }

    /**
     * @param orders      the exchange's orders topic
     * @param chainId     the exchange's chain id
     * @param definitions the instruments it trades
     * @param health      the exchange's {@code /health} component
     */
    public List<Comparison> exchange(String orders, String chainId, List<MarketDefinition> definitions,
                                     JsonObject health) {
        List<Comparison> out = new ArrayList<>();
        JsonArray partitions = health.getJsonArray("partitions", new JsonArray());
        for (int i = 0; i < partitions.size(); i++) {
            JsonObject p = partitions.getJsonObject(i);
            int partition = (int) number(p, "partition", "exchange");
            long next = number(p, "nextOffset", "exchange");
            Markets markets = new Markets(chainId, definitions);
            reader.read(new TopicPartition(orders, partition), 0, next, r -> {
                try {
                    markets.apply(CODEC.decode(r.value()));
                } catch (RuntimeException deadLetter) {
                    // the matcher dead-letters such a record and goes on; so does the replay
                }
            });
            SortedMap<String, String> replayed = markets.stateHashes();
            JsonObject live = p.getJsonObject("stateHashes", new JsonObject());
            TreeSet<String> instruments = new TreeSet<>(replayed.keySet());
            instruments.addAll(live.fieldNames());
            String position = "partition " + partition + " below offset " + next;
            for (String id : instruments) {
                out.add(new Comparison("exchange", id, position, live.getString(id), replayed.get(id)));
            }
        }
        return out;
    }

    /**
     * @param settings the rating service's settings
     * @param health   its {@code /health} component
     */
    public List<Comparison> rating(RatingServiceSettings settings, JsonObject health) {
        List<Comparison> out = new ArrayList<>();
        JsonArray partitions = health.getJsonArray("partitions", new JsonArray());
        JournalRecordAdapter adapter = new JournalRecordAdapter(CODEC);
        for (int i = 0; i < partitions.size(); i++) {
            JsonObject p = partitions.getJsonObject(i);
            int partition = (int) number(p, "partition", "credit-rating");
            long last = number(p, "lastProcessedOffset", "credit-rating");
            JournalFold fold = new JournalFold(new JournalFold.Settings(settings.inputTopic(), partition,
                    settings.outputTopic(), settings.deadLetterTopic(), settings.groupId(), settings.scorecard()),
                    adapter, CODEC);
            reader.read(new TopicPartition(settings.inputTopic(), partition), 0, last + 1,
                    r -> fold.apply(r.offset(), r.key(), r.value(), false));
            out.add(new Comparison("credit-rating", "partition " + partition, "journal partition " + partition
                    + " up to offset " + last, p.getString("stateHash"), fold.stateHash()));
        }
        return out;
    }

    private static long number(JsonObject o, String key, String service) {
        Object v = o.getValue(key);
        if (!(v instanceof Number n)) {
            throw ClientException.of(ClientException.Kind.FAILURE, "the " + service + " health report has no " + key
                    + " (" + o.encode() + ")");
        }
        return n.longValue();
    }
}
