package io.carbonx.node.demo.check;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of the demo.
 *
 * @param name   what was checked (stable, used as a key in the summary)
 * @param status PASSED, FAILED, or SKIPPED (a feature this build does not have; the detail says which and why)
 * @param detail what was established, or why it failed or was skipped
 * @param problems every problem found (empty unless FAILED)
 */
public record CheckResult(String name, Status status, String detail, List<String> problems) {

    /** Outcome. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /** Checks and copies. */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        problems = List.copyOf(problems);
    }

    /** Passed. */
    public static CheckResult passed(String name, String detail) {
        return new CheckResult(name, Status.PASSED, detail, List.of());
    }

    /** Failed with the problems found (at least one). */
    public static CheckResult failed(String name, String detail, List<String> problems) {
        return new CheckResult(name, Status.FAILED, detail, problems.isEmpty() ? List.of(detail) : problems);
    }

    /** Skipped, with the reason (a missing feature). */
    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, Status.SKIPPED, reason, List.of());
    }

    /** Passed if {@code problems} is empty, else failed. */
    public static CheckResult of(String name, List<String> problems, String passDetail, String failDetail) {
        return problems.isEmpty() ? passed(name, passDetail) : failed(name, failDetail, problems);
    }

    /** One line: {@code [PASSED] name: detail}. */
    public String render() {
        return String.format("[%s] %s: %s", status, name, detail);
    }
}
