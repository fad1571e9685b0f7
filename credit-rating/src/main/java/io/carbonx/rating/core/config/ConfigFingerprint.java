package io.carbonx.rating.core.config;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The canonical encoding of a {@link ScorecardConfig} and its SHA-256: fixed field order, big-endian, enum names. */
final class ConfigFingerprint {

    private ConfigFingerprint() {
    }

    static String of(ScorecardConfig c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(encode(c)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static byte[] encode(ScorecardConfig c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("carbonx.rating.scorecard.v1");
            out.writeInt(c.maxScore());
            out.writeInt(c.baseScore());
            for (CreditGrade grade : GradeBands.RATED) {
                out.writeUTF(grade.name());
                out.writeInt(c.gradeBands().min(grade));
            }
            out.writeLong(c.halfLifeMs());
            writeBands(out, c.amountSeverity());
            writeBands(out, c.shortfallSeverity());
            for (DefaultKind kind : DefaultKind.values()) {
                out.writeUTF(kind.name());
                out.writeInt(c.defaultWeightPct(kind));
            }
            out.writeInt(c.depositForfeitWeightPct());
            out.writeInt(c.penaltyWeightPct());
            out.writeInt(c.freezePoints());
            out.writeInt(c.cleanSettlementPoints());
            out.writeInt(c.cleanSettlementCap());
            out.writeLong(c.cleanSettlementMinNotionalMinor());
            out.writeInt(c.cleanCompliancePoints());
            out.writeInt(c.cleanComplianceCap());
            out.writeLong(c.tenurePeriodMs());
            out.writeInt(c.tenurePointsPerPeriod());
            out.writeInt(c.tenureCap());
            out.writeLong(c.dedupWindowMs());
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    private static void writeBands(DataOutputStream out, SeverityBands bands) throws IOException {
        long[] thresholds = bands.thresholds();
        int[] points = bands.points();
        out.writeInt(thresholds.length);
        for (long t : thresholds) {
            out.writeLong(t);
        }
        for (int p : points) {
            out.writeInt(p);
        }
    }
}
