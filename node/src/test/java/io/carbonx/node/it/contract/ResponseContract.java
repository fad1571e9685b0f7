package io.carbonx.node.it.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;

/**
 * Checks an answer against what the contract documents for its operation: the status must be one of the
 * operation's responses (or {@code default}), and a JSON body must match that response's schema for the answer's
 * media type ({@code application/json} or {@code application/problem+json}). The contract is dereferenced once, so
 * {@code $ref}s to {@code components/schemas} resolve; {@code $ref}s to {@code components/responses} are followed
 * here.
 */
final class ResponseContract {

    private static final String BASE = "https://contract.carbonx.test/openapi.json";
    private static final Set<String> APPLICATORS = Set.of("properties", "items", "prefixItems", "$ref", "allOf",
            "anyOf", "oneOf", "not", "then", "else", "patternProperties", "additionalProperties", "schema");

    private final JsonObject contract;
    private final SchemaRepository schemas;

    ResponseContract(JsonObject contract) {
        this.contract = contract;
        this.schemas = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
                .setBaseUri(BASE).setOutputFormat(OutputFormat.Basic));
        schemas.dereference(BASE, JsonSchema.of(contract));
    }

    /**
     * @return what does not match the contract, empty when the answer does
     */
    List<String> violations(String path, String method, int status, String contentType, String body) {
        JsonObject op = contract.getJsonObject("paths").getJsonObject(path)
                .getJsonObject(method.toLowerCase(Locale.ROOT));
        JsonObject responses = op.getJsonObject("responses", new JsonObject());
        JsonObject response = responses.getJsonObject(String.valueOf(status), responses.getJsonObject("default"));
        if (response == null) {
            return List.of("status " + status + " is not documented (documented: " + responses.fieldNames() + ")");
        }
        response = follow(response);
        JsonObject content = response.getJsonObject("content");
        String type = mediaType(contentType);
        if (content == null || body == null || body.isEmpty() || type == null || !type.endsWith("json")) {
            return List.of();
        }
        JsonObject media = content.getJsonObject(type);
        if (media == null) {
            return List.of("media type " + type + " is not documented for " + status + " (documented: "
                    + content.fieldNames() + ")");
        }
        JsonObject schema = media.getJsonObject("schema");
        if (schema == null) {
            return List.of();
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException e) {
            return List.of("the " + type + " body is not JSON: " + e.getMessage());
        }
        OutputUnit result = schemas.validator(JsonSchema.of(schema)).validate(value);
        if (result.getValid()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        collect(result, out);
        return out.isEmpty() ? List.of("the body does not match the " + status + " schema") : out;
    }

    private JsonObject follow(JsonObject response) {
        String ref = response.getString("$ref");
        if (ref == null) {
            return response;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return contract.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }

    /** The leaf errors: applicators' summaries ("a subschema had errors") only repeat them. */
    private static void collect(OutputUnit unit, List<String> out) {
        if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
            unit.getErrors().forEach(e -> collect(e, out));
        } else if (unit.getError() != null && !APPLICATORS.contains(keyword(unit.getKeywordLocation()))) {
            out.add(unit.getInstanceLocation() + ": " + unit.getError());
        }
    }

    private static String keyword(String location) {
        return location == null ? "" : location.substring(location.lastIndexOf('/') + 1);
    }

    private static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
