package io.carbonx.chain.evidence;

import java.util.ArrayList;
import java.util.List;

/** Collects checks; in stop-at-first-failure mode, the first failure ends the verification. */
final class Checks {

    /** Thrown after the first failure in stop-at-first-failure mode. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final List<Check> list = new ArrayList<>();
    private final boolean stopAtFirstFailure;

    Checks(boolean stopAtFirstFailure) {
        this.stopAtFirstFailure = stopAtFirstFailure;
    }

    void pass(String name, String detail) {
        list.add(new Check(name, true, null, detail));
    }

    void fail(String name, VerificationFailure reason, String detail) {
        list.add(new Check(name, false, reason, detail));
        if (stopAtFirstFailure) {
            throw new Stop();
        }
    }

    /** Records a pass or a failure; returns {@code ok}. */
    boolean check(boolean ok, String name, VerificationFailure reason, String passDetail, String failDetail) {
        if (ok) {
            pass(name, passDetail);
        } else {
            fail(name, reason, failDetail);
        }
        return ok;
    }

    boolean anyFailed() {
        return list.stream().anyMatch(c -> !c.passed());
    }

    List<Check> list() {
        return list;
    }
}
