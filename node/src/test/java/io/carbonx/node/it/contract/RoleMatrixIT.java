package io.carbonx.node.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.events.Side;
import io.carbonx.node.http.RequestValidation;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.node.testing.NodeApi;
import io.carbonx.node.testing.NodeFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The contract-generated access test: one node running every service; the contract is read from the node's own
 * {@code /openapi.yaml}; every operation (path x method) is called by each of the seven callers (enterprise A,
 * enterprise B, regulator, verifier, court, arbitrator, anonymous) with its sample ({@link Samples}, required for
 * every operation) and the answer is checked against the operation's {@code x-carbonx-roles} ({@link Policy}):
 * refused callers get exactly 401 (no token) or 403, permitted ones never 401/403 and reach a mounted route; and
 * every answer's status and body are what the contract documents for the operation ({@link ResponseContract}).
 * "self" operations are called with A's id in the path, and again by B on its own id. Before the matrix: A cannot
 * read or act on any of B's self resources, cannot cancel B's order (it stays open), and bad requests change
 * nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RoleMatrixIT {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path workDir;

    private static CarbonxNode node;
    private static World world;
    private static Map<String, Object> contract;
    private static ResponseContract responses;

    @BeforeAll
    static void start() throws Exception {
        List<CarbonxService> services = ServiceCatalog.discover();
        node = CarbonxNode.start(NodeFixture.config(workDir, Map.of(), services), services);
        world = new World(new NodeApi(node.httpPort()));
        world.setUp(workDir);
        contract = new Yaml().load(NodeFixture.get(node.httpPort(), "/openapi.yaml").body());
        responses = new ResponseContract(RequestValidation.contractJson());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void enterpriseA_cannotCancelEnterpriseBsOrder_whichStaysOpen() {
        String b = world.id("enterpriseB");
        NodeApi.Response asItself = world.api.post("/api/v1/orders/cancel",
                world.cancelBody("enterpriseA", world.orderB), world.tokens.get("enterpriseA"));
        assertThat(asItself.status()).as(asItself.body().encode()).isIn(202, 403, 404, 409, 422);
        JsonObject impersonation = world.cancelBody("enterpriseA", world.orderB);
        NodeApi.Response asB = world.api.post("/api/v1/orders/cancel", impersonation.put("certificateSerial",
                world.serials.get("enterpriseB")), world.tokens.get("enterpriseA"));
        assertThat(asB.status()).as(asB.body().encode()).isEqualTo(403);

        // B's own later order and cancel on the same book: once they are through, A's cancel was decided.
        String marker = world.order("enterpriseB", Side.BUY, 7_800, 1);
        NodeApi.await("B's marker order rests", World.WAIT, () -> world.openOrders(b).contains(marker));
        world.api.post("/api/v1/orders/cancel", world.cancelBody("enterpriseB", marker),
                world.tokens.get("enterpriseB")).expect(202, "B cancels its own marker");
        NodeApi.await("B's own cancel is through", World.WAIT, () -> !world.openOrders(b).contains(marker));

        assertThat(world.openOrders(b)).as("B's order after A's cancels").contains(world.orderB);
    }

    @Test
    @Order(2)
    void enterpriseA_isRefusedOnEveryOneOfBsOwnResources_andNothingChanges() throws Exception {
        String b = world.id("enterpriseB");
        JsonObject before = account(b);
        List<String> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        forEachOperation((path, method, op) -> {
            List<String> roles = roles(op);
            if (!Policy.hasSelf(roles) || !path.contains("{participantId}")) {
                return;
            }
            Map<String, String> params = new HashMap<>(Map.of("participantId", b));
            Answer a = call("enterpriseA", path, method, op, params);
            checked.add(method + " " + path);
            if (a.status() != 403) {
                failures.add("A on B's " + method + " " + path + " -> " + a);
            }
        });
        assertThat(failures).as("A on B's resources").isEmpty();
        assertThat(checked).as("the self operations").contains("GET /api/v1/accounts/{participantId}",
                "GET /api/v1/accounts/{participantId}/holdings", "POST /api/v1/accounts/{participantId}/deposits",
                "POST /api/v1/accounts/{participantId}/withdrawals");
        assertThat(account(b)).as("B's account after A's refused calls").isEqualTo(before);
    }

    @Test
    @Order(3)
    void badRequests_areRefusedByTheContract_andChangeNothing() throws Exception {
        String a = world.id("enterpriseA");
        String token = world.tokens.get("enterpriseA");
        JsonObject before = account(a);
        NodeApi.Response deposit = world.api.post("/api/v1/accounts/" + a + "/deposits",
                new JsonObject().put("transferId", "bad-1").put("amountMinor", "a lot"), token);
        NodeApi.Response order = world.api.post("/api/v1/orders", world.orderBody("enterpriseA", Side.SELL, 8_500, 1)
                .put("certificateSerial", "NOT-HEX"), token);
        NodeApi.Response unknown = world.api.post("/api/v1/accounts/" + a + "/bonus", new JsonObject(), token);
        for (NodeApi.Response r : List.of(deposit, order)) {
            assertThat(r.status()).as(r.body().encode()).isEqualTo(400);
            assertThat(r.body().getString("reasonCode")).isEqualTo("REQUEST_INVALID");
            assertThat(r.body().getJsonArray("violations")).isNotEmpty();
        }
        assertThat(deposit.body().getJsonArray("violations").getJsonObject(0).getString("pointer"))
                .isEqualTo("/body/amountMinor");
        assertThat(order.body().getJsonArray("violations").getJsonObject(0).getString("pointer"))
                .isEqualTo("/body/certificateSerial");
        NodeApi.Response anonymous = world.api.post("/api/v1/accounts/" + a + "/deposits",
                new JsonObject().put("amountMinor", "a lot"), null);
        assertThat(anonymous.status()).as("the token is checked before the body").isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().getString("reasonCode")).isEqualTo("NOT_FOUND");
        assertThat(account(a)).as("A's account after refused requests").isEqualTo(before);
    }

    @Test
    @Order(4)
    void everyOperationTimesEveryRole_followsTheDocumentedPolicy() throws Exception {
        Samples samples = new Samples();
        List<String> failures = new ArrayList<>();
        int[] calls = {0};
        forEachOperation((path, method, op) -> {
            String id = String.valueOf(op.get("operationId"));
            List<String> roles = roles(op);
            if (roles == null) {
                failures.add(id + ": no x-carbonx-roles");
                return;
            }
            if (!Policy.unknown(roles).isEmpty()) {
                failures.add(id + ": unknown x-carbonx-roles entries " + Policy.unknown(roles));
                return;
            }
            if (samples.of(id) == null) {
                failures.add(id + ": no sample request in Samples (every operation needs one)");
                return;
            }
            for (String caller : World.ROLES) {
                calls[0]++;
                check(caller, path, method, op, roles, samples, Map.of(), failures);
            }
            if (Policy.hasSelf(roles) && path.contains("{participantId}")) {
                calls[0]++;
                check("enterpriseB", path, method, op, roles, samples,
                        Map.of("participantId", world.id("enterpriseB")), failures);
            }
        });
        System.out.println("role matrix: " + calls[0] + " calls");
        assertThat(failures).as("operations x roles against x-carbonx-roles").isEmpty();
        assertThat(calls[0]).isGreaterThan(7 * 50);
    }

    private static void check(String caller, String path, String method, Map<String, Object> op, List<String> roles,
                              Samples samples, Map<String, String> override, List<String> failures) {
        Samples.Request sample = samples.of(String.valueOf(op.get("operationId")))
                .apply(new Samples.Call(world, caller));
        Map<String, String> params = new HashMap<>(defaults());
        params.putAll(sample.pathParams());
        params.putAll(override);
        boolean self = path.contains("{participantId}") && Policy.hasSelf(roles) && !caller.equals("anonymous")
                && params.get("participantId").equals(world.id(caller));
        int expected = Policy.expected(roles, caller, self);
        Answer a = send(caller, expand(path, params) + sample.query(), method, sample.body());
        String line = caller + (self ? " (self)" : "") + " " + method + " " + path + " " + roles + " -> " + a;
        System.out.println("matrix " + op.get("operationId") + " " + caller + (self ? "(self)" : "") + " -> "
                + a.status() + " " + a.json().getString("reasonCode", "") + (expected == 0 ? "" : " (deny)"));
        responses.violations(path, method.toLowerCase(Locale.ROOT), a.status(), a.contentType(), a.body())
                .forEach(v -> failures.add(line + "; response not as documented: " + v));
        if (expected != 0 && a.status() != expected) {
            failures.add(line + "; expected " + expected);
        } else if (expected == 0 && (a.status() == 401 || a.status() == 403 || a.status() == 405
                || a.status() == 404 && "about:blank".equals(a.json().getString("type"))
                || "REQUEST_INVALID".equals(a.json().getString("reasonCode")))) {
            failures.add(line + "; expected a permitted call to reach its route");
        }
    }

    private static Map<String, String> defaults() {
        return Map.of("participantId", world.id("enterpriseA"), "orderId", world.orderA, "tradeId", world.tradeId,
                "defaultId", "mtx-no-default", "penaltyId", "mtx-no-penalty", "year", "2026",
                "auctionId", "mtx-auction", "instrument", World.EUA);
    }

    private static Answer call(String caller, String path, String method, Map<String, Object> op,
                               Map<String, String> override) {
        Samples.Request sample = new Samples().of(String.valueOf(op.get("operationId")))
                .apply(new Samples.Call(world, caller));
        Map<String, String> params = new HashMap<>(defaults());
        params.putAll(sample.pathParams());
        params.putAll(override);
        return send(caller, expand(path, params) + sample.query(), method, sample.body());
    }

    private static String expand(String template, Map<String, String> params) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for path parameter " + m.group(1) + " of " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        JsonObject json() {
            try {
                return new JsonObject(body);
            } catch (RuntimeException notJson) {
                return new JsonObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private static Answer send(String caller, String path, String method, Samples.Body body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body != null) {
            b.header("Content-Type", body.contentType());
        }
        String token = world.tokens.get(caller);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(null),
                    r.body() == null ? "" : r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private static JsonObject account(String participantId) {
        return world.api.get("/api/v1/accounts/" + participantId, world.tokens.get("regulator"))
                .expect(200, "account of " + participantId).body();
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> op) {
        Object roles = op.get("x-carbonx-roles");
        if (roles == null) {
            return "[]".equals(String.valueOf(op.get("security"))) ? List.of("open") : null;
        }
        return (List<String>) roles;
    }

    /** Visits every operation of the contract, sorted by path then method. */
    private interface OperationVisitor {
        void visit(String path, String method, Map<String, Object> operation) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static void forEachOperation(OperationVisitor visitor) throws Exception {
        Map<String, Object> paths = new TreeMap<>((Map<String, Object>) contract.get("paths"));
        for (Map.Entry<String, Object> p : paths.entrySet()) {
            Map<String, Object> item = new TreeMap<>((Map<String, Object>) p.getValue());
            for (Map.Entry<String, Object> m : item.entrySet()) {
                if (List.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                    visitor.visit(p.getKey(), m.getKey().toUpperCase(Locale.ROOT),
                            (Map<String, Object>) m.getValue());
                }
            }
        }
    }

}
