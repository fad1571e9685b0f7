package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An entry of a validator's durable vote log. A replica restarted with its records never signs a
 * vote that conflicts with one it signed before, and still holds the prepared certificates and
 * stable checkpoint its VIEW-CHANGE messages must carry.
 */
public sealed interface VoteRecord {

    /** A vote this replica signed (PRE-PREPARE, PREPARE, COMMIT, VIEW-CHANGE or NEW-VIEW). */
    record SentVote(SignedMessage<?> message) implements VoteRecord {
        /** Rejects nulls. */
        public SentVote {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A certificate proving this replica prepared (view, height, digest); persisted before its COMMIT. */
    record Prepared(PreparedCertificate certificate) implements VoteRecord {
        /** Rejects nulls. */
        public Prepared {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** A stable checkpoint; persisted before the log is truncated to it. */
    record StableCheckpoint(CheckpointProof proof) implements VoteRecord {
        /** Rejects nulls. */
        public StableCheckpoint {
            Objects.requireNonNull(proof, "proof");
        }
    }

    /**
     * What survives {@link Action.TruncateVotes}: the newest stable checkpoint, prepared
     * certificates and normal-case votes above {@code stableHeight}, and the newest VIEW-CHANGE and
     * NEW-VIEW.
     */
    static List<VoteRecord> retain(List<VoteRecord> records, long stableHeight) {
        long maxVc = -1;
        long maxNv = -1;
        long maxStable = -1;
        for (VoteRecord r : records) {
            if (r instanceof SentVote s && s.message().payload() instanceof ViewChange vc) {
                maxVc = Math.max(maxVc, vc.newView());
            } else if (r instanceof SentVote s && s.message().payload() instanceof NewView nv) {
                maxNv = Math.max(maxNv, nv.view());
            } else if (r instanceof StableCheckpoint c) {
                maxStable = Math.max(maxStable, c.proof().height());
            }
        }
        List<VoteRecord> out = new ArrayList<>();
        for (VoteRecord r : records) {
            if (keep(r, stableHeight, maxVc, maxNv, maxStable)) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean keep(VoteRecord r, long stable, long maxVc, long maxNv, long maxStable) {
        if (r instanceof StableCheckpoint c) {
            return c.proof().height() == maxStable;
        }
        if (r instanceof Prepared p) {
            return p.certificate().height() > stable;
        }
        Payload payload = ((SentVote) r).message().payload();
        if (payload instanceof ViewChange vc) {
            return vc.newView() == maxVc;
        }
        if (payload instanceof NewView nv) {
            return nv.view() == maxNv;
        }
        return heightOf(payload) > stable;
    }

    private static long heightOf(Payload p) {
        if (p instanceof PrePrepare pp) {
            return pp.height();
        }
        if (p instanceof Prepare pr) {
            return pr.height();
        }
        if (p instanceof Commit c) {
            return c.height();
        }
        return Long.MAX_VALUE;
    }

    /** Canonical bytes: tag (1 sent vote, 2 prepared, 3 stable checkpoint) then the content. */
    static byte[] encode(VoteRecord record) {
        ByteWriter w = new ByteWriter();
        if (record instanceof SentVote s) {
            w.u8(1);
            s.message().writeTo(w);
        } else if (record instanceof Prepared p) {
            w.u8(2);
            p.certificate().writeTo(w);
        } else {
            w.u8(3);
            ((StableCheckpoint) record).proof().writeTo(w);
        }
        return w.toByteArray();
    }

    /** Inverse of {@link #encode}. */
    static VoteRecord decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        VoteRecord record = switch (r.u8()) {
            case 1 -> new SentVote(SignedMessage.readFrom(r));
            case 2 -> new Prepared(PreparedCertificate.readFrom(r));
            case 3 -> new StableCheckpoint(CheckpointProof.readFrom(r));
            default -> throw new DecodeException("unknown vote record tag");
        };
        r.expectEnd();
        return record;
    }
}
