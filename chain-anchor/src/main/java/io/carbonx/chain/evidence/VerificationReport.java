package io.carbonx.chain.evidence;

import java.util.List;

/**
 * The outcome of {@link EvidenceVerifier#verify}: every check with pass/fail and its reason.
 *
 * @param checks      the checks in the order they ran
 * @param subject     the subject {@code BUNDLE.txt} names, or null if unreadable
 * @param eventCount  events in the bundle (0 if unreadable)
 * @param latestHeight the latest block in the bundle, or -1
 */
public record VerificationReport(List<Check> checks, String subject, int eventCount, long latestHeight) {

    /** Copies the list. */
    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** True when there is at least one check and every check passed. */
    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** The failed checks. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** One line per check, then a verdict line. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Check c : checks) {
            b.append(c).append('\n');
        }
        b.append(valid() ? "VALID" : "INVALID").append(": ").append(checks.size() - failures().size()).append(" of ")
                .append(checks.size()).append(" checks passed");
        if (subject != null) {
            b.append(" (").append(subject).append(", ").append(eventCount).append(" events, latest block ")
                    .append(latestHeight).append(')');
        }
        return b.append('\n').toString();
    }
}
