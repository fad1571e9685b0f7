package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.testing.TestPki;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the builder answers for subjects that are not (fully) anchored yet: an event in a committed block that no
 * time-stamp covers yet is NOT_YET_TIMESTAMPED (not a bundle that would fail verification); a subject the source
 * sees only in the log's unanchored tail is NOT_YET_ANCHORED with the source's detail; events covered by an earlier
 * stamp still make a valid bundle while newer blocks await theirs.
 */
class BundlePendingTest {

    static EvidenceFixture fx;

    @BeforeAll
    static void chain() {
        fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        fx.acceptedOrderBlock("O-9", TestPki.T2.toEpochMilli() + 5_000, false);
    }

    @Test
    void givenAnEventInABlockNoTimestampCoversYet_thenNotYetTimestamped_andNothingIsBuilt() {
        assertThatThrownBy(() -> new BundleBuilder(fx.source).build(EvidenceSubject.order("O-9")))
                .isInstanceOf(EvidenceException.class)
                .satisfies(e -> assertThat(((EvidenceException) e).reason()).isEqualTo(EvidenceFailure.NOT_YET_TIMESTAMPED))
                .hasMessageContaining("no time-stamp on block 6");
    }

    @Test
    void givenEventsCoveredByAnEarlierStamp_thenTheBundleStillVerifiesWhileTheNewestBlockAwaitsItsStamp()
            throws Exception {
        byte[] zip = new BundleBuilder(fx.source).build(EvidenceSubject.trade(EvidenceFixture.TRADE));

        VerificationReport r = new EvidenceVerifier().verify(zip, fx.pki.root());
        assertThat(r.valid()).as(r.render()).isTrue();
        assertThat(r.latestHeight()).isEqualTo(6);
    }

    @Test
    void givenTheSourceSeesTheSubjectOnlyInTheUnanchoredLog_thenNotYetAnchoredWithItsDetail() {
        EvidenceSource seesTail = (EvidenceSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EvidenceSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unanchoredMention")) {
                        return Optional.of("OrderSubmitted carbonx.orders.submitted-0@7 is about order O-77");
                    }
                    try {
                        return method.invoke(fx.source, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        assertThatThrownBy(() -> new BundleBuilder(seesTail).build(EvidenceSubject.order("O-77")))
                .isInstanceOf(EvidenceException.class)
                .satisfies(e -> assertThat(((EvidenceException) e).reason()).isEqualTo(EvidenceFailure.NOT_YET_ANCHORED))
                .hasMessageContaining("about order O-77");
        assertThatThrownBy(() -> new BundleBuilder(fx.source).build(EvidenceSubject.order("O-77")))
                .satisfies(e -> assertThat(((EvidenceException) e).reason()).isEqualTo(EvidenceFailure.SUBJECT_NOT_FOUND));
    }
}
