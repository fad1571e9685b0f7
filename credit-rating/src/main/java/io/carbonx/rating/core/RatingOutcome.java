package io.carbonx.rating.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one input: either accepted, with the rating changes it caused (possibly none), or rejected with a
 * reason, having changed nothing.
 *
 * @param changes   the changes in emission order; empty when rejected
 * @param rejection the reason, or null when accepted
 * @param detail    a human-readable explanation of the rejection, or "" when accepted
 */
public record RatingOutcome(List<RatingChange> changes, RejectReason rejection, String detail) {

    /** Copies {@code changes}; a rejection carries no changes. */
    public RatingOutcome {
        changes = List.copyOf(changes);
        Objects.requireNonNull(detail, "detail");
        if (rejection != null && !changes.isEmpty()) {
            throw new IllegalArgumentException("a rejection carries no changes");
        }
    }

    static RatingOutcome accepted(List<RatingChange> changes) {
        return new RatingOutcome(changes, null, "");
    }

    static RatingOutcome rejected(RejectReason reason, String detail) {
        return new RatingOutcome(List.of(), Objects.requireNonNull(reason), detail);
    }

    /** @return whether the input was applied */
    public boolean isAccepted() {
        return rejection == null;
    }

    /** @return the rejection reason, if rejected */
    public Optional<RejectReason> rejectionReason() {
        return Optional.ofNullable(rejection);
    }
}
