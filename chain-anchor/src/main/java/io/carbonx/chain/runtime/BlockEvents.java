package io.carbonx.chain.runtime;

import io.carbonx.chain.CommitSignature;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.ViewChanged;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Committed blocks as events on {@code carbonx.chain.blocks}, and back.
 *
 * <p>A {@link BlockCommitted} carries the header (the contract's Avro header, whose single-object encoding
 * is the block's canonical bytes), the block hash, the view, and one {@link CommitSignature} per
 * certificate signer, sorted by validator id: the validator's participant id, its certificate serial, the
 * JCA algorithm and the signature. The signature covers the PBFT COMMIT's signing bytes, which contain the
 * block hash:
 * <pre>
 * "CXPBFT" ‖ 0x01 ‖ u16 len(chainId) ‖ chainId (UTF-8) ‖ 0x03 ‖ i64 view ‖ i64 height ‖ blockHash (32 bytes)
 * </pre>
 * (integers big-endian), so anyone holding the validators' certificates can rebuild the signed bytes from
 * the event and check each signature. The event id is {@code block-<chainId>-<height>}: one per height.
 */
public final class BlockEvents {

    /** Actor of the events the chain publishes. */
    public static final String ACTOR = "chain-anchor";

    private BlockEvents() {
    }

    /** Event id of the block at {@code height}. */
    public static String blockEventId(String chainId, long height) {
        return "block-" + chainId + "-" + height;
    }

    /** Event id of the move to {@code view}. */
    public static String viewEventId(String chainId, long view) {
        return "view-" + chainId + "-" + view;
    }

    /** The event for {@code block}; the certificate's signers must be roster members. */
    public static BlockCommitted toEvent(CommittedBlock block, ValidatorRoster roster) {
        BlockHeader h = block.header();
        List<SignedMessage<Commit>> commits = new ArrayList<>(block.certificate().commits());
        commits.sort((a, b) -> Integer.compare(a.author(), b.author()));
        List<CommitSignature> signatures = new ArrayList<>(commits.size());
        for (SignedMessage<Commit> c : commits) {
            ValidatorRoster.Member m = roster.member(c.author());
            signatures.add(new CommitSignature(m.participantId(), m.serialHex(), m.algorithm(),
                    ByteBuffer.wrap(c.signature())));
        }
        long view = commits.isEmpty() ? 0 : commits.get(0).payload().view();
        EventEnvelope envelope = new EventEnvelope(blockEventId(h.chainId(), h.height()), "BlockCommitted", null,
                h.timeMs(), ACTOR);
        return new BlockCommitted(envelope, h.toAvro(), ByteBuffer.wrap(h.hash().bytes()), view, signatures);
    }

    /**
     * The committed block an event describes. Nothing is verified here beyond the structure (the replica
     * verifies the certificate): the header must be well formed, the stated hash must be the header's, and
     * every signer must be a roster member.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CommittedBlock fromEvent(BlockCommitted event, ValidatorRoster roster) {
        BlockHeader header = BlockHeader.fromAvro(event.getHeader());
        Digest stated = Digest.of(bytes(event.getBlockHash()));
        if (!stated.equals(header.hash())) {
            throw new IllegalArgumentException("block " + header.height() + ": stated hash differs from the header's");
        }
        List<SignedMessage<Commit>> commits = new ArrayList<>();
        for (CommitSignature s : event.getCommitSignatures()) {
            OptionalInt author = roster.idOfParticipant(s.getValidatorId());
            if (author.isEmpty()) {
                throw new IllegalArgumentException("block " + header.height() + ": signer " + s.getValidatorId()
                        + " is not a validator");
            }
            commits.add(new SignedMessage<>(new Commit(event.getView(), header.height(), header.hash()),
                    author.getAsInt(), bytes(s.getSignature())));
        }
        return new CommittedBlock(header, new CommitCertificate(commits));
    }

    /** The event for validators moving from {@code previousView} to {@code view}. */
    public static ViewChanged viewEvent(String chainId, long previousView, long view, int primary, long height,
                                        long timeMs, ValidatorRoster roster) {
        EventEnvelope envelope = new EventEnvelope(viewEventId(chainId, view), "ViewChanged", null, timeMs, ACTOR);
        return new ViewChanged(envelope, chainId, previousView, view, roster.member(primary).participantId(), height,
                "PRIMARY_TIMEOUT");
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
