package io.carbonx.rating.core;

/**
 * One decaying negative fact of a participant.
 *
 * @param factor  the NEGATIVE factor it counts towards
 * @param eventId the fact's event id
 * @param timeMs  its effective logical time (decay starts here)
 * @param points  its undecayed points, in [1, 2^20]
 */
record NegativeEntry(Factor factor, String eventId, long timeMs, int points) {
}
