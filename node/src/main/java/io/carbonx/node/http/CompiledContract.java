package io.carbonx.node.http;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;

/**
 * A resolved {@link OpenAPIContract} whose schema repository hands out validators built once, at construction, for
 * every parameter schema and request body schema of every operation.
 *
 * <p>vertx-openapi's request validator asks the contract's repository for a {@link Validator} on every request, and
 * the repository builds a new one each time: it copies the lookup table of every schema in the contract and
 * dereferences the schema again (which also writes resolution markers into the shared schema objects, from
 * whichever worker thread validates). On the order path that was ~6 % of the node's CPU. Validators are immutable
 * once built (their lookup table is private and only read), so one per schema is shared by all requests and
 * threads; a schema not built here (none, for requests) falls through to the underlying repository.
 *
 * <p>Everything else delegates to the underlying contract unchanged.
 */
final class CompiledContract implements OpenAPIContract {

    private final OpenAPIContract contract;
    private final SchemaRepository repository;

    private CompiledContract(OpenAPIContract contract, SchemaRepository repository) {
        this.contract = contract;
        this.repository = repository;
    }

    /**
     * @param contract a resolved contract
     * @return the same contract with a validator prepared for each request schema
     */
    static CompiledContract of(OpenAPIContract contract) {
        SchemaRepository underlying = contract.getSchemaRepository();
        Map<JsonSchema, Validator> built = new IdentityHashMap<>();
        for (Operation op : contract.operations()) {
            for (Parameter p : op.getParameters()) {
                built.computeIfAbsent(p.getSchema(), underlying::validator);
            }
            if (op.getRequestBody() != null) {
                for (MediaType type : op.getRequestBody().getContent().values()) {
                    if (type.getSchema() != null) {
                        built.computeIfAbsent(type.getSchema(), underlying::validator);
                    }
                }
            }
        }
        return new CompiledContract(contract, new PreparedRepository(underlying, built));
    }

    /** @return how many validators were prepared */
    int prepared() {
        return ((PreparedRepository) repository).prepared.size();
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return repository;
    }

    @Override
    public Operation operation(String operationId) {
        return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
        return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return contract.getVersion();
    }

    @Override
    public List<Server> getServers() {
        return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return contract.securityScheme(name);
    }

    /** The underlying repository, except that {@link #validator(JsonSchema)} answers prepared schemas itself. */
    private static final class PreparedRepository implements SchemaRepository {
        private final SchemaRepository repository;
        /** Read-only after construction: safe to read from any thread. */
        private final Map<JsonSchema, Validator> prepared;

        PreparedRepository(SchemaRepository repository, Map<JsonSchema, Validator> prepared) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.prepared = prepared;
        }

        @Override
        public Validator validator(JsonSchema schema) {
            Validator v = prepared.get(schema);
            return v != null ? v : repository.validator(schema);
        }

        @Override
        public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
            return repository.dereference(schema);
        }

        @Override
        public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
            return repository.dereference(uri, schema);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs) {
            return repository.preloadMetaSchema(fs);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
            return repository.preloadMetaSchema(fs, draft);
        }

        @Override
        public Validator validator(String ref) {
            return repository.validator(ref);
        }

        @Override
        public Validator validator(String ref, JsonSchemaOptions options) {
            return repository.validator(ref, options);
        }

        @Override
        public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
            return repository.validator(schema, options, dereference);
        }

        @Override
        public JsonObject resolve(JsonObject schema) {
            return repository.resolve(schema);
        }

        @Override
        public JsonSchema find(String pointer) {
            return repository.find(pointer);
        }
    }
}
