package io.carbonx.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompiledContractTest {

    private static Vertx vertx;
    private static OpenAPIContract contract;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        contract = RequestValidation.load(vertx).await(30, TimeUnit.SECONDS).contract();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void everyRequestBodySchemaGetsOneValidatorBuiltUpFrontAndSharedByEveryCall() {
        assertThat(contract).isInstanceOf(CompiledContract.class);
        assertThat(((CompiledContract) contract).prepared()).isGreaterThan(10);
        int bodies = 0;
        for (Operation op : contract.operations()) {
            if (op.getRequestBody() == null) {
                continue;
            }
            JsonSchema schema = op.getRequestBody().getContent().get("application/json").getSchema();
            Validator first = contract.getSchemaRepository().validator(schema);
            assertThat(contract.getSchemaRepository().validator(schema)).as(op.getOperationId()).isSameAs(first);
            bodies++;
        }
        assertThat(bodies).isGreaterThan(5);
    }

    @Test
    void aSharedValidatorJudgesConcurrentBodiesIndependently() throws Exception {
        Operation order = contract.operation("submitOrder");
        JsonSchema schema = order.getRequestBody().getContent().get("application/json").getSchema();
        Validator validator = contract.getSchemaRepository().validator(schema);
        JsonObject good = new JsonObject().put("request", "AQ==").put("signature", "Ag==").put("certificateSerial", "0a");
        JsonObject bad = good.copy().put("certificateSerial", "not hex");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                JsonObject body = i % 2 == 0 ? good : bad;
                Callable<Boolean> check = () -> validator.validate(body).getValid();
                verdicts.add(pool.submit(check));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertThat(verdicts.get(i).get(30, TimeUnit.SECONDS)).as("body %d", i).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
