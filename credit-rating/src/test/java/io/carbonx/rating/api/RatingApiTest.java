package io.carbonx.rating.api;

import static io.carbonx.rating.testing.Ratings.change;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Role;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.readmodel.RatingReadModel;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access policy of the rating endpoints: a participant sees its own rating and history; REGULATOR, COURT and
 * ARBITRATOR see everyone's; nobody else sees others' or the list; errors say why without leaking existence.
 */
class RatingApiTest {

    private static final Caller ACME = new Caller("acme", Role.ENTERPRISE);
    private static final Caller BETA = new Caller("beta", Role.ENTERPRISE);
    private static final Caller REGULATOR = new Caller("reg", Role.REGULATOR);

    private final RatingReadModel model = new RatingReadModel();
    private final RatingApi api = new RatingApi(model, new RatingAccessPolicy(), RatingPolicy.defaults());

    @BeforeEach
    void publish() {
        model.apply(change("r1", "acme", 0, CreditGrade.UNRATED, 600, CreditGrade.BBB, "e1", 10));
        model.apply(change("r2", "acme", 600, CreditGrade.BBB, 450, CreditGrade.B, "e2", 20));
        model.apply(change("r3", "beta", 0, CreditGrade.UNRATED, 600, CreditGrade.BBB, "e3", 30));
    }

    @Test
    void participantSeesItsOwnRatingWithTheEffectsOfItsGrade() {
        ApiResponse r = api.current(ACME, "acme");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo(ApiResponse.JSON);
        JsonObject rating = r.body().getJsonObject("rating");
        assertThat(rating.getInteger("score")).isEqualTo(450);
        assertThat(rating.getString("grade")).isEqualTo("B");
        assertThat(rating.getString("previousGrade")).isEqualTo("BBB");
        assertThat(rating.getString("causeEventId")).isEqualTo("e2");
        assertThat(rating.getJsonArray("breakdown")).hasSize(11);
        JsonObject effects = r.body().getJsonObject("effects");
        assertThat(effects.getInteger("depositShareBps")).isEqualTo(3_000);
        assertThat(effects.getBoolean("canOpenOrders")).isTrue();
    }

    @Test
    void participantSeesItsOwnHistoryOldestFirst() {
        ApiResponse r = api.history(ACME, "acme");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().getJsonArray("changes").stream().map(o -> ((JsonObject) o).getString("eventId")))
                .containsExactly("r1", "r2");
    }

    @Test
    void enterpriseCannotSeeAnotherParticipantsRatingOrHistory() {
        assertDenied(api.current(BETA, "acme"));
        assertDenied(api.history(BETA, "acme"));
        for (Role role : EnumSet.of(Role.ENTERPRISE, Role.VERIFIER, Role.EXCHANGE)) {
            assertDenied(api.current(new Caller("x", role), "acme"));
        }
    }

    @Test
    void refusalDoesNotRevealWhetherTheParticipantIsRated() {
        assertDenied(api.current(BETA, "nobody"));
        assertDenied(api.history(BETA, "nobody"));
    }

    @Test
    void regulatorCourtAndArbitratorSeeEveryonesRatingAndHistory() {
        for (Role role : EnumSet.of(Role.REGULATOR, Role.COURT, Role.ARBITRATOR)) {
            Caller c = new Caller("official", role);
            assertThat(api.current(c, "acme").status()).isEqualTo(200);
            assertThat(api.history(c, "beta").status()).isEqualTo(200);
            ApiResponse list = api.list(c);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().getInteger("count")).isEqualTo(2);
        }
    }

    @Test
    void onlySeeAllRolesMayListEveryRating() {
        for (Role role : EnumSet.of(Role.ENTERPRISE, Role.VERIFIER, Role.EXCHANGE)) {
            assertDenied(api.list(new Caller("acme", role)));
        }
    }

    @Test
    void regulatorOnlyPolicyDeniesCourts() {
        RatingApi strict = new RatingApi(model, new RatingAccessPolicy(EnumSet.of(Role.REGULATOR)),
                RatingPolicy.defaults());
        assertDenied(strict.current(new Caller("court", Role.COURT), "acme"));
        assertThat(strict.current(REGULATOR, "acme").status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedCallerGets401() {
        assertProblem(api.current(null, "acme"), 401, "UNAUTHENTICATED");
        assertProblem(api.history(null, "acme"), 401, "UNAUTHENTICATED");
        assertProblem(api.list(null), 401, "UNAUTHENTICATED");
        assertProblem(api.policy(null), 401, "UNAUTHENTICATED");
    }

    @Test
    void badParticipantIdGets400() {
        assertProblem(api.current(REGULATOR, " "), 400, "INVALID_PARTICIPANT_ID");
        assertProblem(api.current(REGULATOR, "a".repeat(257)), 400, "INVALID_PARTICIPANT_ID");
        assertProblem(api.history(REGULATOR, "ac\nme"), 400, "INVALID_PARTICIPANT_ID");
    }

    @Test
    void ownRatingNotYetPublishedGets404() {
        assertProblem(api.current(new Caller("newcomer", Role.ENTERPRISE), "newcomer"), 404, "RATING_NOT_FOUND");
        assertProblem(api.history(REGULATOR, "nobody"), 404, "RATING_NOT_FOUND");
    }

    @Test
    void anyAuthenticatedCallerSeesThePolicyTable() {
        ApiResponse r = api.policy(BETA);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().getJsonArray("grades")).hasSize(CreditGrade.values().length);
        JsonObject d = r.body().getJsonArray("grades").getJsonObject(CreditGrade.D.ordinal());
        assertThat(d.getString("grade")).isEqualTo("D");
        assertThat(d.getBoolean("canOpenOrders")).isFalse();
    }

    private static void assertDenied(ApiResponse r) {
        assertProblem(r, 403, "RATING_ACCESS_DENIED");
    }

    private static void assertProblem(ApiResponse r, int status, String reason) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo(ApiResponse.PROBLEM_JSON);
        assertThat(r.body().getString("reasonCode")).isEqualTo(reason);
        assertThat(r.body().getInteger("status")).isEqualTo(status);
        assertThat(r.body().getString("type")).isEqualTo("urn:carbonx:problem:" + reason);
    }
}
