package io.carbonx.rating.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.rating.core.config.ScorecardConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Snapshots round-trip exactly; anything else is refused with a precise reason and restores nothing. */
class SnapshotTest {

    private static CreditRatingModel sample(long seed) {
        CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());
        Histories.random(seed, 60).forEach(model::apply);
        return model;
    }

    private static void refused(byte[] bytes, SnapshotException.Reason reason) {
        assertThatThrownBy(() -> CreditRatingModel.restore(ScorecardConfig.defaults(), bytes))
                .isInstanceOfSatisfying(SnapshotException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void emptyModelRoundTrips() {
        CreditRatingModel empty = new CreditRatingModel(ScorecardConfig.defaults());
        CreditRatingModel restored = CreditRatingModel.restore(ScorecardConfig.defaults(), empty.snapshot());
        assertThat(restored.stateHash()).isEqualTo(empty.stateHash());
        assertThat(restored.participantIds()).isEmpty();
    }

    @Test
    void snapshotTakenWithAnotherConfigurationIsRefused() {
        byte[] bytes = sample(7).snapshot();
        ScorecardConfig other = ScorecardConfig.builder().halfLifeMs(90 * Facts.DAY).build();
        assertThatThrownBy(() -> CreditRatingModel.restore(other, bytes))
                .isInstanceOfSatisfying(SnapshotException.class,
                        e -> assertThat(e.reason()).isEqualTo(SnapshotException.Reason.CONFIG_MISMATCH));
    }

    @Test
    void stateHashCoversTheConfiguration() {
        CreditRatingModel a = new CreditRatingModel(ScorecardConfig.defaults());
        CreditRatingModel b = new CreditRatingModel(ScorecardConfig.builder().freezePoints(99).build());
        assertThat(a.stateHash()).isNotEqualTo(b.stateHash());
    }

    @Test
    void foreignBytesAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF("something else");
        refused(bytes.toByteArray(), SnapshotException.Reason.NOT_A_SNAPSHOT);
        refused(new byte[0], SnapshotException.Reason.TRUNCATED);
    }

    @Test
    void unknownVersionIsRefused() {
        byte[] bytes = sample(3).snapshot();
        int versionAt = 2 + "carbonx.rating.state".length();
        bytes[versionAt + 3] = 9;
        refused(bytes, SnapshotException.Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] bytes = sample(5).snapshot();
        refused(Arrays.copyOf(bytes, bytes.length + 1), SnapshotException.Reason.MALFORMED);
    }

    @Property(tries = 50)
    void everyTruncationIsRefusedAsTruncated(@ForAll long seed, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] bytes = sample(seed).snapshot();
        refused(Arrays.copyOf(bytes, Math.min(cut, bytes.length - 1)), SnapshotException.Reason.TRUNCATED);
    }

    @Property(tries = 300)
    void corruptedSnapshotEitherRestoresOrIsRefusedPrecisely(@ForAll long seed) {
        byte[] bytes = sample(seed).snapshot();
        Random rnd = new Random(seed);
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        try {
            CreditRatingModel restored = CreditRatingModel.restore(ScorecardConfig.defaults(), bytes);
            assertThat(restored.participantIds()).isNotNull();
        } catch (SnapshotException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
