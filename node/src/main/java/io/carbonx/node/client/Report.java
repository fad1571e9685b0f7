package io.carbonx.node.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a verification: checks in the order they ran, each passed (with what was established) or failed
 * (with why), plus notes. Valid iff no check failed and at least one ran.
 */
public final class Report {

    /** One line. */
    public record Line(Status status, String check, String detail) {
        /** {@code [ OK ] check: detail}. */
        public String render() {
            return "[" + status.tag + "] " + check + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** Line status. */
    public enum Status {
        PASS(" OK "), FAIL("FAIL"), NOTE("note");

        private final String tag;

        Status(String tag) {
            this.tag = tag;
        }
    }

    private final List<Line> lines = new ArrayList<>();

    /** Records a passed check. */
    public void pass(String check, String detail) {
        lines.add(new Line(Status.PASS, check, detail));
    }

    /** Records a failed check. */
    public void fail(String check, String detail) {
        lines.add(new Line(Status.FAIL, check, detail));
    }

    /** Records a note (neither pass nor fail). */
    public void note(String check, String detail) {
        lines.add(new Line(Status.NOTE, check, detail));
    }

    /** Passes or fails. */
    public void check(boolean ok, String check, String passDetail, String failDetail) {
        if (ok) {
            pass(check, passDetail);
        } else {
            fail(check, failDetail);
        }
    }

    /** Every line. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The failed lines. */
    public List<Line> failures() {
        return lines.stream().filter(l -> l.status() == Status.FAIL).toList();
    }

    /** Number of passed checks. */
    public long passed() {
        return lines.stream().filter(l -> l.status() == Status.PASS).count();
    }

    /** True iff something was checked and nothing failed. */
    public boolean valid() {
        return failures().isEmpty() && passed() > 0;
    }
}
