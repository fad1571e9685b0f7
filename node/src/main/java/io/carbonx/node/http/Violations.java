package io.carbonx.node.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.carbonx.node.http.RequestValidation.Violation;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Turns a vertx-openapi validation failure into {@link Violation}s: the JSON pointer into the request
 * ({@code /body<instance location>}, {@code /path/<name>}, {@code /query/<name>}, {@code /header/<name>}), the
 * violated keyword, and the message. A parameter is identified by the "{@code <in> parameter <name>}" that
 * vertx-openapi puts in every parameter error message; anything else concerns the body.
 */
final class Violations {

    private static final Set<String> APPLICATORS = Set.of("properties", "items", "prefixItems", "$ref", "allOf",
            "anyOf", "oneOf", "not", "then", "else", "patternProperties", "dependentSchemas", "schema");

    private Violations() {
    }

    /**
     * @param failure what the validator failed with
     * @param op      the operation validated
     * @return at least one violation
     */
    static List<Violation> of(Throwable failure, Operation op) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        String where = locate(message, op);
        List<Violation> out = new ArrayList<>();
        if (failure instanceof SchemaValidationException s && s.getOutputUnit() != null) {
            collect(s.getOutputUnit(), where, out);
        }
        List<Violation> precise = precise(out);
        if (precise.isEmpty()) {
            precise.add(new Violation(where, rule(failure), message));
        }
        return precise;
    }

    /**
     * Drops what only repeats a more precise violation: an applicator's summary ("property x does not match
     * schema") and a format complaint about a value of the wrong type.
     */
    private static List<Violation> precise(List<Violation> all) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : all) {
            boolean summary = APPLICATORS.contains(v.rule()) && all.stream().anyMatch(o -> !APPLICATORS.contains(o.rule()));
            boolean formatOfWrongType = v.rule().equals("format") && all.stream()
                    .anyMatch(o -> o.rule().equals("type") && o.pointer().equals(v.pointer()));
            if (!summary && !formatOfWrongType) {
                out.add(v);
            }
        }
        return out.isEmpty() ? new ArrayList<>(all) : out;
    }

    private static void collect(OutputUnit unit, String where, List<Violation> out) {
        List<OutputUnit> errors = unit.getErrors();
        if (errors != null && !errors.isEmpty()) {
            errors.forEach(e -> collect(e, where, out));
            return;
        }
        if (unit.getError() == null) {
            return;
        }
        String instance = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        if (instance.startsWith("#")) {
            instance = instance.substring(1);
        }
        String pointer = where.equals("/body") ? where + instance : where;
        out.add(new Violation(pointer, keyword(unit.getKeywordLocation()), unit.getError()));
    }

    private static String locate(String message, Operation op) {
        for (Parameter p : op.getParameters()) {
            String in = p.getIn().name().toLowerCase(Locale.ROOT);
            if (message.contains(in + " parameter " + p.getName())) {
                return "/" + in + "/" + p.getName();
            }
        }
        return "/body";
    }

    private static String keyword(String keywordLocation) {
        if (keywordLocation == null || keywordLocation.isEmpty()) {
            return "schema";
        }
        int slash = keywordLocation.lastIndexOf('/');
        return slash < 0 ? keywordLocation : keywordLocation.substring(slash + 1);
    }

    private static String rule(Throwable failure) {
        if (!(failure instanceof ValidatorException v)) {
            return "json";
        }
        return switch (v.type()) {
            case MISSING_REQUIRED_PARAMETER -> "required";
            case INVALID_VALUE_FORMAT, UNSUPPORTED_VALUE_FORMAT -> "style";
            case ILLEGAL_VALUE -> "json";
            default -> "schema";
        };
    }
}
