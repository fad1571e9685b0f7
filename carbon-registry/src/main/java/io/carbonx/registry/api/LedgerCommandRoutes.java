package io.carbonx.registry.api;

import io.carbonx.commands.AllocateAllowances;
import io.carbonx.commands.CancelAccount;
import io.carbonx.commands.DefineInstrument;
import io.carbonx.commands.DepositFunds;
import io.carbonx.commands.FreezeAccount;
import io.carbonx.commands.IssueOffsets;
import io.carbonx.commands.RecordEmissions;
import io.carbonx.commands.RunAnnualSettlement;
import io.carbonx.commands.UnfreezeAccount;
import io.carbonx.commands.WithdrawFunds;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * Endpoints that change the ledger, each restricted to its roles (deny by default):
 * <ul>
 *   <li>REGULATOR: define instruments, allocate allowances, issue offsets, run the annual settlement, freeze,
 *       unfreeze and cancel accounts;</li>
 *   <li>VERIFIER: record verified emissions;</li>
 *   <li>deposits: the ENTERPRISE itself (standing in for its settlement bank) or an EXCHANGE participant (the
 *       exchange's settlement bank), for any account; withdrawals: the ENTERPRISE itself only;</li>
 *   <li>surrenders: see {@link SurrenderRoute}.</li>
 * </ul>
 * Bodies are validated here (400 with the field); the rules (balances, duplicates, states) are the ledger's.
 */
public final class LedgerCommandRoutes {
    private static final String PID = "participantId";

    private LedgerCommandRoutes() {
    }

    /**
     * @param api shared route support
     */
    public static void mount(ApiSupport api) {
        Access regulator = Access.roles(Role.REGULATOR);
        api.routes().post("/api/v1/instruments", regulator, ctx -> call(api, ctx, b -> DefineInstrument.newBuilder()
                .setEnvelope(envelope(api, ctx, "DefineInstrument")).setInstrumentId(b.string("instrumentId"))
                .setKind(b.enumValue("kind", InstrumentKind.class)).setVintage(b.int32("vintage")).build()));
        api.routes().post("/api/v1/allocations", regulator, ctx -> call(api, ctx, b -> AllocateAllowances.newBuilder()
                .setEnvelope(envelope(api, ctx, "AllocateAllowances")).setAllocationId(b.string("allocationId"))
                .setParticipantId(b.string(PID)).setInstrumentId(b.string("instrumentId"))
                .setQuantity(b.integer("quantity")).build()));
        api.routes().post("/api/v1/offsets", regulator, ctx -> call(api, ctx, b -> IssueOffsets.newBuilder()
                .setEnvelope(envelope(api, ctx, "IssueOffsets")).setIssuanceId(b.string("issuanceId"))
                .setParticipantId(b.string(PID)).setInstrumentId(b.string("instrumentId"))
                .setProjectId(b.optionalString("projectId", "")).setSerialFrom(b.integer("serialFrom"))
                .setSerialTo(b.integer("serialTo")).build()));
        api.routes().post("/api/v1/accounts/:participantId/deposits",
                Access.selfOr(PID, EnumSet.of(Role.ENTERPRISE), Role.EXCHANGE), ctx -> call(api, ctx, b ->
                        DepositFunds.newBuilder().setEnvelope(envelope(api, ctx, "DepositFunds"))
                                .setParticipantId(ctx.pathParam(PID)).setAmountMinor(b.integer("amountMinor"))
                                .setTransferId(b.string("transferId"))
                                .setBankReference(b.optionalString("bankReference", "")).build()));
        api.routes().post("/api/v1/accounts/:participantId/withdrawals",
                Access.selfOr(PID, EnumSet.of(Role.ENTERPRISE)), ctx -> call(api, ctx, b ->
                        WithdrawFunds.newBuilder().setEnvelope(envelope(api, ctx, "WithdrawFunds"))
                                .setParticipantId(ctx.pathParam(PID)).setAmountMinor(b.integer("amountMinor"))
                                .setTransferId(b.string("transferId"))
                                .setBankReference(b.optionalString("bankReference", "")).build()));
        api.routes().post("/api/v1/emissions", Access.roles(Role.VERIFIER), ctx -> call(api, ctx, b ->
                RecordEmissions.newBuilder().setEnvelope(envelope(api, ctx, "RecordEmissions"))
                        .setParticipantId(b.string(PID)).setYear(b.int32("year"))
                        .setEmissionsTonnes(b.integer("emissionsTonnes"))
                        .setReportSha256(ByteBuffer.wrap(b.hex("reportSha256", 32))).build()));
        api.routes().post("/api/v1/compliance/:year/settlement", regulator, ctx -> {
            Integer year = yearParam(ctx);
            if (year != null) {
                api.commands().submit(ctx, RunAnnualSettlement.newBuilder()
                        .setEnvelope(envelope(api, ctx, "RunAnnualSettlement")).setYear(year).build());
            }
        });
        api.routes().post("/api/v1/accounts/:participantId/freeze", regulator, ctx -> call(api, ctx, b ->
                FreezeAccount.newBuilder().setEnvelope(envelope(api, ctx, "FreezeAccount"))
                        .setParticipantId(ctx.pathParam(PID)).setReason(b.optionalString("reason", "")).build()));
        api.routes().post("/api/v1/accounts/:participantId/unfreeze", regulator, ctx -> call(api, ctx, b ->
                UnfreezeAccount.newBuilder().setEnvelope(envelope(api, ctx, "UnfreezeAccount"))
                        .setParticipantId(ctx.pathParam(PID)).setReason(b.optionalString("reason", "")).build()));
        api.routes().post("/api/v1/accounts/:participantId/cancel", regulator, ctx -> call(api, ctx, b ->
                CancelAccount.newBuilder().setEnvelope(envelope(api, ctx, "CancelAccount"))
                        .setParticipantId(ctx.pathParam(PID)).setReason(b.optionalString("reason", "")).build()));
        SurrenderRoute.mount(api);
    }

    /** Builds a command from the body. */
    @FunctionalInterface
    interface CommandFromBody {
        SpecificRecord build(JsonBodies body) throws JsonBodies.Invalid;
    }

    static void call(ApiSupport api, RoutingContext ctx, CommandFromBody builder) {
        try {
            api.commands().submit(ctx, builder.build(JsonBodies.of(ctx)));
        } catch (JsonBodies.Invalid answered) {
            // 400 sent
        }
    }

    static EventEnvelope envelope(ApiSupport api, RoutingContext ctx, String type) {
        return api.commands().envelope(type, ApiSecurity.principal(ctx).participantId());
    }

    /** The {@code :year} path parameter; null after answering 400 INVALID_FIELD. */
    static Integer yearParam(RoutingContext ctx) {
        try {
            return Integer.valueOf(ctx.pathParam("year"));
        } catch (NumberFormatException e) {
            Problems.send(ctx, 400, "INVALID_FIELD", "year must be an integer, was " + ctx.pathParam("year"));
            return null;
        }
    }
}
