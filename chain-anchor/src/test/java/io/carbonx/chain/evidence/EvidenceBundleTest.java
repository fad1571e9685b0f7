package io.carbonx.chain.evidence;

import static io.carbonx.chain.testing.TestPki.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bundles of all five kinds build from the in-memory chain and verify; their contents are what they claim. */
class EvidenceBundleTest {

    static EvidenceFixture fx;
    static BundleBuilder builder;

    @BeforeAll
    static void fixture() {
        fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        builder = new BundleBuilder(fx.source);
    }

    static VerificationReport verify(byte[] bundle) {
        return new EvidenceVerifier().verify(bundle, fx.pki.root());
    }

    @Test
    void tradeBundleVerifiesAndHoldsTheTradeWithBothSignedOrders() throws Exception {
        byte[] zip = builder.build(EvidenceSubject.trade(EvidenceFixture.TRADE));

        VerificationReport report = verify(zip);

        assertThat(report.valid()).as(report.render()).isTrue();
        SortedMap<String, byte[]> members = StoredZip.read(zip);
        assertThat(members.keySet()).contains("events/0001/event.bin", "events/0003/request-1.bin",
                "events/0004/request-1.bin", "blocks/1/header.bin", "blocks/5/header.bin", "blocks/5/commit-0.msg",
                "blocks/1/timestamp-1.tsr", "certs/validator-3.pem", "REPORT.md", "SHA256SUMS");
        assertThat(members.keySet()).noneMatch(p -> p.startsWith("events/0001/request"));
        assertThat(report.checks()).extracting(Check::name).contains("inclusion of event 1 in block 1",
                "signed request 1 of event 3", "signed request 1 of event 4", "hash link 1 -> 2", "commit certificate of block 5", "time of event 1");
    }

    @Test
    void orderBundleVerifies() throws Exception {
        VerificationReport report = verify(builder.build(EvidenceSubject.order(EvidenceFixture.SELL_ORDER)));
        assertThat(report.valid()).as(report.render()).isTrue();
    }

    @Test
    void defaultBundleVerifiesAndIncludesTheTradeAndOrders() throws Exception {
        byte[] zip = builder.build(EvidenceSubject.defaultCase(EvidenceFixture.DEFAULT));
        VerificationReport report = verify(zip);
        assertThat(report.valid()).as(report.render()).isTrue();
        assertThat(report.eventCount()).isEqualTo(7);
    }

    @Test
    void penaltyBundleVerifies() throws Exception {
        VerificationReport report = verify(builder.build(EvidenceSubject.penalty(EvidenceFixture.PENALTY)));
        assertThat(report.valid()).as(report.render()).isTrue();
        assertThat(report.eventCount()).isEqualTo(1);
    }

    @Test
    void participantPeriodBundleVerifiesAndHoldsOnlyThatParticipantsEvents() throws Exception {
        long t = T2.toEpochMilli();
        VerificationReport report = verify(builder.build(EvidenceSubject.participant(fx.seller.id(), t - 1000, t + 1500)));
        assertThat(report.valid()).as(report.render()).isTrue();
        assertThat(report.eventCount()).isEqualTo(5);
    }

    @Test
    void bundlesAreDeterministic() throws Exception {
        assertThat(builder.build(EvidenceSubject.trade(EvidenceFixture.TRADE)))
                .isEqualTo(builder.build(EvidenceSubject.trade(EvidenceFixture.TRADE)));
    }

    @Test
    void unknownSubjectIsRefusedWithReason() {
        assertThatThrownBy(() -> builder.build(EvidenceSubject.trade("T-404")))
                .isInstanceOf(EvidenceException.class)
                .satisfies(e -> assertThat(((EvidenceException) e).reason()).isEqualTo(EvidenceFailure.SUBJECT_NOT_FOUND));
    }
}
