package io.carbonx.registry.service;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the registry decided on one input: the journal entries (already applied to the state), extra public
 * records that are not journal entries (a forwarded cancel request, a rejection), and for a command whether it
 * was carried out.
 */
final class Decision {
    /** A record for a catalogue topic. */
    record Published(String catalogueTopic, String key, SpecificRecord event) {
    }

    final List<SpecificRecord> journal = new ArrayList<>();
    final List<Published> published = new ArrayList<>();
    /** Refusal reason code of a command, null when carried out (or for an input that is not a command). */
    String reason;
    /** Refusal detail. */
    String detail = "";
    /** False when the book's own OrderCancelled/OrderExpired caused the decision: do not echo it on orders. */
    boolean echoOrderOutcomes = true;

    void refuse(String code, String text) {
        this.reason = code;
        this.detail = text == null ? "" : text;
    }

    boolean accepted() {
        return reason == null;
    }
}
