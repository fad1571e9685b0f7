package io.carbonx.exchange.gateway;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.RequestSignature;
import io.carbonx.exchange.core.gateway.GatewayDecision;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.gateway.PendingView;
import io.carbonx.exchange.core.gateway.SubmittedState;
import io.carbonx.exchange.core.gateway.VerifiedRequest;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.registry.api.Problems;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.requests.ReplaceRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit of one lane's batch. In order: (1) each request is parsed and its signer, certificate and
 * signature checked; (2) under the state's lock, each is decided by {@link OrderEntry} against the folded
 * {@link SubmittedState} plus the events decided earlier in the batch ({@link PendingView}), so requests of one
 * participant see each other exactly as if they had been run one at a time; (3) every event and rejection is sent
 * without waiting, in decision order; (4) all acknowledgements are awaited once (one deadline for the batch);
 * (5) the acknowledged events are folded in order and every request is answered.
 *
 * <p><b>Failure.</b> When the send of a participant's event fails (or is not acknowledged in time), that request
 * and every later request of the same participant in the batch that was decided against the state (their decision
 * may depend on the failed event: a sequence above it, a DUPLICATE of it) answer 503 PUBLISH_FAILED and fold
 * nothing; requests of that participant decided earlier in the batch, and other participants' requests, are
 * unaffected. Refusals made before the state is read (signature, certificate) keep their 4xx. A rejection record
 * already sent for a request that then answers 503 stays on {@code carbonx.rejections} (an audit record only).
 *
 * <p><b>Exactly-once under failure.</b> A "failed" record may still have reached the log (a timeout after the
 * broker wrote it), and so may later records of the same participant. None is folded by the lane; the client
 * retries with the same signed bytes. If the follower of the topic has folded the record by then, an order or
 * replace retry gets its first result back (DUPLICATE, 200) and a cancel retry is refused as REPLAYED_SEQUENCE, as
 * with a single send; otherwise it is decided again and published again as the identical event (same event id
 * {@code submitted/<participant>/<sequence>}, same order id): {@link SubmittedState#apply} folds it once, and the
 * matcher refuses the second copy while the first order rests (DUPLICATE_ORDER_ID). That residual window (a send
 * reported failed that did land, retried before the follower reads it back) is the one a single send had; the
 * batch does not widen it, since a failure stops the participant's batch at that record. No request is ever
 * answered 202 for an event that was not acknowledged, and a state
 * fold only ever contains acknowledged or read-back events.
 */
final class GroupCommit {

    /**
     * A queued request.
     *
     * @param kind     what it is
     * @param callerId the authenticated participant
     * @param body     the JSON body, or null
     * @param answer   completed with the answer
     */
    record Request(OrderGateway.Kind kind, String callerId, JsonObject body,
                   CompletableFuture<OrderGateway.Response> answer) {
    }

    /** One request through the batch. */
    private static final class Item {
        final Request request;
        final Instant now;
        final String rejectionId;
        SignedBody body;
        SpecificRecord decoded;
        VerifiedRequest verified;
        Refusal refusal;
        GatewayDecision decision;
        Future<RecordMetadata> sent;

        Item(Request request, Instant now) {
            this.request = request;
            this.now = now;
            this.rejectionId = "rejected/" + request.callerId() + "/" + UUID.randomUUID();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final OrderEntry entry;
    private final Producer<byte[], byte[]> producer;
    private final ExchangeTopics topics;
    private final Clock clock;
    private final SubmittedState state;
    private final long timeoutMs;
    private volatile SignerCheck signers;

    GroupCommit(OrderEntry entry, Producer<byte[], byte[]> producer, ExchangeTopics topics, Clock clock,
                SubmittedState state, long timeoutMs) {
        this.entry = entry;
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
        this.state = state;
        this.timeoutMs = timeoutMs;
    }

    void attach(SignerCheck check) {
        this.signers = check;
    }

    boolean attached() {
        return signers != null;
    }

    /** Runs a batch (on its lane's thread) and answers every request of it. */
    void run(List<Request> batch) {
        List<Item> items = new ArrayList<>(batch.size());
        for (Request r : batch) {
            items.add(verify(r));
        }
        decide(items);
        for (Item item : items) {
            send(item);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<Boolean> acked = new ArrayList<>(items.size());
        for (Item item : items) {
            acked.add(item.sent == null || await(item, deadline));
        }
        List<OrderGateway.Response> answers = resolve(items, acked);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).request.answer().complete(answers.get(i));
        }
    }

    private Item verify(Request r) {
        Item item = new Item(r, clock.instant());
        try {
            item.body = SignedBody.parse(r.body());
            item.decoded = OrderGateway.decode(r.kind(), item.body.requestBytes());
            RequestSignature signature = signers.check(r.callerId(), OrderGateway.signerOf(item.decoded), item.body,
                    item.now);
            item.verified = new VerifiedRequest(r.callerId(), item.body.requestBytes(), signature,
                    item.now.toEpochMilli(), item.rejectionId);
        } catch (Refusal refusal) {
            item.refusal = refusal;
        }
        return item;
    }

    private void decide(List<Item> items) {
        synchronized (state) {
            PendingView view = new PendingView(state);
            for (Item item : items) {
                if (item.verified == null) {
                    continue;
                }
                item.decision = switch (item.request.kind()) {
                    case ORDER -> entry.order(item.verified, (OrderRequest) item.decoded, view);
                    case CANCEL -> entry.cancel(item.verified, (CancelRequest) item.decoded, view);
                    case REPLACE -> entry.replace(item.verified, (ReplaceRequest) item.decoded, view);
                    case STORAGE_OFFER -> entry.storageOffer(item.verified, (OrderRequest) item.decoded, view);
                };
                if (item.decision.outcome() == GatewayDecision.Outcome.PUBLISH) {
                    view.add(item.decision.event());
                }
            }
        }
    }

    private void send(Item item) {
        String topic;
        SpecificRecord record;
        if (item.refusal != null) {
            topic = topics.rejections();
            record = refusalRecord(item);
        } else if (item.decision.outcome() == GatewayDecision.Outcome.PUBLISH) {
            topic = topics.submitted();
            record = item.decision.event();
        } else if (item.decision.outcome() == GatewayDecision.Outcome.REJECT) {
            topic = topics.rejections();
            record = item.decision.rejection();
        } else {
            return;
        }
        try {
            item.sent = producer.send(new ProducerRecord<>(topic,
                    item.request.callerId().getBytes(StandardCharsets.UTF_8), OrderGateway.CODEC.encode(record)));
        } catch (RuntimeException e) {
            item.sent = CompletableFuture.failedFuture(e);
        }
    }

    private RequestRejected refusalRecord(Item item) {
        return OrderEntry.rejection(item.request.kind().requestType, item.request.callerId(),
                OrderGateway.clientRequestId(item.decoded), OrderGateway.sequenceOf(item.decoded),
                item.refusal.reason(), item.refusal.getMessage(), item.body == null ? null : item.body.requestBytes(),
                item.now.toEpochMilli(), item.rejectionId);
    }

    private static boolean await(Item item, long deadlineNanos) {
        try {
            item.sent.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("publishing for {} failed: {}", item.request.callerId(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Folds the acknowledged events (in order, up to each participant's first failure) and builds the answers. */
    private List<OrderGateway.Response> resolve(List<Item> items, List<Boolean> acked) {
        Set<String> failed = new HashSet<>();
        List<OrderGateway.Response> answers = new ArrayList<>(items.size());
        synchronized (state) {
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String caller = item.request.callerId();
                if (item.refusal != null) {
                    answers.add(problem(item.refusal.reason().httpStatus(), item.refusal.reason().name(),
                            item.refusal.getMessage()));
                } else if (failed.contains(caller)) {
                    answers.add(OrderGateway.unavailable("an earlier request of the batch was not recorded; retry"));
                } else if (item.decision.outcome() == GatewayDecision.Outcome.PUBLISH && !acked.get(i)) {
                    failed.add(caller);
                    answers.add(OrderGateway.unavailable("the request was not recorded; retry"));
                } else {
                    if (item.decision.outcome() == GatewayDecision.Outcome.PUBLISH) {
                        state.apply(item.decision.event());
                    }
                    answers.add(answer(item.decision));
                }
            }
        }
        return answers;
    }

    private static OrderGateway.Response answer(GatewayDecision d) {
        return switch (d.outcome()) {
            case REJECT -> problem(d.reason().httpStatus(), d.reason().name(), d.detail());
            case DUPLICATE -> new OrderGateway.Response(200, new JsonObject().put("status", "DUPLICATE")
                    .put("orderId", d.firstResult().orderId()).put("sequence", d.firstResult().sequence())
                    .put("clientOrderId", d.firstResult().clientOrderId()).put("eventId", d.firstResult().eventId()));
            case PUBLISH -> new OrderGateway.Response(202, new JsonObject().put("status", "SUBMITTED")
                    .put("orderId", d.orderId()).put("sequence", d.sequence())
                    .put("eventId", ((EventEnvelope) d.event().get(0)).getEventId()));
        };
    }

    private static OrderGateway.Response problem(int status, String code, String detail) {
        return new OrderGateway.Response(status, Problems.body(status, code, detail));
    }
}
