package io.carbonx.registry.api;

import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.Role;
import io.carbonx.events.TradeSettled;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.Principal;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.ComplianceRecord;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.readmodel.RegistryReadModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Read endpoints, served from the read model (the journal's fold in this process). An enterprise sees only its
 * own account, holdings, settlements, defaults and compliance row; REGULATOR, COURT and ARBITRATOR see every
 * participant's (read-only for the latter two); a VERIFIER sees the compliance table; EXCHANGE sees every
 * settlement (its commissions).
 */
public final class ReadRoutes {
    private static final String PID = "participantId";
    private static final Set<Role> OVERSIGHT = EnumSet.of(Role.REGULATOR, Role.COURT, Role.ARBITRATOR);

    private ReadRoutes() {
    }

    /**
     * @param api shared route support
     */
    public static void mount(ApiSupport api) {
        RegistryReadModel reads = api.reads();
        api.routes().get("/api/v1/instruments", Access.anyParticipant(), ctx -> ApiSupport.okItems(ctx,
                reads.read(v -> {
                    JsonArray out = new JsonArray();
                    v.ledger().instruments().values().forEach(i -> out.add(new JsonObject()
                            .put("instrumentId", i.instrumentId()).put("kind", i.kind().name())
                            .put("vintage", i.vintage())));
                    return out;
                })));
        api.routes().get("/api/v1/accounts", Access.roles(Role.REGULATOR, Role.COURT, Role.ARBITRATOR), ctx ->
                ApiSupport.okItems(ctx, reads.read(v -> {
                    JsonArray out = new JsonArray();
                    v.ledger().accounts().values().forEach(a -> out.add(AccountViews.account(v.ledger(), a)));
                    return out;
                })));
        Access selfOrOversight = Access.selfOr(PID, EnumSet.allOf(Role.class), Role.REGULATOR, Role.COURT,
                Role.ARBITRATOR);
        api.routes().get("/api/v1/accounts/:participantId", selfOrOversight, ctx -> {
            Optional<JsonObject> a = reads.read(v -> v.ledger().account(ctx.pathParam(PID))
                    .map(acc -> AccountViews.account(v.ledger(), acc)));
            answer(ctx, a);
        });
        api.routes().get("/api/v1/accounts/:participantId/holdings", selfOrOversight, ctx -> {
            Optional<JsonObject> h = reads.read(v -> v.ledger().account(ctx.pathParam(PID))
                    .map(acc -> AccountViews.holdings(v.ledger(), acc)));
            answer(ctx, h);
        });
        api.routes().get("/api/v1/settlements", Access.anyParticipant(), ctx -> {
            Principal p = ApiSecurity.principal(ctx);
            boolean all = OVERSIGHT.contains(p.role()) || p.role() == Role.EXCHANGE;
            ApiSupport.okItems(ctx, reads.read(v -> {
                JsonArray out = new JsonArray();
                for (TradeSettled s : v.settlements()) {
                    if (all || s.getBuyerId().equals(p.participantId()) || s.getSellerId().equals(p.participantId())) {
                        out.add(AvroJson.event(s));
                    }
                }
                return out;
            }));
        });
        api.routes().get("/api/v1/defaults", Access.anyParticipant(), ctx -> {
            Principal p = ApiSecurity.principal(ctx);
            boolean all = OVERSIGHT.contains(p.role());
            ApiSupport.okItems(ctx, reads.read(v -> defaults(v, p, all)));
        });
        api.routes().get("/api/v1/compliance/:year", Access.anyParticipant(), ctx -> {
            Integer year = LedgerCommandRoutes.yearParam(ctx);
            if (year == null) {
                return;
            }
            Principal p = ApiSecurity.principal(ctx);
            boolean all = OVERSIGHT.contains(p.role()) || p.role() == Role.VERIFIER;
            ApiSupport.ok(ctx, reads.read(v -> compliance(v, year, p, all)));
        });
    }

    private static void answer(RoutingContext ctx, Optional<JsonObject> body) {
        if (body.isPresent()) {
            ApiSupport.ok(ctx, body.get());
        } else {
            Problems.send(ctx, 404, "UNKNOWN_ACCOUNT", "no account " + ctx.pathParam(PID));
        }
    }

    private static JsonArray defaults(RegistryReadModel.View v, Principal p, boolean all) {
        JsonArray out = new JsonArray();
        for (DefaultRecorded d : v.defaults()) {
            if (all || d.getDefaulterId().equals(p.participantId()) || d.getCounterpartyId().equals(p.participantId())) {
                JsonObject row = AvroJson.event(d);
                v.forfeit(d.getDefaultId()).ifPresent(f -> row.put("forfeit", AvroJson.of(f)));
                out.add(row);
            }
        }
        return out;
    }

    private static JsonObject compliance(RegistryReadModel.View v, int year, Principal p, boolean all) {
        JsonArray rows = new JsonArray();
        SortedMap<String, ComplianceRecord> byParticipant = new TreeMap<>();
        v.ledger().compliance().records().forEach((participant, years) -> {
            ComplianceRecord r = years.get(year);
            if (r != null && (all || participant.equals(p.participantId()))) {
                byParticipant.put(participant, r);
            }
        });
        for (Map.Entry<String, ComplianceRecord> e : byParticipant.entrySet()) {
            ComplianceRecord r = e.getValue();
            JsonObject row = new JsonObject().put(PID, e.getKey()).put("emissionsRecorded", r.emissionsRecorded())
                    .put("emissionsTonnes", r.emissions()).put("carriedInTonnes", r.carriedIn())
                    .put("obligationTonnes", r.obligation()).put("surrenderedAllowances", r.surrenderedAllowances())
                    .put("surrenderedOffsets", r.surrenderedOffsets()).put("settled", r.settled())
                    .put("shortfallTonnes", r.settled() ? Math.max(0, r.obligation() - r.surrendered()) : null);
            v.penalty(e.getKey(), year).ifPresent(pen -> row.put("penalty", AvroJson.of(pen)));
            rows.add(row);
        }
        return new JsonObject().put("year", year).put("settled", v.ledger().compliance().isSettled(year))
                .put("items", rows);
    }

    /** Accounts as JSON. */
    static final class AccountViews {
        private AccountViews() {
        }

        static JsonObject account(LedgerState s, Account a) {
            long lockedCash = 0;
            JsonArray locks = new JsonArray();
            for (Lock l : s.locksOf(a.id())) {
                lockedCash = Math.addExact(lockedCash, l.cashMinor());
                locks.add(new JsonObject().put("lockId", l.lockId()).put("instrumentId", l.instrumentId())
                        .put("cashMinor", l.cashMinor()).put("quantity", l.quantity()));
            }
            return new JsonObject().put(PID, a.id()).put("role", a.role().name()).put("system", a.isSystem())
                    .put("status", a.status().name()).put("grade", a.grade().name()).put("cashMinor", a.cashMinor())
                    .put("lockedCashMinor", lockedCash).put("debtMinor", a.debtMinor())
                    .put("openOrderIds", new JsonArray(a.openOrderIds().stream().toList()))
                    .put("pendingTradeIds", new JsonArray(a.pendingTradeIds().stream().toList()))
                    .put("defaults", a.defaultTimes().size()).put("locks", locks);
        }

        static JsonObject holdings(LedgerState s, Account a) {
            TreeMap<String, long[]> byInstrument = new TreeMap<>();
            a.holdings().forEach((i, q) -> byInstrument.computeIfAbsent(i, k -> new long[2])[0] = q);
            for (Lock l : s.locksOf(a.id())) {
                if (l.quantity() > 0) {
                    long[] row = byInstrument.computeIfAbsent(l.instrumentId(), k -> new long[2]);
                    row[1] = Math.addExact(row[1], l.quantity());
                }
            }
            JsonArray items = new JsonArray();
            byInstrument.forEach((i, q) -> items.add(new JsonObject().put("instrumentId", i).put("available", q[0])
                    .put("locked", q[1])));
            return new JsonObject().put(PID, a.id()).put("items", items);
        }
    }
}
