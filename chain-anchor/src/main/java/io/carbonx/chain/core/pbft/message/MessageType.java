package io.carbonx.chain.core.pbft.message;

/** The PBFT message types with their one-byte wire tags (first byte of every payload encoding). */
public enum MessageType {
    /** Primary's proposal of a block for (view, height). */
    PRE_PREPARE(1, PrePrepare.class),
    /** Backup's agreement to a proposal's digest. */
    PREPARE(2, Prepare.class),
    /** Vote that (view, height, digest) is prepared; its signature is part of the block's certificate. */
    COMMIT(3, Commit.class),
    /** Committed state at a checkpoint height. */
    CHECKPOINT(4, Checkpoint.class),
    /** Request to move to a new view, carrying the stable checkpoint and prepared certificates. */
    VIEW_CHANGE(5, ViewChange.class),
    /** New primary's proof of 2f+1 view changes and the re-issued pre-prepares. */
    NEW_VIEW(6, NewView.class),
    /** Periodic heartbeat: view and committed height (lets lagging validators notice). */
    STATUS(7, Status.class),
    /** Asks a peer for committed blocks from a height. */
    BLOCK_REQUEST(8, BlockRequest.class),
    /** Committed blocks with their commit certificates. */
    BLOCK_RESPONSE(9, BlockResponse.class);

    private final int tag;
    private final Class<? extends Payload> payloadClass;

    MessageType(int tag, Class<? extends Payload> payloadClass) {
        this.tag = tag;
        this.payloadClass = payloadClass;
    }

    /** The payload record of this type. */
    public Class<? extends Payload> payloadClass() {
        return payloadClass;
    }

    /** The wire tag. */
    public int tag() {
        return tag;
    }

    /** The type with {@code tag}, or null. */
    public static MessageType ofTag(int tag) {
        for (MessageType t : values()) {
            if (t.tag == tag) {
                return t;
            }
        }
        return null;
    }
}
