package io.carbonx.chain.core.pbft.message;

import io.carbonx.chain.core.ByteWriter;

/**
 * The signed content of a PBFT message (Besu's "payload"). Its canonical encoding is the type tag
 * followed by {@link #writeBody}; see {@link PayloadCodec}.
 */
public sealed interface Payload
        permits PrePrepare, Prepare, Commit, Checkpoint, ViewChange, NewView, Status, BlockRequest, BlockResponse {

    /** The message type. */
    MessageType type();

    /** Writes the fields after the type tag. */
    void writeBody(ByteWriter w);
}
