package io.carbonx.rating.journal;

import static io.carbonx.rating.testing.JournalEvents.day;
import static io.carbonx.rating.testing.JournalEvents.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.carbonx.chain.BlockHeader;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.Role;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.journal.JournalRecordAdapter.Adapted;
import io.carbonx.rating.journal.JournalRecordAdapter.Broken;
import io.carbonx.rating.journal.JournalRecordAdapter.IgnoreReason;
import io.carbonx.rating.journal.JournalRecordAdapter.Ignored;
import io.carbonx.rating.journal.JournalRecordAdapter.Mapped;
import io.carbonx.rating.testing.JournalEvents;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Avro journal events → rating inputs: every used type, the ignored ones, and bad bytes. */
class JournalRecordAdapterTest {

    private final JournalRecordAdapter adapter = new JournalRecordAdapter();
    private final JournalEvents e = new JournalEvents("j");
    private final long t = day(3);

    private RatingInput mapped(SpecificRecord event) {
        Adapted adapted = adapter.adapt(encode(event));
        assertThat(adapted).isInstanceOf(Mapped.class);
        Mapped m = (Mapped) adapted;
        assertThat(m.eventType()).isEqualTo(event.getSchema().getName());
        assertThat(m.envelope().getEventId()).isEqualTo(e.lastId());
        return m.input();
    }

    @Test
    void mapsEveryEventTheModelUses() {
        assertThat(mapped(e.registered("acme", t)))
                .isEqualTo(new RatingInput.ParticipantAppeared(e.lastId(), t, "acme"));
        assertThat(mapped(e.defaulted("acme", t, DefaultKind.DELIVERY, 5_000_000)))
                .isEqualTo(new RatingInput.DefaultRecorded(e.lastId(), t, "acme", DefaultKind.DELIVERY, 5_000_000));
        assertThat(mapped(e.forfeited("acme", t, 70_000)))
                .isEqualTo(new RatingInput.DepositForfeited(e.lastId(), t, "acme", 70_000));
        assertThat(mapped(e.penalty("acme", t, 12_000, 120)))
                .isEqualTo(new RatingInput.PenaltyApplied(e.lastId(), t, "acme", 12_000, 120));
        assertThat(mapped(e.frozen("acme", t))).isEqualTo(new RatingInput.AccountFrozen(e.lastId(), t, "acme"));
        assertThat(mapped(e.unfrozen("acme", t))).isEqualTo(new RatingInput.AccountUnfrozen(e.lastId(), t, "acme"));
        assertThat(mapped(e.cancelled("acme", t)))
                .isEqualTo(new RatingInput.AccountCancelled(e.lastId(), t, "acme"));
        assertThat(mapped(e.settled("acme", "beta", t, 1_230)))
                .isEqualTo(new RatingInput.TradeSettled(e.lastId(), t, "acme", "beta", 1_230));
        assertThat(mapped(e.compliance("acme", t, 40)))
                .isEqualTo(new RatingInput.ComplianceSettled(e.lastId(), t, "acme", 40));
        assertThat(mapped(e.tick(t))).isEqualTo(new RatingInput.Tick(e.lastId(), t));
    }

    @Test
    void ignoresEventsTheModelDoesNotUse() {
        Adapted funds = adapter.adapt(encode(e.funds("acme", t, 10)));
        assertThat(funds).isInstanceOf(Ignored.class);
        assertThat(((Ignored) funds).reason()).isEqualTo(IgnoreReason.UNUSED_TYPE);
        assertThat(((Ignored) funds).eventType()).isEqualTo("FundsDeposited");
        assertThat(((Ignored) funds).envelope().getLogicalTime()).isEqualTo(t);
    }

    @Test
    void ignoresRegistrationsOfRolesThatAreNotRated() {
        for (Role role : List.of(Role.REGULATOR, Role.VERIFIER, Role.COURT, Role.ARBITRATOR, Role.EXCHANGE)) {
            Adapted adapted = adapter.adapt(encode(e.registered("someone", role, t)));
            assertThat(adapted).isInstanceOf(Ignored.class);
            assertThat(((Ignored) adapted).reason()).isEqualTo(IgnoreReason.ROLE_NOT_RATED);
        }
    }

    @Test
    void ignoresContractRecordsThatAreNotEvents() {
        BlockHeader header = new BlockHeader("chain", 1L, ByteBuffer.allocate(32), ByteBuffer.allocate(32), 0L,
                List.of(), t);
        Adapted adapted = adapter.adapt(encode(header));
        assertThat(adapted).isInstanceOf(Ignored.class);
        assertThat(((Ignored) adapted).reason()).isEqualTo(IgnoreReason.NOT_AN_EVENT);
    }

    @Test
    void ignoresBytesThatAreNotAPublicEvent() {
        Adapted json = adapter.adapt("{\"private\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(json).isInstanceOf(Ignored.class);
        assertThat(((Ignored) json).reason()).isEqualTo(IgnoreReason.NOT_A_PUBLIC_EVENT);
        byte[] unknownFingerprint = encode(e.tick(t));
        unknownFingerprint[5] ^= 0x5a;
        Adapted unknown = adapter.adapt(unknownFingerprint);
        assertThat(unknown).isInstanceOf(Ignored.class);
        assertThat(((Ignored) unknown).reason()).isEqualTo(IgnoreReason.NOT_A_PUBLIC_EVENT);
        assertThat(((Ignored) unknown).detail()).contains("UNKNOWN_FINGERPRINT");
    }

    @Test
    void reportsBrokenPublicEventsWithTheDecodingReason() {
        byte[] good = encode(e.defaulted("acme", t, DefaultKind.PAYMENT, 1_000));
        assertThat(broken(Arrays.copyOf(good, good.length - 3))).isEqualTo("TRUNCATED");
        assertThat(broken(Arrays.copyOf(good, good.length + 2))).isEqualTo("TRAILING_BYTES");
        assertThat(broken(Arrays.copyOf(good, 6))).isEqualTo("TRUNCATED");
        assertThat(broken(null)).isEqualTo(JournalRecordAdapter.NULL_VALUE);
    }

    @Test
    void sameBytesAlwaysGiveTheSameResult() {
        byte[] bytes = encode(e.settled("acme", "beta", t, 500));
        assertThat(adapter.adapt(bytes)).isEqualTo(adapter.adapt(bytes.clone()));
    }

    private String broken(byte[] bytes) {
        Adapted adapted = adapter.adapt(bytes);
        assertThat(adapted).isInstanceOf(Broken.class);
        return ((Broken) adapted).reasonCode();
    }
}
