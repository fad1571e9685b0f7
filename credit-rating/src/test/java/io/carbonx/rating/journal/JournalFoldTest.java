package io.carbonx.rating.journal;

import static io.carbonx.rating.testing.JournalEvents.DAY;
import static io.carbonx.rating.testing.JournalEvents.day;
import static io.carbonx.rating.testing.JournalEvents.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.RatingFactor;
import io.carbonx.rating.core.Factor;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.testing.JournalEvents;
import io.carbonx.schemas.EventCodec;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** One journal partition folded into ratings: outputs, envelopes, dead letters, rebuild equivalence. */
class JournalFoldTest {

    private static final String JOURNAL = "carbonx.registry.journal";
    private final EventCodec codec = EventCodec.standard();
    private final JournalEvents e = new JournalEvents("j");

    private static JournalFold fold() {
        return new JournalFold(new JournalFold.Settings(JOURNAL, 0, "ratings", "dead", "credit-rating",
                ScorecardConfig.defaults()), new JournalRecordAdapter(), EventCodec.standard());
    }

    /** Feeds records at offsets 0, 1, ...; returns every output. */
    private static List<JournalFold.Output> feed(JournalFold fold, List<byte[]> records, boolean emit) {
        List<JournalFold.Output> out = new ArrayList<>();
        for (byte[] r : records) {
            out.addAll(fold.apply(fold.nextOffset(), null, r, emit));
        }
        return out;
    }

    private List<CreditRatingChanged> ratings(List<JournalFold.Output> outputs) {
        List<CreditRatingChanged> list = new ArrayList<>();
        for (JournalFold.Output o : outputs) {
            if (o.topic().equals("ratings")) {
                CreditRatingChanged c = codec.decode(o.value(), CreditRatingChanged.class);
                assertThat(new String(o.key(), StandardCharsets.UTF_8)).isEqualTo(c.getParticipantId());
                list.add(c);
            }
        }
        return list;
    }

    private List<byte[]> history() {
        List<SpecificRecord> events = new ArrayList<>();
        events.add(e.registered("acme", day(0)));
        events.add(e.registered("beta", day(0)));
        events.add(e.funds("acme", day(0), 1_000_000));
        for (int i = 0; i < 40; i++) {
            events.add(e.settled("acme", "beta", day(1 + i), 10_000));
        }
        events.add(e.tick(day(120)));
        events.add(e.defaulted("acme", day(120), DefaultKind.PAYMENT, 5_000_000));
        events.add(e.forfeited("acme", day(120), 5_000_000));
        events.add(e.tick(day(210)));
        List<byte[]> bytes = new ArrayList<>();
        for (SpecificRecord r : events) {
            bytes.add(encode(r));
        }
        return bytes;
    }

    @Test
    void givenCleanHistory_whenParticipantDefaults_thenItsGradeFallsWithTheDefaultAsCause() {
        List<byte[]> records = history();
        List<CreditRatingChanged> out = ratings(feed(fold(), records, true));

        CreditRatingChanged first = out.get(0);
        assertThat(first.getParticipantId()).isEqualTo("acme");
        assertThat(first.getPreviousGrade()).isEqualTo(CreditGrade.UNRATED);
        assertThat(first.getGrade()).isEqualTo(CreditGrade.BBB);
        assertThat(first.getScore()).isEqualTo(600);
        assertThat(first.getCauseEventType()).isEqualTo("ParticipantRegistered");

        CreditRatingChanged beforeDefault = last(out, "acme", "ClockTicked", 0);
        assertThat(beforeDefault.getScore()).isEqualTo(720);
        assertThat(beforeDefault.getGrade()).isEqualTo(CreditGrade.A);

        CreditRatingChanged afterDefault = last(out, "acme", "DefaultRecorded", 0);
        assertThat(afterDefault.getPreviousGrade()).isEqualTo(CreditGrade.A);
        assertThat(afterDefault.getGrade()).isEqualTo(CreditGrade.BB);
        assertThat(afterDefault.getScore()).isEqualTo(520);
        assertThat(afterDefault.getScore()).isLessThan(afterDefault.getPreviousScore());
        String defaultId = afterDefault.getCauseEventId();
        assertThat(afterDefault.getEnvelope().getCauseId()).isEqualTo(defaultId);
        assertThat(afterDefault.getEnvelope().getLogicalTime()).isEqualTo(day(120));
        assertThat(afterDefault.getEnvelope().getActor()).isEqualTo(RatingEvents.ACTOR);
        assertThat(afterDefault.getEnvelope().getEventId())
                .isEqualTo(RatingEvents.ratingEventId(defaultId, "acme"));
        assertThat(afterDefault.getModelVersion()).isEqualTo(RatingEvents.modelVersion(ScorecardConfig.defaults()));
        assertThat(points(afterDefault, Factor.DEFAULTS)).isEqualTo(-200);
        assertThat(detail(afterDefault, Factor.DEFAULTS)).isEqualTo("1 entry, half-life 180.0d: 200 at age 0.0d");
        assertThat(detail(afterDefault, Factor.CLEAN_SETTLEMENTS)).isEqualTo("40 clean settlements x 2, cap 150");

        CreditRatingChanged forfeit = last(out, "acme", "DepositForfeited", 0);
        assertThat(forfeit.getScore()).isEqualTo(470);
        assertThat(forfeit.getGrade()).isEqualTo(CreditGrade.B);

        CreditRatingChanged recovered = last(out, "acme", "ClockTicked", 1);
        assertThat(recovered.getScore()).isEqualTo(562);
        assertThat(detail(recovered, Factor.DEFAULTS)).isEqualTo("1 entry, half-life 180.0d: 200 at age 90.0d");
    }

    @Test
    void everyRatingCarriesTheWholeBreakdownSummingToTheScore() {
        for (CreditRatingChanged c : ratings(feed(fold(), history(), true))) {
            assertThat(c.getFactors()).extracting(RatingFactor::getFactor)
                    .containsExactly(Arrays.stream(Factor.values()).map(Factor::name).toArray(String[]::new));
            assertThat(c.getFactors().stream().mapToInt(RatingFactor::getPoints).sum()).isEqualTo(c.getScore());
            assertThat(c.getFactors()).allSatisfy(f -> assertThat(f.getDetail()).isNotBlank());
        }
    }

    @Test
    void rebuildingWithoutOutputReachesTheSameStateAsProcessing() {
        JournalFold live = fold();
        JournalFold rebuilt = fold();
        List<byte[]> records = history();
        assertThat(feed(live, records, true)).isNotEmpty();
        assertThat(feed(rebuilt, records, false)).isEmpty();
        assertThat(rebuilt.stateHash()).isEqualTo(live.stateHash());
        assertThat(rebuilt.nextOffset()).isEqualTo(live.nextOffset());
        assertThat(rebuilt.counters().applied()).isEqualTo(live.counters().applied());
    }

    @Test
    void twoFoldsOfTheSameJournalPublishTheSameBytes() {
        List<byte[]> records = history();
        List<JournalFold.Output> a = feed(fold(), records, true);
        List<JournalFold.Output> b = feed(fold(), records, true);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).value()).isEqualTo(a.get(i).value());
            assertThat(b.get(i).key()).isEqualTo(a.get(i).key());
        }
    }

    @Test
    void refusedInputIsDeadLetteredWithItsReasonAndChangesNothing() {
        JournalFold fold = fold();
        feed(fold, List.of(encode(e.registered("acme", day(0)))), true);
        String before = fold.stateHash();
        byte[] unfreeze = encode(e.unfrozen("acme", day(1)));
        List<JournalFold.Output> out = fold.apply(7, "acme".getBytes(StandardCharsets.UTF_8), unfreeze, true);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).topic()).isEqualTo("dead");
        DeadLetter dl = codec.decode(out.get(0).value(), DeadLetter.class);
        assertThat(dl.getReasonCode()).isEqualTo("REJECTED_NOT_FROZEN");
        assertThat(dl.getSourceTopic()).isEqualTo(JOURNAL);
        assertThat(dl.getSourceOffset()).isEqualTo(7);
        assertThat(dl.getConsumerId()).isEqualTo("credit-rating");
        assertThat(dl.getEnvelope().getCauseId()).isEqualTo(e.lastId());
        assertThat(dl.getEnvelope().getEventId()).isEqualTo(RatingEvents.deadLetterEventId(JOURNAL, 0, 7));
        assertThat(bytes(dl.getPayload())).isEqualTo(unfreeze);
        assertThat(bytes(dl.getKey())).isEqualTo("acme".getBytes(StandardCharsets.UTF_8));
        assertThat(fold.stateHash()).isEqualTo(before);
        assertThat(fold.counters().rejected()).isEqualTo(1);
        assertThat(fold.nextOffset()).isEqualTo(8);
    }

    @Test
    void brokenRecordIsDeadLetteredAndSkipped() {
        JournalFold fold = fold();
        feed(fold, List.of(encode(e.registered("acme", day(2)))), true);
        String before = fold.stateHash();
        byte[] good = encode(e.defaulted("acme", day(3), DefaultKind.PAYMENT, 1_000));
        byte[] truncated = Arrays.copyOf(good, good.length - 4);
        List<JournalFold.Output> out = fold.apply(1, null, truncated, true);

        assertThat(out).hasSize(1);
        DeadLetter dl = codec.decode(out.get(0).value(), DeadLetter.class);
        assertThat(dl.getReasonCode()).isEqualTo("TRUNCATED");
        assertThat(dl.getEnvelope().getCauseId()).isNull();
        assertThat(dl.getEnvelope().getLogicalTime()).isEqualTo(day(2));
        assertThat(dl.getKey()).isNull();
        assertThat(fold.stateHash()).isEqualTo(before);
        assertThat(fold.counters().broken()).isEqualTo(1);
    }

    @Test
    void ignoredRecordsPublishNothingAndAreCountedByReason() {
        JournalFold fold = fold();
        List<JournalFold.Output> out = feed(fold, List.of(encode(e.funds("acme", day(0), 5)),
                "private".getBytes(StandardCharsets.UTF_8)), true);
        assertThat(out).isEmpty();
        assertThat(fold.counters().ignored().get(JournalRecordAdapter.IgnoreReason.UNUSED_TYPE)).isEqualTo(1);
        assertThat(fold.counters().ignored().get(JournalRecordAdapter.IgnoreReason.NOT_A_PUBLIC_EVENT))
                .isEqualTo(1);
        assertThat(fold.model().participantIds()).isEmpty();
    }

    @Test
    void aTickRegradesEveryoneWhoseScoreMovedAtTheTicksTime() {
        JournalFold fold = fold();
        List<JournalFold.Output> out = feed(fold, List.of(
                encode(e.registered("acme", day(0))),
                encode(e.defaulted("acme", day(0), DefaultKind.PAYMENT, 50_000)),
                encode(e.registered("beta", day(0))),
                encode(e.tick(day(0) + 90 * DAY))), true);
        List<CreditRatingChanged> ticks = ratings(out).stream()
                .filter(c -> c.getCauseEventType().equals("ClockTicked")).toList();
        assertThat(ticks).extracting(CreditRatingChanged::getParticipantId).containsExactly("acme", "beta");
        CreditRatingChanged acme = ticks.get(0);
        assertThat(acme.getPreviousScore()).isEqualTo(500);
        assertThat(acme.getScore()).isEqualTo(555); // tenure +30, the default's 100 decayed to 75
        assertThat(acme.getEnvelope().getLogicalTime()).isEqualTo(day(90));
        assertThat(acme.getEnvelope().getCauseId()).isEqualTo(e.lastId());
    }

    @Test
    void skipToMovesPastMarkersButNeverBack() {
        JournalFold fold = fold();
        fold.apply(3, null, encode(e.registered("acme", day(0))), false);
        fold.skipTo(9);
        assertThat(fold.nextOffset()).isEqualTo(9);
        assertThatThrownBy(() -> fold.skipTo(5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fold.apply(8, null, new byte[0], true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CreditRatingChanged last(List<CreditRatingChanged> out, String p, String causeType, int index) {
        List<CreditRatingChanged> matching = out.stream()
                .filter(c -> c.getParticipantId().equals(p) && c.getCauseEventType().equals(causeType)).toList();
        return matching.get(index);
    }

    private static int points(CreditRatingChanged c, Factor f) {
        return c.getFactors().stream().filter(x -> x.getFactor().equals(f.name())).findFirst().orElseThrow()
                .getPoints();
    }

    private static String detail(CreditRatingChanged c, Factor f) {
        return c.getFactors().stream().filter(x -> x.getFactor().equals(f.name())).findFirst().orElseThrow()
                .getDetail();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
