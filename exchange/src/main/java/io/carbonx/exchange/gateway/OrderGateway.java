package io.carbonx.exchange.gateway;

import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.gateway.SubmittedState;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.requests.ReplaceRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed order entry: verifies a signed order, cancel or cancel/replace and publishes it to
 * {@code carbonx.orders.submitted} (keyed by participant), or publishes only a RequestRejected to
 * {@code carbonx.rejections} and answers the reason's 4xx.
 *
 * <p><b>Single writer per participant, group commit.</b> Every request of a participant runs on the same lane (one
 * thread of {@code lanes}, chosen by the caller's id). A lane takes all requests queued on it as one batch
 * ({@link GroupCommit}): it decides each against the {@link SubmittedState} plus the batch's earlier events, sends
 * them all, waits once for the acknowledgements, folds the acknowledged events in order and answers; a failed send
 * answers 503 and folds nothing of that participant from there on in the batch. Two concurrent requests of one
 * participant are therefore decided one after the other against the state the first left, whatever the HTTP
 * concurrency, and an event is folded only once durably published; participants on
 * other lanes proceed in parallel. The state is also fed by a follower of the topic (from the beginning at start,
 * {@link #markReady()} once caught up), so the sequence and client order ids survive restarts, and requests
 * published by another gateway instance are seen once they are read. Until ready, requests get 503.
 */
public final class OrderGateway implements AutoCloseable {

    /** What a request is. */
    public enum Kind {
        ORDER(OrderEntry.ORDER, OrderRequest.class),
        CANCEL(OrderEntry.CANCEL, CancelRequest.class),
        REPLACE(OrderEntry.REPLACE, ReplaceRequest.class),
        STORAGE_OFFER(OrderEntry.STORAGE_OFFER, OrderRequest.class);

        final String requestType;
        final Class<? extends SpecificRecord> type;

        Kind(String requestType, Class<? extends SpecificRecord> type) {
            this.requestType = requestType;
            this.type = type;
        }
    }

    /**
     * The HTTP answer.
     *
     * @param status HTTP status
     * @param body   JSON body (a problem for 4xx/5xx)
     */
    public record Response(int status, JsonObject body) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrderGateway.class);
    static final EventCodec CODEC = EventCodec.standard();
    private static final long PUBLISH_TIMEOUT_MS = 10_000;
    private static final int MAX_BATCH = 512;
    /** The most orders one {@link #submitBatch} call takes. */
    public static final int MAX_BATCH_ORDERS = 100;

    private final GroupCommit commit;
    private final SubmittedState state;
    private final List<OrderLane<GroupCommit.Request>> lanes = new ArrayList<>();
    private volatile boolean ready;

    /**
     * @param entry    the order-entry decisions
     * @param producer an idempotent producer
     * @param topics   topic names
     * @param clock    the gateway's clock (certificate validity, the events' logical time)
     * @param lanes    number of participant lanes (&ge; 1)
     */
    public OrderGateway(OrderEntry entry, Producer<byte[], byte[]> producer, ExchangeTopics topics, Clock clock,
                        int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, was " + lanes);
        }
        this.state = new SubmittedState();
        this.commit = new GroupCommit(entry, producer, topics, clock, state, PUBLISH_TIMEOUT_MS);
        for (int i = 0; i < lanes; i++) {
            this.lanes.add(new OrderLane<>("order-gateway-lane-" + i, MAX_BATCH, commit::run,
                    r -> r.answer().complete(unavailable("the gateway is closing"))));
        }
    }

    /** The default lane count: twice the available processors. */
    public static int defaultLanes() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Gives the gateway the participant directory it checks signers against. */
    public void attach(ParticipantDirectory directory) {
        commit.attach(new SignerCheck(directory));
    }

    /** Folds a record of {@code carbonx.orders.submitted} (from the follower); idempotent. */
    public void apply(SpecificRecord event) {
        synchronized (state) {
            state.apply(event);
        }
    }

    /** The follower has caught up with the topic: requests are decided from now on. */
    public void markReady() {
        ready = true;
    }

    /** True once caught up and attached to a directory. */
    public boolean isReady() {
        return ready && commit.attached();
    }

    /**
     * Decides a request of an authenticated caller, on the caller's lane (in a group commit with the other
     * requests queued there, see the class comment).
     *
     * @param kind     order, cancel or replace
     * @param callerId the authenticated participant
     * @param body     the JSON body, or null if it was not a JSON object
     */
    public CompletableFuture<Response> submit(Kind kind, String callerId, JsonObject body) {
        if (!isReady()) {
            return CompletableFuture.completedFuture(new Response(503, Problems.body(503, "GATEWAY_NOT_READY",
                    "order entry is starting")));
        }
        GroupCommit.Request request = new GroupCommit.Request(kind, callerId, body, new CompletableFuture<>());
        lanes.get(Math.floorMod(callerId.hashCode(), lanes.size())).offer(request);
        return request.answer();
    }

    /**
     * Decides a batch of signed orders of one caller (mass order entry): each element of {@code body.orders} is
     * exactly what {@link #submit} takes for an order and is decided exactly as if it had been submitted alone,
     * one after the other in array order, on the caller's lane (so sequences must increase along the array). The
     * batch is not atomic: every order stands or falls on its own, and the answer lists every order's own status
     * and body in array order. One HTTP request, token check and answer instead of one per order.
     *
     * @param callerId the authenticated participant
     * @param body     {@code {"orders": [signed order, ...]}} with 1..{@value #MAX_BATCH_ORDERS} objects, or null
     * @return 200 {@code {"results": [{"status", "body"}, ...]}}; 400 MALFORMED_BODY (nothing decided) when the body
     *     is not such an object
     */
    public CompletableFuture<Response> submitBatch(String callerId, JsonObject body) {
        JsonArray orders = body == null || !(body.getValue("orders") instanceof JsonArray a) ? null : a;
        if (orders == null || orders.isEmpty() || orders.size() > MAX_BATCH_ORDERS
                || !orders.stream().allMatch(JsonObject.class::isInstance)) {
            return CompletableFuture.completedFuture(new Response(400, Problems.body(400,
                    GatewayReason.MALFORMED_BODY.name(), "the body must be {\"orders\": [1.." + MAX_BATCH_ORDERS
                            + " signed orders]}")));
        }
        List<CompletableFuture<Response>> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            answers.add(submit(Kind.ORDER, callerId, orders.getJsonObject(i)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            JsonArray results = new JsonArray();
            for (CompletableFuture<Response> a : answers) {
                Response r = a.join();
                results.add(new JsonObject().put("status", r.status()).put("body", r.body()));
            }
            return new Response(200, new JsonObject().put("results", results));
        });
    }

    static Response unavailable(String detail) {
        return new Response(503, Problems.body(503, "PUBLISH_FAILED", detail));
    }

    static SpecificRecord decode(Kind kind, byte[] bytes) throws Refusal {
        try {
            return CODEC.decode(bytes, kind.type);
        } catch (RuntimeException e) {
            throw new Refusal(GatewayReason.MALFORMED_REQUEST, "request is not a " + kind.type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    static String signerOf(SpecificRecord request) {
        if (request instanceof OrderRequest o) {
            return o.getParticipantId();
        }
        if (request instanceof CancelRequest c) {
            return c.getParticipantId();
        }
        return ((ReplaceRequest) request).getParticipantId();
    }

    static String clientRequestId(SpecificRecord request) {
        if (request instanceof OrderRequest o) {
            return o.getClientOrderId();
        }
        if (request instanceof CancelRequest c) {
            return c.getOrderId();
        }
        return request instanceof ReplaceRequest r ? r.getClientOrderId() : null;
    }

    static Long sequenceOf(SpecificRecord request) {
        if (request instanceof OrderRequest o) {
            return o.getSequence();
        }
        if (request instanceof CancelRequest c) {
            return c.getSequence();
        }
        return request instanceof ReplaceRequest r ? r.getSequence() : null;
    }

    @Override
    public void close() {
        lanes.forEach(OrderLane::close);
    }
}
