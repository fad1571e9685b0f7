package io.carbonx.node.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.carbonx.registry.api.Problems;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates every request under {@code /api/} against the OpenAPI contract ({@link HttpApi#OPENAPI_RESOURCE})
 * before any route handler runs. Order: 404/405 (unknown path or method), then 401 (the bearer token of a
 * non-open operation, when installed with the node's {@link ApiSecurity}), then 400/415 (the request against the
 * operation's schemas), then the route's own access rule (403) and handler. Contract:
 * <ul>
 *   <li>no path of the contract matches: 404 {@code NOT_FOUND}; the path exists without that method: 405
 *       {@code METHOD_NOT_ALLOWED} with an {@code Allow} header;</li>
 *   <li>an operation with an {@code application/json} body: the body is read (at most
 *       {@link HttpApi#MAX_BODY_BYTES}, else 413), a non-empty body of another media type is 415
 *       {@code UNSUPPORTED_MEDIA_TYPE};</li>
 *   <li>path and query parameters and the JSON body are validated with vertx-openapi's {@link RequestValidator}
 *       against the operation's schemas; any failure is 400 {@code REQUEST_INVALID} whose {@code violations}
 *       name a JSON pointer ({@code /body/...}, {@code /path/<name>}, {@code /query/<name>}), the violated
 *       keyword ({@code rule}) and a message; the route handler never runs;</li>
 *   <li>an operation whose body is not JSON (the evidence bundle upload): its parameters are validated, its
 *       body is not read here: the route reads and checks it after authentication.</li>
 * </ul>
 * Every refusal is {@code application/problem+json} ({@link Problems}).
 */
public final class RequestValidation {

    /** Problem reason: no operation at this path. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** Problem reason: the path exists, the method does not. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** Problem reason: a body of a media type the operation does not take. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    /** Problem reason: parameters or body violate the operation's schemas. */
    public static final String REQUEST_INVALID = "REQUEST_INVALID";

    private static final String JSON = "application/json";
    private static final String OPERATION_KEY = "carbonx.operation";
    private static final String BINARY_BODY = "x-carbonx-binary-body";

    private final OpenAPIContract contract;
    private final RequestValidator validator;
    private final BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(HttpApi.MAX_BODY_BYTES);

    private RequestValidation(OpenAPIContract contract, RequestValidator validator) {
        this.contract = contract;
        this.validator = validator;
    }

    /**
     * Loads and resolves the checked-in contract.
     *
     * @param vertx the node's Vert.x
     * @return the validation, or a failed future if the contract is not a valid OpenAPI 3.1 document
     */
    public static Future<RequestValidation> load(Vertx vertx) {
        JsonObject raw;
        try {
            raw = contractJson();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return OpenAPIContract.from(vertx, requestView(raw))
                .map(CompiledContract::of)
                .map(c -> new RequestValidation(c, RequestValidator.create(vertx, c)));
    }

    /** @return the checked-in contract as JSON (the YAML document, keys as strings) */
    public static JsonObject contractJson() {
        try (InputStream in = RequestValidation.class.getClassLoader().getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + HttpApi.OPENAPI_RESOURCE + " is missing");
            }
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new JsonObject(normalise(doc).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The part of the contract that requests are validated against: the document without its responses (this
     * class validates requests only, and vertx-openapi refuses response media types it cannot validate, such as
     * {@code application/problem+json} or {@code application/yaml}), and with request media types other than
     * JSON dropped (those bodies are the route's to check).
     *
     * @param contract the full contract
     * @return a copy fit for vertx-openapi's {@link OpenAPIContract}
     */
    static JsonObject requestView(JsonObject contract) {
        JsonObject view = contract.copy();
        JsonObject components = view.getJsonObject("components");
        if (components != null) {
            components.remove("responses");
        }
        JsonObject paths = view.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!(item.getValue(method) instanceof JsonObject op)) {
                    continue;
                }
                op.put("responses", new JsonObject().put("default", new JsonObject().put("description",
                        "see the published contract")));
                JsonObject content = op.getJsonObject("requestBody", new JsonObject()).getJsonObject("content");
                if (content != null) {
                    content.fieldNames().removeIf(type -> !JSON.equals(type));
                    if (content.isEmpty()) {
                        op.remove("requestBody");
                        op.put(BINARY_BODY, true);
                    }
                }
            }
        }
        return view;
    }

    /** @return the resolved contract */
    public OpenAPIContract contract() {
        return contract;
    }

    /**
     * Installs the validation on {@code /api/*}; call before any {@code /api} route is mounted.
     *
     * @param router the node's router
     */
    public void install(Router router) {
        install(router, null);
    }

    /**
     * Installs the validation on {@code /api/*}, authenticating the bearer token of every operation that is not
     * open before its parameters and body are validated (so a request without a valid token is 401 whatever it
     * carries); the routes' own access rules (authorisation, 403) run after validation. Call before any
     * {@code /api} route is mounted.
     *
     * @param router   the node's router
     * @param security the node's API security, or null when the node serves no authenticated route
     */
    public void install(Router router, ApiSecurity security) {
        router.route("/api/*").handler(this::resolve);
        if (security != null) {
            Handler<RoutingContext> authenticate = security.authenticate();
            router.route("/api/*").handler(ctx -> {
                if (isOpen(ctx.get(OPERATION_KEY))) {
                    ctx.next();
                } else {
                    authenticate.handle(ctx);
                }
            });
        }
        router.route("/api/*").handler(this::validate);
    }

    /** An operation is open when its x-carbonx-roles say {@code open} or its security is empty. */
    static boolean isOpen(Operation op) {
        JsonObject model = op.getOpenAPIModel();
        JsonArray roles = model.getJsonArray("x-carbonx-roles");
        if (roles != null) {
            return roles.contains("open");
        }
        JsonArray security = model.getJsonArray("security");
        return security != null && security.isEmpty();
    }

    private void resolve(RoutingContext ctx) {
        String path = ctx.request().path();
        Operation op = contract.findOperation(path, ctx.request().method());
        if (op == null) {
            Path p = contract.findPath(path);
            if (p == null) {
                Problems.send(ctx, 404, NOT_FOUND, "no operation at " + path, null);
            } else {
                String allow = p.getOperations().stream().map(o -> o.getHttpMethod().name())
                        .collect(Collectors.joining(", "));
                ctx.response().putHeader("Allow", allow);
                Problems.send(ctx, 405, METHOD_NOT_ALLOWED, ctx.request().method() + " is not supported on "
                        + path + " (allowed: " + allow + ")", null);
            }
            return;
        }
        ctx.put(OPERATION_KEY, op);
        if (op.getOpenAPIModel().getBoolean(BINARY_BODY, false)) {
            // the route reads this body itself (after authentication): keep it unread across the async validation
            ctx.request().pause();
            ctx.next();
        } else {
            // read before validating asynchronously, so that no body arrives unread meanwhile
            jsonBody.handle(ctx);
        }
    }

    private void validate(RoutingContext ctx) {
        Operation op = ctx.get(OPERATION_KEY);
        Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        RequestBody spec = op.getRequestBody();
        if (spec != null) {
            String type = mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
            if (body.length() == 0 && spec.isRequired()) {
                reject(ctx, op, List.of(Violation.of("/body", "required", "the request body is required")));
                return;
            }
            if (body.length() > 0 && !JSON.equals(type)) {
                Problems.send(ctx, 415, UNSUPPORTED_MEDIA_TYPE, op.getOperationId() + " takes " + JSON
                        + ", not " + (type == null ? "an untyped body" : type), null);
                return;
            }
        }
        RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture(body))
                .compose(request -> validator.validate(request, op.getOperationId()))
                .onSuccess(valid -> ctx.next())
                .onFailure(e -> reject(ctx, op, Violations.of(e, op)));
    }

    private static void reject(RoutingContext ctx, Operation op, List<Violation> violations) {
        JsonArray list = new JsonArray();
        violations.forEach(v -> list.add(v.toJson()));
        String detail = violations.stream().map(v -> v.pointer() + ": " + v.message())
                .collect(Collectors.joining("; "));
        Problems.send(ctx, 400, REQUEST_INVALID, "the request does not match " + op.getOperationId() + ": " + detail,
                new JsonObject().put("operationId", op.getOperationId()).put("violations", list));
    }

    private static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static Object normalise(Object yaml) {
        if (yaml instanceof Map<?, ?> map) {
            JsonObject out = new JsonObject();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        }
        if (yaml instanceof List<?> list) {
            JsonArray out = new JsonArray();
            list.forEach(v -> out.add(normalise(v)));
            return out;
        }
        return yaml;
    }

    /**
     * One violated rule.
     *
     * @param pointer JSON pointer into the request: {@code /body/...}, {@code /path/<name>}, {@code /query/<name>}
     * @param rule    the violated keyword ({@code required}, {@code type}, {@code minimum}, {@code pattern},
     *                {@code enum}, ...; {@code json} for an undecodable body, {@code style} for a parameter that
     *                cannot be parsed)
     * @param message what was wrong
     */
    public record Violation(String pointer, String rule, String message) {
        /** Checks. */
        public Violation {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }

        static Violation of(String pointer, String rule, String message) {
            return new Violation(pointer, rule, message);
        }

        JsonObject toJson() {
            return new JsonObject().put("pointer", pointer).put("rule", rule).put("message", message);
        }
    }
}
