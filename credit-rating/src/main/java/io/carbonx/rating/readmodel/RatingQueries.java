package io.carbonx.rating.readmodel;

import java.util.List;
import java.util.Optional;

/**
 * Read access to published ratings. Implementations are thread-safe and answer from memory (never block on I/O).
 * Access control is not theirs: see {@code io.carbonx.rating.api.RatingAccessPolicy}.
 */
public interface RatingQueries {

    /** @return the participant's latest rating, if it was ever rated */
    Optional<RatingView> current(String participantId);

    /** @return every rating change of the participant, oldest first; empty if never rated */
    List<RatingView> history(String participantId);

    /** @return the latest rating of every rated participant, sorted by participant id */
    List<RatingView> all();
}
