package io.carbonx.rating.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.rating.core.config.ScorecardConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical binary encoding of a model's state, used for snapshots and the state hash. Big-endian
 * ({@link DataOutputStream}), enums by name, participants by ascending id, entries in application order, remembered
 * event ids by (time, id):
 * <pre>
 * "carbonx.rating.state" version:int configFingerprint:utf
 * windowClock:long idCount:int (time:long id:utf)*
 * participantCount:int ( id:utf firstSeen:long last:long status:utf settlements:long compliance:long
 *                        entryCount:int (factor:utf eventId:utf time:long points:int)*
 *                        published:bool [prevScore:int score:int prevGrade:utf grade:utf cause:utf time:long
 *                                        (factorPoints:int) for every Factor in declaration order] )*
 * </pre>
 * Decoding checks every value and the canonical order, so decode-then-encode returns the same bytes.
 */
final class StateCodec {

    private static final String MAGIC = "carbonx.rating.state";
    private static final int VERSION = 1;

    private StateCodec() {
    }

    static byte[] encode(ScorecardConfig config, Collection<ParticipantState> participants, EventIdWindow seen) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(config.fingerprint());
            out.writeLong(seen.clockMs());
            List<Map.Entry<Long, String>> ids = seen.entries();
            out.writeInt(ids.size());
            for (Map.Entry<Long, String> e : ids) {
                out.writeLong(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(participants.size());
            for (ParticipantState p : participants) {
                writeParticipant(out, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    private static void writeParticipant(DataOutputStream out, ParticipantState p) throws IOException {
        out.writeUTF(p.participantId);
        out.writeLong(p.firstSeenMs);
        out.writeLong(p.lastMs);
        out.writeUTF(p.status.name());
        out.writeLong(p.cleanSettlements);
        out.writeLong(p.cleanCompliance);
        out.writeInt(p.negatives().size());
        for (NegativeEntry e : p.negatives()) {
            out.writeUTF(e.factor().name());
            out.writeUTF(e.eventId());
            out.writeLong(e.timeMs());
            out.writeInt(e.points());
        }
        RatingChange c = p.published;
        out.writeBoolean(c != null);
        if (c != null) {
            out.writeInt(c.previousScore());
            out.writeInt(c.score());
            out.writeUTF(c.previousGrade().name());
            out.writeUTF(c.grade().name());
            out.writeUTF(c.causeEventId());
            out.writeLong(c.timeMs());
            for (Factor f : Factor.values()) {
                out.writeInt(c.breakdown().points(f));
            }
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Fills the (empty) {@code participants} and {@code seen} from {@code snapshot}. */
    static void decode(byte[] snapshot, ScorecardConfig config, Map<String, ParticipantState> participants,
            EventIdWindow seen) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            String magic = in.readUTF();
            require(MAGIC.equals(magic), SnapshotException.Reason.NOT_A_SNAPSHOT, "magic " + magic);
            int version = in.readInt();
            require(version == VERSION, SnapshotException.Reason.UNSUPPORTED_VERSION, "version " + version);
            String fingerprint = in.readUTF();
            require(fingerprint.equals(config.fingerprint()), SnapshotException.Reason.CONFIG_MISMATCH,
                    "snapshot config " + fingerprint + ", model config " + config.fingerprint());
            long clock = in.readLong();
            seen.restore(clock, readIds(in, clock));
            int count = count(in);
            String previousId = null;
            for (int i = 0; i < count; i++) {
                ParticipantState p = readParticipant(in);
                require(previousId == null || p.participantId.compareTo(previousId) > 0,
                        SnapshotException.Reason.MALFORMED, "participants not in ascending id order");
                participants.put(p.participantId, p);
                previousId = p.participantId;
            }
            require(in.read() == -1, SnapshotException.Reason.MALFORMED, "bytes after the end");
        } catch (EOFException e) {
            throw new SnapshotException(SnapshotException.Reason.TRUNCATED, "ends early");
        } catch (IOException e) {
            throw new SnapshotException(SnapshotException.Reason.MALFORMED, String.valueOf(e.getMessage()));
        }
    }

    private static List<Map.Entry<Long, String>> readIds(DataInputStream in, long clock) throws IOException {
        int count = count(in);
        List<Map.Entry<Long, String>> ids = new ArrayList<>();
        Map.Entry<Long, String> previous = null;
        for (int i = 0; i < count; i++) {
            Map.Entry<Long, String> e = Map.entry(in.readLong(), in.readUTF());
            require(e.getKey() >= 0 && e.getKey() <= clock, SnapshotException.Reason.MALFORMED, "id time " + e);
            require(previous == null || previous.getKey() < e.getKey()
                    || previous.getKey().equals(e.getKey()) && previous.getValue().compareTo(e.getValue()) < 0,
                    SnapshotException.Reason.MALFORMED, "event ids not in (time, id) order at " + e);
            ids.add(e);
            previous = e;
        }
        return ids;
    }

    private static ParticipantState readParticipant(DataInputStream in) throws IOException {
        String id = in.readUTF();
        long firstSeen = in.readLong();
        ParticipantState p = new ParticipantState(id, firstSeen);
        p.lastMs = in.readLong();
        require(firstSeen >= 0 && p.lastMs >= firstSeen, SnapshotException.Reason.MALFORMED, "times of " + id);
        p.status = name(AccountStatus.class, in.readUTF());
        p.cleanSettlements = in.readLong();
        p.cleanCompliance = in.readLong();
        require(p.cleanSettlements >= 0 && p.cleanCompliance >= 0, SnapshotException.Reason.MALFORMED,
                "counts of " + id);
        int entries = count(in);
        for (int i = 0; i < entries; i++) {
            NegativeEntry e = new NegativeEntry(name(Factor.class, in.readUTF()), in.readUTF(), in.readLong(),
                    in.readInt());
            require(e.factor().sign() == Factor.Sign.NEGATIVE && e.points() > 0
                    && e.points() <= Decay.MAX_ENTRY_POINTS && e.timeMs() >= firstSeen && e.timeMs() <= p.lastMs,
                    SnapshotException.Reason.MALFORMED, "entry " + e);
            p.addNegative(e);
        }
        byte published = in.readByte();
        require(published == 0 || published == 1, SnapshotException.Reason.MALFORMED, "published flag " + published);
        if (published == 1) {
            p.published = readChange(in, id);
        }
        return p;
    }

    private static RatingChange readChange(DataInputStream in, String id) throws IOException {
        int previousScore = in.readInt();
        int score = in.readInt();
        CreditGrade previousGrade = name(CreditGrade.class, in.readUTF());
        CreditGrade grade = name(CreditGrade.class, in.readUTF());
        String cause = in.readUTF();
        long time = in.readLong();
        EnumMap<Factor, Integer> points = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            points.put(f, in.readInt());
        }
        long total = 0;
        for (int v : points.values()) {
            total += v;
        }
        require(total == score, SnapshotException.Reason.MALFORMED, "breakdown of " + id);
        ScoreBreakdown breakdown = new ScoreBreakdown(points);
        return new RatingChange(id, previousScore, score, previousGrade, grade, cause, time, breakdown);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        require(count >= 0, SnapshotException.Reason.MALFORMED, "negative count " + count);
        return count;
    }

    private static <E extends Enum<E>> E name(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(SnapshotException.Reason.MALFORMED, type.getSimpleName() + " " + name);
        }
    }

    private static void require(boolean ok, SnapshotException.Reason reason, String detail) {
        if (!ok) {
            throw new SnapshotException(reason, detail);
        }
    }
}
