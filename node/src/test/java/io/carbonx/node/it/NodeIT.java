package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.node.testing.ProbeService;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** A real node in-process (embedded broker in a temp dir, free ports) with one service on the seam. */
class NodeIT {

    @TempDir
    static Path workDir;

    private static CarbonxNode node;

    @BeforeAll
    static void start() {
        node = CarbonxNode.start(NodeFixture.config(workDir, Map.of(), List.of(new ProbeService())),
                List.of(new ProbeService()));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static HttpResponse<String> get(String path) {
        return NodeFixture.get(node.httpPort(), path);
    }

    @Test
    void healthIsUp_withTheBrokerAndEveryService() {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonObject health = new JsonObject(response.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        JsonObject components = health.getJsonObject("components");
        assertThat(components.fieldNames()).containsExactlyInAnyOrder("broker", "probe");
        JsonObject broker = components.getJsonObject("broker");
        assertThat(broker.getString("status")).isEqualTo("UP");
        assertThat(broker.getString("mode")).isEqualTo("embedded");
        assertThat(broker.getString("bootstrapServers")).isEqualTo(node.bootstrapServers());
        assertThat(broker.getInteger("brokers")).isEqualTo(1);
        assertThat(broker.getString("clusterId")).isNotBlank();
        JsonObject probe = components.getJsonObject("probe");
        assertThat(probe.getString("status")).isEqualTo("UP");
        assertThat(probe.getLong("consumedThisRun")).isEqualTo(3);
        assertThat(probe.getLong("committedOffset")).isEqualTo(3);
    }

    @Test
    void livenessAndReadinessAreUp() {
        HttpResponse<String> live = get("/health/live");
        HttpResponse<String> ready = get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(live.body())).isEqualTo(new JsonObject().put("status", "UP"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsExposeJvmVertxAndKafkaClientFamilies() {
        get("/health");
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> families = new TreeSet<>();
        response.body().lines().filter(line -> line.startsWith("# TYPE "))
                .forEach(line -> families.add(line.split(" ")[2]));
        assertThat(families).as("metric families").anyMatch(f -> f.startsWith("jvm_memory_"))
                .anyMatch(f -> f.startsWith("jvm_gc_"))
                .anyMatch(f -> f.startsWith("jvm_threads_"))
                .anyMatch(f -> f.startsWith("jvm_classes_"))
                .anyMatch(f -> f.startsWith("system_cpu_") || f.startsWith("process_cpu_"))
                .anyMatch(f -> f.startsWith("vertx_http_server_"))
                .anyMatch(f -> f.startsWith("kafka_producer_"))
                .anyMatch(f -> f.startsWith("kafka_consumer_"))
                .anyMatch(f -> f.startsWith("kafka_admin_client_"));
        assertThat(response.body()).contains("service=\"probe\"").contains("service=\"node\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentIsOpenApi31_andEveryPathItDescribesIsServed() {
        HttpResponse<String> response = get("/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        Map<String, Object> doc = new Yaml().load(response.body());
        assertThat(String.valueOf(doc.get("openapi"))).matches("3\\.1\\.\\d+");
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        Set<String> operations = Set.of("/health", "/health/live", "/health/ready", "/metrics", "/openapi.yaml");
        assertThat(paths).containsKeys(operations.toArray(String[]::new));
        assertThat(paths.keySet()).allMatch(p -> operations.contains(p) || p.startsWith("/api/v1/"));
        operations.forEach(path -> assertThat(get(path).statusCode()).as(path).isEqualTo(200));
    }

    @Test
    void aRouteAServiceMountsWithoutTheContractDescribingItIsUnreachable() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                        + "/api/v1/probe/echo")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"node\"}")).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

        // the probe's route is mounted, but /api requests are validated against the OpenAPI document first
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("reasonCode")).isEqualTo("NOT_FOUND");
    }

    @Test
    void unknownPathAnswersProblemJson() {
        HttpResponse<String> response = get("/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getInteger("status")).isEqualTo(404);
    }
}
