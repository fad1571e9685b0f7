package io.carbonx.exchange.core.matching;

/**
 * A command failed validation and changed nothing.
 *
 * @param command       the kind of command rejected
 * @param orderId       the command's order id, or null for commands without one
 * @param participantId the command's participant id, or null for commands without one
 * @param reason        the first rule broken
 */
public record OrderRejected(String instrumentId, CommandKind command, String orderId, String participantId,
                            RejectReason reason, long timeMs) implements MatchEvent {
}
