package io.carbonx.chain.runtime;

import java.util.Set;

/**
 * A snapshot of one validator, for health and metrics.
 *
 * @param id validator id
 * @param running true while the driver runs
 * @param failure why it stopped on its own, or null
 * @param height committed height
 * @param headTimeMs time of the committed head block (0 before the first)
 * @param view current view (or the last entered one while changing)
 * @param viewChanging true while a view change is in progress
 * @param primary primary of {@link #view}
 * @param unanchoredEvents events read but not yet in a committed block
 * @param feedLag records in the log not yet read (-1 unknown)
 * @param connectedPeers validators this one can send to
 * @param droppedMessages inbound messages dropped because the inbox was full
 */
public record ValidatorStatus(int id, boolean running, String failure, long height, long headTimeMs, long view,
                              boolean viewChanging,
                              int primary, long unanchoredEvents, long feedLag, Set<Integer> connectedPeers,
                              long droppedMessages) {
}
