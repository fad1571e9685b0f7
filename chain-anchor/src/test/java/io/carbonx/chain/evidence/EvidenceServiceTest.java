package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Only COURT, ARBITRATOR and REGULATOR retrieve bundles; every decision is audited; refusals build nothing. */
class EvidenceServiceTest {

    static EvidenceFixture fx;
    static final EvidenceSubject TRADE = EvidenceSubject.trade(EvidenceFixture.TRADE);

    @BeforeAll
    static void fixture() {
        fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COURT", "ARBITRATOR", "REGULATOR"})
    void adjudicatingAndSupervisingRolesRetrieveAVerifiedBundle(Role role) throws Exception {
        List<EvidenceService.AccessRecord> audit = new ArrayList<>();
        EvidenceService service = new EvidenceService(fx.source, audit::add);

        EvidenceService.RetrievedBundle bundle = service.retrieve(new Caller("p-judge", role), TRADE);

        assertThat(bundle.verification().valid()).as(bundle.verification().render()).isTrue();
        assertThat(bundle.fileName()).isEqualTo("carbonx-evidence-trade-T-1.zip");
        assertThat(bundle.sha256()).hasSize(64);
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.granted()).isTrue();
            assertThat(a.caller().role()).isEqualTo(role);
        });
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ENTERPRISE", "EXCHANGE", "VERIFIER"})
    void everyOtherRoleIsRefusedAuditedAndNothingIsBuilt(Role role) {
        List<EvidenceService.AccessRecord> audit = new ArrayList<>();
        AtomicInteger sourceCalls = new AtomicInteger();
        EvidenceService service = new EvidenceService(counting(sourceCalls), audit::add);

        assertThatThrownBy(() -> service.retrieve(new Caller(fx.buyer.id(), role), TRADE))
                .isInstanceOf(EvidenceAccessDeniedException.class)
                .hasMessageContaining("role " + role + " may not retrieve evidence");
        assertThat(audit).singleElement().satisfies(a -> assertThat(a.granted()).isFalse());
        assertThat(sourceCalls).hasValue(0);
    }

    @Test
    void enterpriseIsRefusedEvenForItsOwnTrade() {
        assertThat(EvidenceAccessPolicy.decide(new Caller(fx.buyer.id(), Role.ENTERPRISE), TRADE).granted()).isFalse();
    }

    @Test
    void unauthenticatedCallerIsRefused() {
        EvidenceService service = new EvidenceService(fx.source, a -> { });
        assertThatThrownBy(() -> service.retrieve(null, TRADE)).isInstanceOf(EvidenceAccessDeniedException.class)
                .hasMessageContaining("unauthenticated");
    }

    @Test
    void allowedRolesAreExactlyCourtArbitratorAndRegulator() {
        assertThat(EvidenceAccessPolicy.ALLOWED).containsExactlyInAnyOrder(Role.COURT, Role.ARBITRATOR, Role.REGULATOR);
        for (Role r : Role.values()) {
            assertThat(EvidenceAccessPolicy.decide(new Caller("p-x", r), TRADE).granted())
                    .as(r.name()).isEqualTo(EvidenceAccessPolicy.ALLOWED.contains(r));
        }
    }

    @Test
    void grantedRequestForAnUnknownSubjectFailsWithTheReason() {
        EvidenceService service = new EvidenceService(fx.source, a -> { });
        assertThatThrownBy(() -> service.retrieve(new Caller("p-judge", Role.COURT), EvidenceSubject.penalty("nope")))
                .isInstanceOf(EvidenceException.class)
                .satisfies(e -> assertThat(((EvidenceException) e).reason()).isEqualTo(EvidenceFailure.SUBJECT_NOT_FOUND));
    }

    @Test
    void downloadNamesKeepOnlySafeCharacters() {
        assertThat(EvidenceService.fileName(EvidenceSubject.order("a/b\\c:d"))).isEqualTo("carbonx-evidence-order-a_b_c_d.zip");
    }

    private static EvidenceSource counting(AtomicInteger calls) {
        return (EvidenceSource) Proxy.newProxyInstance(EvidenceSource.class.getClassLoader(),
                new Class<?>[] {EvidenceSource.class}, (proxy, method, args) -> {
                    calls.incrementAndGet();
                    return method.invoke(fx.source, args);
                });
    }
}
