package io.carbonx.exchange.core.gateway;

import io.carbonx.events.RequestRejected;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the gateway does with a request: publish an event, answer a repeat with its first result, or refuse.
 *
 * @param outcome     which of the three
 * @param event       the event to publish on {@code carbonx.orders.submitted} (PUBLISH), else null
 * @param orderId     the exchange order id (PUBLISH of an order or replace, DUPLICATE), else null
 * @param sequence    the request's sequence number
 * @param firstResult the first result (DUPLICATE), else null
 * @param reason      the refusal reason (REJECT), else null
 * @param detail      the refusal detail (REJECT), else ""
 * @param rejection   the RequestRejected to publish on {@code carbonx.rejections} (REJECT), else null
 */
public record GatewayDecision(Outcome outcome, SpecificRecord event, String orderId, long sequence,
                              SubmittedState.FirstResult firstResult, GatewayReason reason, String detail,
                              RequestRejected rejection) {

    /** The three outcomes. */
    public enum Outcome {
        /** Publish the event; answer 202. */
        PUBLISH,
        /** A repeated client order id: answer the first result; publish nothing. */
        DUPLICATE,
        /** Refused: publish the rejection only; answer the reason's 4xx. */
        REJECT
    }

    static GatewayDecision publish(SpecificRecord event, String orderId, long sequence) {
        return new GatewayDecision(Outcome.PUBLISH, event, orderId, sequence, null, null, "", null);
    }

    static GatewayDecision duplicate(SubmittedState.FirstResult first) {
        return new GatewayDecision(Outcome.DUPLICATE, null, first.orderId(), first.sequence(), first, null, "", null);
    }

    static GatewayDecision reject(GatewayReason reason, String detail, RequestRejected rejection) {
        return new GatewayDecision(Outcome.REJECT, null, null, rejection.getSequence() == null ? 0
                : rejection.getSequence(), null, reason, detail, rejection);
    }
}
