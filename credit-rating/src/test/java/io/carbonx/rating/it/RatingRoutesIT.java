package io.carbonx.rating.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.carbonx.events.Role;
import io.carbonx.rating.testing.Kafka;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating routes as a node serves them, over real HTTP with real tokens: the registry and the rating service on
 * one router; participants registered through the registry's CA, logged in by signing the challenge with their
 * certificate's key. The ratings served are the ones the rating service folded from the registry's journal (every
 * enterprise is rated BBB, 600, when its registration is recorded).
 *
 * <p>Rules shown: a participant sees its own rating and history, a REGULATOR everyone's and the list; another
 * participant's rating, or the list, without a see-all role is a 403 problem with a reason code; an unknown
 * participant is 404; no or a forged token is 401; the grade effects table is open to every authenticated caller.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RatingRoutesIT {

    private static final String PROBLEM = "application/problem+json";

    @TempDir
    static Path dir;

    private static Stack stack;
    private static Stack.Member acme;
    private static Stack.Member beta;
    private static Stack.Member verifier;

    @BeforeAll
    static void start(KafkaBroker broker) throws Exception {
        stack = new Stack(broker, dir, false);
        acme = stack.register("Acme Steel", Role.ENTERPRISE);
        beta = stack.register("Beta Cement", Role.ENTERPRISE);
        verifier = stack.register("Gamma Verification", Role.VERIFIER);
        for (Stack.Member m : List.of(acme, beta)) {
            Kafka.await(m.id() + " rated and served", Stack.WAIT,
                    () -> stack.api.get("/api/v1/ratings/" + m.id(), stack.regulator).status() == 200);
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anEnterpriseSeesItsOwnRatingWithTheEffectsOfItsGrade() {
        ApiClient.Response r = stack.api.get("/api/v1/ratings/" + acme.id(), acme.token());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonObject rating = r.body().getJsonObject("rating");
        assertThat(rating.getString("participantId")).isEqualTo(acme.id());
        assertThat(rating.getInteger("score")).isEqualTo(600);
        assertThat(rating.getString("grade")).isEqualTo("BBB");
        assertThat(rating.getString("previousGrade")).isEqualTo("UNRATED");
        assertThat(rating.getString("causeEventType")).isEqualTo("ParticipantRegistered");
        assertThat(rating.getJsonArray("breakdown").stream().mapToInt(l -> ((JsonObject) l).getInteger("points"))
                .sum()).as("the breakdown explains the whole score").isEqualTo(600);
        assertThat(r.body().getJsonObject("effects").getInteger("depositShareBps")).isEqualTo(1_500);
    }

    @Test
    void anEnterpriseSeesItsOwnHistory() {
        ApiClient.Response r = stack.api.get("/api/v1/ratings/" + acme.id() + "/history", acme.token());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().getString("participantId")).isEqualTo(acme.id());
        JsonArray changes = r.body().getJsonArray("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.getJsonObject(0).getString("grade")).isEqualTo("BBB");
    }

    @Test
    void anEnterpriseIsRefusedAnotherParticipantsRatingAndHistoryWithNotOwnData() {
        assertProblem(stack.api.get("/api/v1/ratings/" + beta.id(), acme.token()), 403, "NOT_OWN_DATA");
        assertProblem(stack.api.get("/api/v1/ratings/" + beta.id() + "/history", acme.token()), 403,
                "NOT_OWN_DATA");
    }

    @Test
    void aRefusedCallerLearnsNothingAboutWhetherTheParticipantExists() {
        assertProblem(stack.api.get("/api/v1/ratings/p-nobody", acme.token()), 403, "NOT_OWN_DATA");
    }

    @Test
    void anEnterpriseMayNotListEveryonesRatings() {
        assertProblem(stack.api.get("/api/v1/ratings", acme.token()), 403, "ROLE_NOT_PERMITTED");
    }

    @Test
    void aVerifierSeesNoEnterprisesRatingAndHasNoneOfItsOwn() {
        assertProblem(stack.api.get("/api/v1/ratings/" + acme.id(), verifier.token()), 403, "NOT_OWN_DATA");
        assertProblem(stack.api.get("/api/v1/ratings", verifier.token()), 403, "ROLE_NOT_PERMITTED");
        assertProblem(stack.api.get("/api/v1/ratings/" + verifier.id(), verifier.token()), 404, "RATING_NOT_FOUND");
    }

    @Test
    void theRegulatorSeesEveryonesRatingHistoryAndTheList() {
        for (Stack.Member m : List.of(acme, beta)) {
            ApiClient.Response r = stack.api.get("/api/v1/ratings/" + m.id(), stack.regulator);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.body().getJsonObject("rating").getString("participantId")).isEqualTo(m.id());
            ApiClient.Response h = stack.api.get("/api/v1/ratings/" + m.id() + "/history", stack.regulator);
            assertThat(h.status()).as(h.toString()).isEqualTo(200);
        }
        ApiClient.Response list = stack.api.get("/api/v1/ratings", stack.regulator);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body().getJsonArray("ratings").stream().map(v -> ((JsonObject) v).getString("participantId")))
                .contains(acme.id(), beta.id()).doesNotContain(verifier.id(), stack.regulatorId);
        assertThat(list.body().getInteger("count")).isEqualTo(list.body().getJsonArray("ratings").size());
    }

    @Test
    void anUnknownParticipantIsNotFound() {
        assertProblem(stack.api.get("/api/v1/ratings/p-nobody", stack.regulator), 404, "RATING_NOT_FOUND");
        assertProblem(stack.api.get("/api/v1/ratings/p-nobody/history", stack.regulator), 404, "RATING_NOT_FOUND");
    }

    @Test
    void aBlankParticipantIdIsABadRequest() {
        assertProblem(stack.api.get("/api/v1/ratings/%20", stack.regulator), 400, "INVALID_PARTICIPANT_ID");
    }

    @Test
    void withoutAValidTokenEveryRatingRouteIsUnauthorized() {
        for (String path : List.of("/api/v1/ratings", "/api/v1/ratings/policy", "/api/v1/ratings/" + acme.id(),
                "/api/v1/ratings/" + acme.id() + "/history")) {
            assertProblem(stack.api.get(path, null), 401, "TOKEN_MISSING");
            String forged = acme.token().substring(0, acme.token().length() - 4) + "AAAA";
            ApiClient.Response r = stack.api.get(path, forged);
            assertThat(r.status()).as(path + " " + r).isEqualTo(401);
            assertThat(r.body().getString("reasonCode")).startsWith("TOKEN_");
        }
    }

    @Test
    void theGradeEffectsTableIsOpenToEveryAuthenticatedCaller() {
        ApiClient.Response r = stack.api.get("/api/v1/ratings/policy", verifier.token());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonArray grades = r.body().getJsonArray("grades");
        assertThat(grades).hasSize(9);
        JsonObject d = grades.stream().map(g -> (JsonObject) g).filter(g -> g.getString("grade").equals("D"))
                .findFirst().orElseThrow();
        assertThat(d.getBoolean("canOpenOrders")).isFalse();
    }

    @Test
    void theServiceListsTheRoutesItMountedWithTheirAccessRules() {
        assertThat(stack.rating.routes()).extracting(m -> m.method() + " " + m.path()).containsExactly(
                "GET /api/v1/ratings", "GET /api/v1/ratings/policy", "GET /api/v1/ratings/:participantId",
                "GET /api/v1/ratings/:participantId/history");
        SecureRouter.Mounted own = stack.rating.routes().get(2);
        assertThat(own.access().selfParam()).isEqualTo("participantId");
        assertThat(own.access().roles()).contains(Role.REGULATOR).doesNotContain(Role.ENTERPRISE, Role.VERIFIER,
                Role.EXCHANGE);
    }

    private static void assertProblem(ApiClient.Response r, int status, String reasonCode) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith(PROBLEM);
        assertThat(r.body().getString("reasonCode")).as(r.toString()).isEqualTo(reasonCode);
        assertThat(r.body().getInteger("status")).isEqualTo(status);
        assertThat(r.body().getString("type")).isEqualTo("urn:carbonx:problem:" + reasonCode);
    }
}
