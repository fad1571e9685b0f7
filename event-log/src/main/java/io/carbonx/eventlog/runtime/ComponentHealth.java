package io.carbonx.eventlog.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;

/**
 * The health of one component as shown on {@code /health}.
 *
 * <p>The three states and what the node's endpoints make of them:
 * <table>
 *   <caption>status and probes</caption>
 *   <tr><th>status</th><th>meaning</th><th>{@code /health/ready}</th><th>{@code /health/live}</th></tr>
 *   <tr><td>{@code UP}</td><td>does its job now: caught up with its input and running</td>
 *       <td>200 if every component is UP</td><td>200</td></tr>
 *   <tr><td>{@code CATCHING_UP}</td><td>running, but still replaying its input up to the end offsets it observed
 *       at startup (its state is not rebuilt yet, so its reads are stale); {@code details.reason} says what it
 *       waits for and {@code details.catchUp} gives the progress (see {@link CatchUpProgress#toJson})</td>
 *       <td>503</td><td>200: a catching-up process must not be restarted</td></tr>
 *   <tr><td>{@code DOWN}</td><td>cannot do its job (stopped loop, failed follower, diverged state);
 *       {@code details.reason} says why</td><td>503</td><td>200 (the node process itself still answers)</td></tr>
 * </table>
 * Catching up is a start-up state: a component that has once caught up reports ordinary lag in its details and
 * metrics, never CATCHING_UP again, so a busy topic cannot flap readiness.
 *
 * @param status  UP, CATCHING_UP or DOWN
 * @param details JSON-encodable details (e.g. {@code reason} when not UP); never null, copied
 */
public record ComponentHealth(Status status, JsonObject details) {

    /** See the class Javadoc. */
    public enum Status { UP, CATCHING_UP, DOWN }

    public ComponentHealth {
        Objects.requireNonNull(status, "status");
        details = details == null ? new JsonObject() : details.copy();
    }

    public static ComponentHealth up() {
        return new ComponentHealth(Status.UP, new JsonObject());
    }

    public static ComponentHealth up(JsonObject details) {
        return new ComponentHealth(Status.UP, details);
    }

    /** DOWN with {@code details.reason = reason}. */
    public static ComponentHealth down(String reason) {
        return new ComponentHealth(Status.DOWN, new JsonObject().put("reason", reason));
    }

    /**
     * CATCHING_UP if any of {@code readers} has not caught up: {@code details} plus {@code reason}
     * ({@code "catching up: <reader> (<progress>), ..."}, naming only the readers still replaying) and
     * {@code catchUp} ({@code {"<reader>": progress JSON, ...}} for every reader). Readers are listed by name.
     *
     * @param details the component's other details (copied, may be null)
     * @param readers progress of each reader of the component, by a short name ({@code "journal"})
     * @return the CATCHING_UP health, or empty when every reader has caught up
     */
    public static Optional<ComponentHealth> catchingUp(JsonObject details, Map<String, CatchUpProgress> readers) {
        Map<String, CatchUpProgress> sorted = new TreeMap<>(readers);
        StringJoiner behind = new StringJoiner(", ", "catching up: ", "");
        JsonObject progress = new JsonObject();
        boolean any = false;
        for (Map.Entry<String, CatchUpProgress> reader : sorted.entrySet()) {
            progress.put(reader.getKey(), reader.getValue().toJson());
            if (!reader.getValue().caughtUp()) {
                any = true;
                behind.add(reader.getKey() + " (" + reader.getValue().describe() + ")");
            }
        }
        if (!any) {
            return Optional.empty();
        }
        JsonObject d = details == null ? new JsonObject() : details.copy();
        return Optional.of(new ComponentHealth(Status.CATCHING_UP,
                d.put("reason", behind.toString()).put("catchUp", progress)));
    }

    public boolean isUp() {
        return status == Status.UP;
    }

    public boolean isCatchingUp() {
        return status == Status.CATCHING_UP;
    }

    /** {@code {"status": "UP", ...details}}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("status", status.name());
        details.forEach(entry -> {
            if (!"status".equals(entry.getKey())) {
                json.put(entry.getKey(), entry.getValue());
            }
        });
        return json;
    }
}
