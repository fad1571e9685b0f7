package io.carbonx.registry.api;

import io.carbonx.events.CommandDecided;
import io.carbonx.events.EventEnvelope;
import io.carbonx.registry.journal.Bytes;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a route turns a validated, authorised request into a registry command and its answer: a fresh command id,
 * the caller as actor, the node's clock as the command's logical time; then the reply: 200 with
 * {@code {commandId, commandType, accepted: true, events: [...]}} (each event as JSON with its {@code type}), or
 * the refusal as a problem whose status follows the reason code ({@link ReasonStatus}) and which carries the
 * {@code commandId}; 504 COMMAND_TIMEOUT when no reply comes in time (the command may still be carried out:
 * repeat it with the same reference to be safe, references are unique), 503 COMMAND_NOT_PUBLISHED when Kafka
 * refused it.
 */
public final class CommandCalls {
    private final CommandGateway gateway;
    private final Clock clock;

    /**
     * @param gateway the command gateway
     * @param clock   the node's clock (command times)
     */
    public CommandCalls(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * @param type  the command type name
     * @param actor the acting participant
     * @return a new envelope with a fresh command id
     */
    public EventEnvelope envelope(String type, String actor) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType(type).setCauseId(null)
                .setLogicalTime(clock.millis()).setActor(actor).build();
    }

    /**
     * Publishes the command and answers the request with its outcome.
     *
     * @param ctx     the request
     * @param command the command
     */
    public void submit(RoutingContext ctx, SpecificRecord command) {
        gateway.send(command).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof TimeoutException) {
                    Problems.send(ctx, 504, "COMMAND_TIMEOUT", ar.cause().getMessage());
                } else {
                    Problems.send(ctx, 503, "COMMAND_NOT_PUBLISHED", String.valueOf(ar.cause().getMessage()));
                }
                return;
            }
            answer(ctx, ar.result());
        });
    }

    private static void answer(RoutingContext ctx, CommandDecided reply) {
        if (ctx.response().ended()) {
            return;
        }
        if (!reply.getAccepted()) {
            int status = ReasonStatus.of(reply.getReasonCode());
            JsonObject body = Problems.body(status, reply.getReasonCode(), reply.getDetail())
                    .put("commandId", reply.getCommandId());
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON)
                    .end(body.encode());
            return;
        }
        JsonArray events = new JsonArray();
        for (ByteBuffer b : reply.getEvents()) {
            SpecificRecord e = EventCodec.standard().decode(Bytes.of(b));
            events.add(AvroJson.event(e));
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("commandId", reply.getCommandId())
                        .put("commandType", reply.getCommandType()).put("accepted", true).put("events", events)
                        .encode());
    }
}
