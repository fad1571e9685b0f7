package io.carbonx.registry.service;

import io.carbonx.events.Role;
import io.carbonx.registry.api.ApiSupport;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.readmodel.ReplayCheck;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/v1/registry/state} (REGULATOR): the replay check. Reports the live registry's state hashes
 * and journal position, the read model's, and those of a fresh rebuild from the committed journal made for
 * this request; {@code replayConsistent} compares the rebuild with the live state (or the read model) at the
 * same number of journal entries, null when neither is at that number (writes in between).
 */
final class RegistryStateRoute {
    private RegistryStateRoute() {
    }

    static void mount(ApiSupport api, Vertx vertx, RegistryService.RegistryComponents parts) {
        api.routes().get("/api/v1/registry/state", Access.roles(Role.REGULATOR), ctx ->
                vertx.executeBlocking(() -> ReplayCheck.rebuild(parts.clients(), parts.config().topics().journal(),
                        parts.config().ledger())).onComplete(ar -> {
                            if (ar.failed()) {
                                Problems.send(ctx, 503, "REPLAY_FAILED", String.valueOf(ar.cause().getMessage()));
                                return;
                            }
                            ApiSupport.ok(ctx, body(parts, ar.result()));
                        }));
    }

    static JsonObject body(RegistryService.RegistryComponents parts, ReplayCheck rebuilt) {
        JsonObject status = RegistryStatus.of(parts.processor().status(), parts.reads());
        JsonObject model = status.getJsonObject("readModel");
        Boolean consistent = null;
        if (rebuilt.entries() == status.getLong("journalEntries")) {
            consistent = rebuilt.ledgerHash().equals(status.getString("ledgerHash"));
        } else if (rebuilt.entries() == model.getLong("journalEntries")) {
            consistent = rebuilt.ledgerHash().equals(model.getString("ledgerHash"));
        }
        return status.put("rebuilt", new JsonObject().put("journalEntries", rebuilt.entries())
                .put("ledgerHash", rebuilt.ledgerHash()).put("identityHash", rebuilt.identityHash()))
                .put("replayConsistent", consistent);
    }
}
