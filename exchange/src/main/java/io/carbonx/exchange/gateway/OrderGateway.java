package io.carbonx.exchange.gateway;

import io.carbonx.events.RequestRejected;
import io.carbonx.events.RequestSignature;
import io.carbonx.exchange.core.gateway.GatewayDecision;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.gateway.SubmittedState;
import io.carbonx.exchange.core.gateway.VerifiedRequest;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.requests.ReplaceRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed order entry: verifies a signed order, cancel or cancel/replace and publishes it to
 * {@code carbonx.orders.submitted} (keyed by participant), or publishes only a RequestRejected to
 * {@code carbonx.rejections} and answers the reason's 4xx.
 *
 * <p><b>Single writer per participant.</b> Every request of a participant runs on the same lane (one thread of
 * {@code lanes}, chosen by the caller's id): check, publish (waiting for the broker's acknowledgement), then fold the
 * published event into the {@link SubmittedState}. Two concurrent requests of one participant are therefore
 * decided one after the other against the state the first left, whatever the HTTP concurrency; participants on
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
    private static final EventCodec CODEC = EventCodec.standard();
    private static final long PUBLISH_TIMEOUT_MS = 10_000;

    private final OrderEntry entry;
    private final Producer<byte[], byte[]> producer;
    private final ExchangeTopics topics;
    private final Clock clock;
    private final SubmittedState state = new SubmittedState();
    private final ExecutorService[] lanes;
    private volatile SignerCheck signers;
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
        this.entry = entry;
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
        this.lanes = new ExecutorService[lanes];
        for (int i = 0; i < lanes; i++) {
            int n = i;
            this.lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "order-gateway-lane-" + n);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Gives the gateway the participant directory it checks signers against. */
    public void attach(ParticipantDirectory directory) {
        this.signers = new SignerCheck(directory);
    }

    /** Folds a record of {@code carbonx.orders.submitted} (from the follower). */
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
        return ready && signers != null;
    }

    /**
     * Decides a request of an authenticated caller, on the caller's lane.
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
        ExecutorService lane = lanes[Math.floorMod(callerId.hashCode(), lanes.length)];
        return CompletableFuture.supplyAsync(() -> decide(kind, callerId, body), lane);
    }

    private Response decide(Kind kind, String callerId, JsonObject json) {
        Instant now = clock.instant();
        String rejectionId = "rejected/" + callerId + "/" + UUID.randomUUID();
        SignedBody body = null;
        SpecificRecord request = null;
        try {
            body = SignedBody.parse(json);
            request = decode(kind, body.requestBytes());
            RequestSignature signature = signers.check(callerId, signerOf(request), body, now);
            GatewayDecision decision;
            VerifiedRequest v = new VerifiedRequest(callerId, body.requestBytes(), signature, now.toEpochMilli(),
                    rejectionId);
            synchronized (state) {
                decision = switch (kind) {
                    case ORDER -> entry.order(v, (OrderRequest) request, state);
                    case CANCEL -> entry.cancel(v, (CancelRequest) request, state);
                    case REPLACE -> entry.replace(v, (ReplaceRequest) request, state);
                    case STORAGE_OFFER -> entry.storageOffer(v, (OrderRequest) request, state);
                };
            }
            return act(decision, callerId);
        } catch (Refusal r) {
            String detail = r.getMessage();
            RequestRejected rejection = OrderEntry.rejection(kind.requestType, callerId, clientRequestId(request),
                    sequenceOf(request), r.reason(), detail, body == null ? null : body.requestBytes(),
                    now.toEpochMilli(), rejectionId);
            return reject(r.reason(), detail, rejection, callerId);
        }
    }

    private Response act(GatewayDecision d, String callerId) {
        return switch (d.outcome()) {
            case REJECT -> reject(d.reason(), d.detail(), d.rejection(), callerId);
            case DUPLICATE -> new Response(200, new JsonObject().put("status", "DUPLICATE")
                    .put("orderId", d.firstResult().orderId()).put("sequence", d.firstResult().sequence())
                    .put("clientOrderId", d.firstResult().clientOrderId()).put("eventId", d.firstResult().eventId()));
            case PUBLISH -> publish(d, callerId);
        };
    }

    private Response publish(GatewayDecision d, String callerId) {
        try {
            send(topics.submitted(), callerId, d.event());
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            LOG.warn("publishing {} failed: {}", d.event().getSchema().getName(), e.toString());
            return new Response(503, Problems.body(503, "PUBLISH_FAILED", "the request was not recorded; retry"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(503, Problems.body(503, "PUBLISH_FAILED", "interrupted"));
        }
        apply(d.event());
        String eventId = ((io.carbonx.events.EventEnvelope) d.event().get(0)).getEventId();
        return new Response(202, new JsonObject().put("status", "SUBMITTED").put("orderId", d.orderId())
                .put("sequence", d.sequence()).put("eventId", eventId));
    }

    private Response reject(GatewayReason reason, String detail, RequestRejected rejection, String callerId) {
        try {
            send(topics.rejections(), callerId, rejection);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            LOG.warn("publishing a rejection failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Response(reason.httpStatus(), Problems.body(reason.httpStatus(), reason.name(), detail));
    }

    private void send(String topic, String key, SpecificRecord event)
            throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), CODEC.encode(event)))
                .get(PUBLISH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static SpecificRecord decode(Kind kind, byte[] bytes) throws Refusal {
        try {
            return CODEC.decode(bytes, kind.type);
        } catch (RuntimeException e) {
            throw new Refusal(GatewayReason.MALFORMED_REQUEST, "request is not a " + kind.type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    private static String signerOf(SpecificRecord request) {
        if (request instanceof OrderRequest o) {
            return o.getParticipantId();
        }
        if (request instanceof CancelRequest c) {
            return c.getParticipantId();
        }
        return ((ReplaceRequest) request).getParticipantId();
    }

    private static String clientRequestId(SpecificRecord request) {
        if (request instanceof OrderRequest o) {
            return o.getClientOrderId();
        }
        if (request instanceof CancelRequest c) {
            return c.getOrderId();
        }
        return request instanceof ReplaceRequest r ? r.getClientOrderId() : null;
    }

    private static Long sequenceOf(SpecificRecord request) {
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
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
