package io.carbonx.chain.evidence.live;

import io.carbonx.chain.evidence.EventFacts;
import io.carbonx.chain.evidence.EvidenceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The index keys of a decoded event: which subjects it is evidence about, with the same meaning as
 * {@link EventFacts#mentions}: a trade by its {@code tradeId} field; an order by {@code orderId},
 * {@code buyOrderId} or {@code sellOrderId}; a default by {@code defaultId}; a penalty by {@code penaltyId}; and a
 * participant by every string anywhere in the event (envelope included) that has the registry's participant-id
 * form {@code p-} and 20 lower-case hex digits ({@code KeyPolicy.participantId}). Only strings of that form are
 * indexed as participants, so a participant subject must be a registry participant id.
 *
 * <p>A key is {@code <kind word>:<id>}, e.g. {@code trade:T-1}, {@code participant:p-0123456789abcdef0123}.
 */
public final class EventKeys {

    /** The registry's participant-id form. */
    public static final Pattern PARTICIPANT_ID = Pattern.compile("p-[0-9a-f]{20}");

    private EventKeys() {
    }

    /** The key of a subject of {@code kind} with id {@code id}. */
    public static String key(EvidenceKind kind, String id) {
        return kind.word() + ":" + id;
    }

    /** The keys of {@code event}, sorted, without duplicates. */
    public static List<String> of(SpecificRecord event) {
        TreeSet<String> keys = new TreeSet<>();
        add(keys, EvidenceKind.TRADE, EventFacts.string(event, "tradeId"));
        for (String field : new String[] {"orderId", "buyOrderId", "sellOrderId"}) {
            add(keys, EvidenceKind.ORDER, EventFacts.string(event, field));
        }
        add(keys, EvidenceKind.DEFAULT, EventFacts.string(event, "defaultId"));
        add(keys, EvidenceKind.PENALTY, EventFacts.string(event, "penaltyId"));
        participants(event, keys);
        return List.copyOf(keys);
    }

    private static void add(TreeSet<String> keys, EvidenceKind kind, Optional<String> id) {
        id.filter(v -> !v.isEmpty()).ifPresent(v -> keys.add(key(kind, v)));
    }

    private static void participants(IndexedRecord record, TreeSet<String> keys) {
        for (Schema.Field f : record.getSchema().getFields()) {
            value(record.get(f.pos()), keys);
        }
    }

    private static void value(Object v, TreeSet<String> keys) {
        if (v instanceof CharSequence s) {
            if (s.length() == 22 && PARTICIPANT_ID.matcher(s).matches()) {
                keys.add(key(EvidenceKind.PARTICIPANT, s.toString()));
            }
        } else if (v instanceof IndexedRecord nested) {
            participants(nested, keys);
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                value(o, keys);
            }
        } else if (v instanceof Map<?, ?> map) {
            for (Object o : map.values()) {
                value(o, keys);
            }
        }
    }
}
