package io.carbonx.chain.core.pbft.sim;

import io.carbonx.chain.core.pbft.Action;
import io.carbonx.chain.core.pbft.PbftReplica;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.List;

/** A validator process in the simulation: an honest replica or a byzantine wrapper around one. */
interface SimActor {

    List<Action> onMessage(SignedMessage<?> message, long nowMs);

    List<Action> onTick(long nowMs);

    /** The (inner) replica. */
    PbftReplica replica();

    /** An honest validator: its replica's actions, untouched. */
    static SimActor honest(PbftReplica replica) {
        return new SimActor() {
            @Override
            public List<Action> onMessage(SignedMessage<?> message, long nowMs) {
                return replica.onMessage(message, nowMs);
            }

            @Override
            public List<Action> onTick(long nowMs) {
                return replica.onTick(nowMs);
            }

            @Override
            public PbftReplica replica() {
                return replica;
            }
        };
    }
}
