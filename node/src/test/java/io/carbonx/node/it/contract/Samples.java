package io.carbonx.node.it.contract;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.carbonx.events.Side;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One schema-valid sample request per operation of the contract (so that a refused role meets the access rule,
 * not request validation), chosen to be harmless when a permitted role runs it: registry commands act on the spare
 * participants, unique references every time, orders that do not cross, cancels of orders that do not exist.
 * {@link RoleMatrixIT} fails for an operation without a sample, so a new endpoint cannot escape the matrix.
 */
final class Samples {

    /** A request of the matrix: path parameter values, query string (may be empty), and body (may be null). */
    record Request(Map<String, String> pathParams, String query, Body body) {
    }

    /** A request body. */
    record Body(String contentType, byte[] bytes) {
        static Body json(JsonObject o) {
            return new Body("application/json", o.encode().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Who calls, in which world. */
    record Call(World world, String caller) {
        /** The enterprise that signs the caller's signed requests: itself, or A for a role that will be refused. */
        String signer() {
            return caller.startsWith("enterprise") ? caller : "enterpriseA";
        }

        String participant() {
            return caller.equals("anonymous") ? world.id("enterpriseA") : world.id(caller);
        }
    }

    private static final AtomicLong UNIQUE = new AtomicLong();
    private static final String GARBAGE = Base64.getEncoder().encodeToString("not an avro request".getBytes(
            StandardCharsets.UTF_8));

    private final Map<String, Function<Call, Request>> table = new HashMap<>();

    Samples() {
        none("getHealth", "getLiveness", "getReadiness", "getMetrics", "getOpenApi", "getCaCertificates",
                "listRegistrations", "listParticipants", "getParticipant", "listInstruments", "listAccounts",
                "getAccount", "getHoldings", "getComplianceTable", "listSettlements", "listDefaults",
                "getRegistryState", "listRatings", "getRatingPolicy", "getRating", "getRatingHistory",
                "getTradeEvidence", "getOrderEvidence", "getDefaultEvidence", "getPenaltyEvidence",
                "getParticipantEvidence", "listMarketInstruments", "getBook", "getTrades", "getOhlc",
                "getAuctionResults");
        json("createChallenge", c -> new JsonObject().put("participantId", c.participant()));
        json("createToken", Samples::token);
        json("submitRegistration", c -> new JsonObject().put("legalName", "Matrix Applicant " + next())
                .put("role", "ENTERPRISE").put("csr", Base64.getEncoder().encodeToString(c.world().csr)));
        table.put("approveRegistration", c -> new Request(Map.of("participantId", c.world().pendingRegistration),
                "", null));
        table.put("rejectRegistration", c -> new Request(Map.of("participantId", c.world().pendingRegistration),
                "", Body.json(new JsonObject().put("reason", "matrix"))));
        table.put("revokeCertificate", c -> new Request(Map.of("participantId", c.world().spareD), "",
                Body.json(new JsonObject().put("reason", "CESSATION_OF_OPERATION"))));
        json("defineInstrument", c -> new JsonObject().put("instrumentId", "MTX-" + next()).put("kind", "ALLOWANCE")
                .put("vintage", 2027));
        json("allocateAllowances", c -> new JsonObject().put("allocationId", "mtx-alloc-" + next())
                .put("participantId", c.world().spareC).put("instrumentId", World.EUA).put("quantity", 1));
        json("issueOffsets", c -> new JsonObject().put("issuanceId", "mtx-off-" + next())
                .put("participantId", c.world().spareC).put("instrumentId", World.EUA).put("projectId", "p")
                .put("serialFrom", 1).put("serialTo", 2));
        json("depositFunds", c -> new JsonObject().put("transferId", "mtx-dep-" + next()).put("amountMinor", 1));
        json("withdrawFunds", c -> new JsonObject().put("transferId", "mtx-wd-" + next()).put("amountMinor", 1));
        for (String op : new String[] {"freezeAccount", "unfreezeAccount", "cancelAccount"}) {
            table.put(op, c -> new Request(Map.of("participantId", c.world().spareC), "",
                    Body.json(new JsonObject().put("reason", "matrix"))));
        }
        json("recordEmissions", c -> new JsonObject().put("participantId", c.world().spareC).put("year", 2026)
                .put("emissionsTonnes", 1).put("reportSha256", "ab".repeat(32)));
        json("surrender", c -> new JsonObject().put("request", GARBAGE).put("signature", GARBAGE));
        table.put("runAnnualSettlement", c -> new Request(Map.of("year", "2031"), "", null));
        table.put("verifyEvidenceBundle", c -> new Request(Map.of(), "", new Body("application/zip",
                "PK not really a zip".getBytes(StandardCharsets.UTF_8))));
        json("submitOrder", c -> c.world().orderBody(c.signer(), Side.BUY, 7_900, 1));
        json("submitOrderBatch", c -> new JsonObject().put("orders", new JsonArray()
                .add(c.world().orderBody(c.signer(), Side.BUY, 7_900, 1))));
        json("cancelOrder", c -> c.world().cancelBody(c.signer(), c.world().id(c.signer()) + "-999999"));
        json("replaceOrder", c -> signedGarbage(c));
        json("offerStorage", c -> signedGarbage(c));
        json("submitAgreement", c -> new JsonObject().put("terms", GARBAGE).put("buyerSignature", GARBAGE)
                .put("buyerCertificateSerial", c.world().serials.get(c.signer())).put("sellerSignature", GARBAGE)
                .put("sellerCertificateSerial", c.world().serials.get("enterpriseB")));
        json("scheduleAuction", c -> new JsonObject().put("auctionId", "mtx-auction-" + next())
                .put("instrumentId", World.EUA).put("vintage", 2026).put("totalQuantity", 10)
                .put("reservePriceMinor", 1_000).put("openAtMs", 0).put("closeAtMs", 4_000_000_000_000L));
        json("bidInAuction", c -> new JsonObject().put("instrumentId", World.EUA).put("bidId", "mtx-bid-" + next())
                .put("action", "SUBMIT").put("priceMinor", 1_000).put("quantity", 1));
        json("closeAuction", c -> new JsonObject().put("instrumentId", World.EUA));
    }

    /** @return the sample of {@code operationId}, or null if the table has none */
    Function<Call, Request> of(String operationId) {
        return table.get(operationId);
    }

    private void none(String... operations) {
        for (String op : operations) {
            table.put(op, c -> new Request(Map.of(), "", null));
        }
    }

    private void json(String operation, Function<Call, JsonObject> body) {
        table.put(operation, c -> new Request(Map.of(), "", Body.json(body.apply(c))));
    }

    private static JsonObject signedGarbage(Call c) {
        return new JsonObject().put("request", GARBAGE).put("signature", GARBAGE)
                .put("certificateSerial", c.world().serials.get(c.signer()));
    }

    /** A fresh challenge of the caller (A for anonymous), signed: the token request succeeds for anyone. */
    private static JsonObject token(Call c) {
        World w = c.world();
        String name = c.caller().equals("anonymous") ? "enterpriseA" : c.caller();
        JsonObject challenge = w.api.post("/api/v1/auth/challenge", new JsonObject().put("participantId", w.id(name)),
                null).expect(200, "a challenge").body();
        byte[] sig = w.members.get(name).signer().sign(World.utf8(challenge.getString("signedText")));
        return new JsonObject().put("challengeId", challenge.getString("challengeId"))
                .put("signatureBase64", Base64.getEncoder().encodeToString(sig));
    }

    private static long next() {
        return UNIQUE.incrementAndGet();
    }
}
