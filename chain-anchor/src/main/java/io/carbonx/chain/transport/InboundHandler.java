package io.carbonx.chain.transport;

import io.carbonx.chain.core.pbft.message.SignedMessage;

/** Receives the messages a transport delivers; must not block (the driver queues them). */
@FunctionalInterface
public interface InboundHandler {

    /** A message that arrived; not yet authenticated. */
    void onMessage(SignedMessage<?> message);
}
