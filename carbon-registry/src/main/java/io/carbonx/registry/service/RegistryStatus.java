package io.carbonx.registry.service;

import io.carbonx.registry.readmodel.RegistryReadModel;
import io.vertx.core.json.JsonObject;

/**
 * The replay check as data: the live registry's state (as of its last commit) against the read model's (the
 * journal's fold in this process), compared when both folded the same number of journal entries.
 */
public final class RegistryStatus {
    private RegistryStatus() {
    }

    /**
     * @param live  the live state
     * @param reads the read model
     * @return {@code {journalEntries, ledgerHash, identityHash, readModel: {...}, consistent}} where
     *     {@code consistent} is true/false when the entry counts agree and null while the read model catches up
     */
    public static JsonObject of(LiveStatus live, RegistryReadModel reads) {
        JsonObject model = reads.read(v -> new JsonObject().put("journalEntries", v.entries())
                .put("ledgerHash", v.ledgerHash()).put("identityHash", v.identityHash()));
        Boolean consistent = null;
        if (live.entries() >= 0 && live.entries() == model.getLong("journalEntries")) {
            consistent = live.ledgerHash().equals(model.getString("ledgerHash"))
                    && (live.entries() == 0 || live.identityHash().equals(model.getString("identityHash")));
        }
        return new JsonObject().put("journalEntries", live.entries()).put("ledgerHash", live.ledgerHash())
                .put("identityHash", live.identityHash()).put("readModel", model).put("consistent", consistent);
    }
}
