package io.carbonx.chain.transport;

import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.Set;

/**
 * How a validator's driver reaches the other validators. Sending never blocks and may drop (PBFT
 * retransmits); delivery is asynchronous, to the receiving validator's {@link InboundHandler}. Nothing a
 * transport delivers is trusted: the replica verifies every signature.
 */
public interface PeerTransport extends AutoCloseable {

    /** Sends {@code message} to validator {@code to}. */
    void send(int to, SignedMessage<?> message);

    /** Sends {@code message} to every other validator. */
    void broadcast(SignedMessage<?> message);

    /** Validators this endpoint currently has a working connection to (sending side). */
    Set<Integer> connectedPeers();

    /** Stops sending and receiving; idempotent. */
    @Override
    void close();
}
