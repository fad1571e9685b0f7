package io.carbonx.chain.evidence;

import io.carbonx.chain.core.merkle.InclusionProof;
import java.util.Objects;

/**
 * An event as anchored: its exact stored bytes (single-object Avro), the height of the committed block holding it
 * and its RFC 9162 inclusion proof against that block's Merkle root.
 *
 * @param location where it is stored
 * @param bytes    the exact stored bytes (the Merkle leaf data)
 * @param height   the block height
 * @param proof    leaf index, tree size, audit path
 */
public record AnchoredEvent(EventLocation location, byte[] bytes, long height, InclusionProof proof) {

    /** Copies the bytes; rejects nulls. */
    public AnchoredEvent {
        Objects.requireNonNull(location, "location");
        bytes = bytes.clone();
        Objects.requireNonNull(proof, "proof");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
