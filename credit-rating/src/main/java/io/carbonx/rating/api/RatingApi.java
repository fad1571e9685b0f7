package io.carbonx.rating.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.readmodel.RatingQueries;
import io.carbonx.rating.readmodel.RatingView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The rating endpoints as framework-free handlers: the API layer authenticates the request, builds the
 * {@link Caller} (or passes null when unauthenticated), calls one method and writes the {@link ApiResponse}.
 * Thread-safe; never blocks.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>method</th><th>who</th><th>200 body</th></tr>
 *   <tr><td>{@code GET /api/v1/ratings/{participantId}}</td><td>{@link #current}</td><td>self, see-all roles</td>
 *       <td>{@code {"rating": view, "effects": effects of its grade}}</td></tr>
 *   <tr><td>{@code GET /api/v1/ratings/{participantId}/history}</td><td>{@link #history}</td>
 *       <td>self, see-all roles</td><td>{@code {"participantId", "changes": [view, ...] oldest first}}</td></tr>
 *   <tr><td>{@code GET /api/v1/ratings}</td><td>{@link #list}</td><td>see-all roles</td>
 *       <td>{@code {"count", "ratings": [view, ...] by participant id}}</td></tr>
 *   <tr><td>{@code GET /api/v1/ratings/policy}</td><td>{@link #policy}</td><td>any authenticated caller</td>
 *       <td>{@code {"grades": [effects, ...]}}</td></tr>
 * </table>
 * A view is {@link RatingJson#view}; see-all roles are those of {@link RatingAccessPolicy} (REGULATOR, COURT,
 * ARBITRATOR by default). Mount {@code /policy} before {@code /{participantId}}.
 *
 * <p>Errors ({@value ApiResponse#PROBLEM_JSON}, with a {@code reasonCode}), checked in this order, so that a
 * refused caller learns nothing about other participants:
 * <ul>
 *   <li>401 {@code UNAUTHENTICATED}: no caller;</li>
 *   <li>400 {@code INVALID_PARTICIPANT_ID}: blank, longer than {@value #MAX_ID_LENGTH} characters, or with control
 *       characters;</li>
 *   <li>403 {@code RATING_ACCESS_DENIED}: another participant's rating, or the list, without a see-all role;</li>
 *   <li>404 {@code RATING_NOT_FOUND}: the participant has never been rated.</li>
 * </ul>
 * Over HTTP ({@link RatingRoutes}) the registry's API security authenticates and authorises first, with rules derived
 * from the same {@link RatingAccessPolicy}, so its 401/403 codes are the ones callers see; the checks here stay for
 * any other caller of these handlers.
 */
public final class RatingApi {

    /** The longest participant id accepted in a path. */
    public static final int MAX_ID_LENGTH = 256;

    private final RatingQueries queries;
    private final RatingAccessPolicy access;
    private final RatingPolicy policy;

    public RatingApi(RatingQueries queries, RatingAccessPolicy access, RatingPolicy policy) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.access = Objects.requireNonNull(access, "access");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return who may read which ratings */
    public RatingAccessPolicy access() {
        return access;
    }

    /** {@code GET /api/v1/ratings/{participantId}}. */
    public ApiResponse current(Caller caller, String participantId) {
        Optional<ApiResponse> refused = refuseRead(caller, participantId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<RatingView> view = queries.current(participantId);
        if (view.isEmpty()) {
            return notFound(participantId);
        }
        RatingView v = view.get();
        return ApiResponse.ok(new JsonObject().put("rating", RatingJson.view(v))
                .put("effects", RatingJson.effects(v.grade(), policy.effects(v.grade()))));
    }

    /** {@code GET /api/v1/ratings/{participantId}/history}. */
    public ApiResponse history(Caller caller, String participantId) {
        Optional<ApiResponse> refused = refuseRead(caller, participantId);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<RatingView> changes = queries.history(participantId);
        if (changes.isEmpty()) {
            return notFound(participantId);
        }
        return ApiResponse.ok(new JsonObject().put("participantId", participantId).put("changes", array(changes)));
    }

    /** {@code GET /api/v1/ratings}: every participant's current rating. */
    public ApiResponse list(Caller caller) {
        if (caller == null) {
            return unauthenticated();
        }
        if (!access.mayList(caller)) {
            return ApiResponse.problem(403, "RATING_ACCESS_DENIED", "Forbidden",
                    "role " + caller.role() + " may not list every participant's rating");
        }
        List<RatingView> all = queries.all();
        return ApiResponse.ok(new JsonObject().put("count", all.size()).put("ratings", array(all)));
    }

    /** {@code GET /api/v1/ratings/policy}: what each grade means for trading. */
    public ApiResponse policy(Caller caller) {
        return caller == null ? unauthenticated() : ApiResponse.ok(RatingJson.policy(policy));
    }

    private Optional<ApiResponse> refuseRead(Caller caller, String participantId) {
        if (caller == null) {
            return Optional.of(unauthenticated());
        }
        String invalid = invalidId(participantId);
        if (invalid != null) {
            return Optional.of(ApiResponse.problem(400, "INVALID_PARTICIPANT_ID", "Bad Request", invalid));
        }
        if (!access.mayRead(caller, participantId)) {
            return Optional.of(ApiResponse.problem(403, "RATING_ACCESS_DENIED", "Forbidden",
                    "a participant may read only its own rating; role " + caller.role() + " may not read others'"));
        }
        return Optional.empty();
    }

    /** @return why {@code id} is not a participant id, or null if it may be one */
    static String invalidId(String id) {
        if (id == null || id.isBlank()) {
            return "participant id is blank";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "participant id is longer than " + MAX_ID_LENGTH + " characters";
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return "participant id contains a control character at index " + i;
            }
        }
        return null;
    }

    private static ApiResponse unauthenticated() {
        return ApiResponse.problem(401, "UNAUTHENTICATED", "Unauthorized", "a client certificate is required");
    }

    private static ApiResponse notFound(String participantId) {
        return ApiResponse.problem(404, "RATING_NOT_FOUND", "Not Found", participantId + " has no rating yet");
    }

    private static JsonArray array(List<RatingView> views) {
        JsonArray array = new JsonArray();
        for (RatingView v : views) {
            array.add(RatingJson.view(v));
        }
        return array;
    }
}
