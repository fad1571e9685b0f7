package io.carbonx.rating.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import org.junit.jupiter.api.Test;

/** Every role against its own and another participant's rating, and the list. */
class RatingAccessPolicyTest {

    private final RatingAccessPolicy policy = new RatingAccessPolicy();

    @Test
    void everyRoleReadsItsOwnRating() {
        for (Role role : Role.values()) {
            assertThat(policy.mayRead(new Caller("me", role), "me")).as(role.name()).isTrue();
        }
    }

    @Test
    void onlyRegulatorCourtAndArbitratorReadOthersAndList() {
        for (Role role : Role.values()) {
            boolean official = role == Role.REGULATOR || role == Role.COURT || role == Role.ARBITRATOR;
            Caller caller = new Caller("me", role);
            assertThat(policy.mayRead(caller, "someone-else")).as(role.name()).isEqualTo(official);
            assertThat(policy.mayList(caller)).as(role.name()).isEqualTo(official);
        }
    }

    @Test
    void nobodyWithoutIdentityReadsAnything() {
        assertThat(policy.mayRead(null, "acme")).isFalse();
        assertThat(policy.mayList(null)).isFalse();
    }
}
