package io.carbonx.exchange.gateway;

import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionCloseRequested;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.registry.api.Problems;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.requests.AgreementTerms;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The negotiated and primary venues' entry: checks what needs no book state and forwards the request to the
 * instrument's partition of {@code carbonx.orders} (key = instrument), where the book decides (AgreementRegistered,
 * AuctionCleared/AuctionAllocated, or a RequestRejected). Refusals here publish only a RequestRejected (keyed by
 * the caller) and answer the reason's 4xx.
 *
 * <ul>
 *   <li>Agreements: body {@code {"terms": base64 AgreementTerms, "buyerSignature", "buyerCertificateSerial",
 *       "sellerSignature", "sellerCertificateSerial"}}; the caller (ENTERPRISE) must be the buyer or the seller
 *       (NOT_A_PARTY); both signatures are checked over the same bytes like an order's, each against its party's
 *       current ENTERPRISE certificate ({@link SignerCheck}); then the chain id and the instrument.</li>
 *   <li>Primary auctions: schedule and close by a REGULATOR (the caller is the auction's regulator), sealed bids by
 *       an ENTERPRISE (the caller is the bidder). These are authenticated calls, not signed requests.</li>
 * </ul>
 */
public final class VenueGateway implements AutoCloseable {

    private static final EventCodec CODEC = EventCodec.standard();

    private final String chainId;
    private final Set<String> instruments = new TreeSet<>();
    private final Producer<byte[], byte[]> producer;
    private final ExchangeTopics topics;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "venue-gateway");
        t.setDaemon(true);
        return t;
    });
    private volatile SignerCheck signers;

    public VenueGateway(String chainId, Collection<MarketDefinition> instruments, Producer<byte[], byte[]> producer,
                        ExchangeTopics topics, Clock clock) {
        this.chainId = chainId;
        instruments.forEach(d -> this.instruments.add(d.instrumentId()));
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
    }

    /** Gives the gateway the participant directory it checks signers against. */
    public void attach(ParticipantDirectory directory) {
        this.signers = new SignerCheck(directory);
    }

    /** Agreement terms signed by both parties, submitted by one of them. */
    public CompletableFuture<OrderGateway.Response> agreement(String callerId, JsonObject body) {
        return CompletableFuture.supplyAsync(() -> {
            long now = clock.millis();
            byte[] bytes = null;
            AgreementTerms t = null;
            try {
                if (signers == null) {
                    return new OrderGateway.Response(503, Problems.body(503, "GATEWAY_NOT_READY", "starting"));
                }
                bytes = base64(body, "terms");
                t = CODEC.decode(bytes, AgreementTerms.class);
            } catch (Refusal r) {
                return refuse(Rejection.AGREEMENT, callerId, null, r, bytes, now);
            } catch (RuntimeException e) {
                return refuse(Rejection.AGREEMENT, callerId, null, new Refusal(GatewayReason.MALFORMED_REQUEST,
                        "terms are not AgreementTerms: " + e.getMessage()), bytes, now);
            }
            try {
                if (!callerId.equals(t.getBuyerId()) && !callerId.equals(t.getSellerId())) {
                    throw new Refusal(GatewayReason.NOT_A_PARTY, callerId + " is neither buyer nor seller");
                }
                RequestSignature buyer = party(t.getBuyerId(), "buyer", body, bytes, now);
                RequestSignature seller = party(t.getSellerId(), "seller", body, bytes, now);
                check(t.getChainId(), t.getInstrumentId());
                return publish(t.getInstrumentId(), AgreementSubmitted.newBuilder()
                        .setEnvelope(envelope("AgreementSubmitted", callerId, now)).setAgreementId(t.getAgreementId())
                        .setInstrumentId(t.getInstrumentId()).setBuyerId(t.getBuyerId()).setSellerId(t.getSellerId())
                        .setSubmittedBy(callerId).setTermsBytes(ByteBuffer.wrap(bytes)).setBuyerSignature(buyer)
                        .setSellerSignature(seller).build());
            } catch (Refusal r) {
                return refuse(Rejection.AGREEMENT, callerId, t.getAgreementId(), r, bytes, now);
            }
        }, executor);
    }

    private RequestSignature party(String partyId, String role, JsonObject body, byte[] bytes, long now)
            throws Refusal {
        try {
            SignedBody signed = new SignedBody(bytes, base64(body, role + "Signature"),
                    string(body, role + "CertificateSerial"));
            return signers.check(partyId, partyId, signed, java.time.Instant.ofEpochMilli(now));
        } catch (Refusal r) {
            throw new Refusal(r.reason(), role + ": " + r.getMessage());
        }
    }

    /** A regulator schedules a primary auction. */
    public CompletableFuture<OrderGateway.Response> schedule(String callerId, Role role, JsonObject body) {
        return CompletableFuture.supplyAsync(() -> {
            long now = clock.millis();
            String auctionId = body == null ? null : body.getValue("auctionId") instanceof String s ? s : null;
            try {
                String instrument = string(body, "instrumentId");
                check(chainId, instrument);
                return publish(instrument, AuctionScheduleRequested.newBuilder()
                        .setEnvelope(envelope("AuctionScheduleRequested", callerId, now))
                        .setAuctionId(string(body, "auctionId")).setInstrumentId(instrument)
                        .setVintage((int) number(body, "vintage", null)).setRegulatorId(callerId).setActorRole(role)
                        .setTotalQuantity(number(body, "totalQuantity", null))
                        .setReservePriceMinor(number(body, "reservePriceMinor", null))
                        .setOpenAtMs(number(body, "openAtMs", null)).setCloseAtMs(number(body, "closeAtMs", null))
                        .setLotSize(number(body, "lotSize", 1L)).setTickSizeMinor(number(body, "tickSizeMinor", 1L))
                        .setMaxBidsPerBidder((int) number(body, "maxBidsPerBidder", 20L))
                        .setCancelIfUndersubscribed(Boolean.TRUE.equals(body.getValue("cancelIfUndersubscribed")))
                        .build());
            } catch (Refusal r) {
                return refuse(Rejection.AUCTION_SCHEDULE, callerId, auctionId, r, null, now);
            }
        }, executor);
    }

    /** An enterprise submits, amends or withdraws a sealed bid. */
    public CompletableFuture<OrderGateway.Response> bid(String callerId, String auctionId, JsonObject body) {
        return CompletableFuture.supplyAsync(() -> {
            long now = clock.millis();
            String bidId = body == null ? null : body.getValue("bidId") instanceof String s ? s : null;
            try {
                String instrument = string(body, "instrumentId");
                check(chainId, instrument);
                return publish(instrument, AuctionBidRequested.newBuilder()
                        .setEnvelope(envelope("AuctionBidRequested", callerId, now)).setAuctionId(auctionId)
                        .setInstrumentId(instrument).setBidderId(callerId).setBidId(string(body, "bidId"))
                        .setAction(string(body, "action")).setPriceMinor(number(body, "priceMinor", 0L))
                        .setQuantity(number(body, "quantity", 0L)).build());
            } catch (Refusal r) {
                return refuse(Rejection.AUCTION_BID, callerId, bidId, r, null, now);
            }
        }, executor);
    }

    /** The auction's regulator clears it. */
    public CompletableFuture<OrderGateway.Response> close(String callerId, String auctionId, JsonObject body) {
        return CompletableFuture.supplyAsync(() -> {
            long now = clock.millis();
            try {
                String instrument = string(body, "instrumentId");
                check(chainId, instrument);
                return publish(instrument, AuctionCloseRequested.newBuilder()
                        .setEnvelope(envelope("AuctionCloseRequested", callerId, now)).setAuctionId(auctionId)
                        .setInstrumentId(instrument).setRequestedBy(callerId).build());
            } catch (Refusal r) {
                return refuse(Rejection.AUCTION_CLOSE, callerId, auctionId, r, null, now);
            }
        }, executor);
    }

    private enum Rejection { AGREEMENT, AUCTION_SCHEDULE, AUCTION_BID, AUCTION_CLOSE }

    private void check(String requestChain, String instrument) throws Refusal {
        if (!chainId.equals(requestChain)) {
            throw new Refusal(GatewayReason.WRONG_CHAIN, "expected chain " + chainId);
        }
        if (!instruments.contains(instrument)) {
            throw new Refusal(GatewayReason.UNKNOWN_INSTRUMENT, "the exchange does not trade " + instrument);
        }
    }

    private OrderGateway.Response publish(String instrument, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topics.orders(), instrument.getBytes(StandardCharsets.UTF_8),
                    CODEC.encode(event))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new OrderGateway.Response(503, Problems.body(503, "PUBLISH_FAILED", "not recorded; retry"));
        }
        String eventId = ((EventEnvelope) event.get(0)).getEventId();
        return new OrderGateway.Response(202, new JsonObject().put("status", "SUBMITTED").put("eventId", eventId));
    }

    private OrderGateway.Response refuse(Rejection type, String callerId, String requestId, Refusal r, byte[] bytes,
                                         long now) {
        try {
            producer.send(new ProducerRecord<>(topics.rejections(), callerId.getBytes(StandardCharsets.UTF_8),
                    CODEC.encode(OrderEntry.rejection(type.name(), callerId, requestId, null, r.reason(),
                            r.getMessage(), bytes, now, "rejected/" + callerId + "/" + UUID.randomUUID()))))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        int status = r.reason().httpStatus();
        return new OrderGateway.Response(status, Problems.body(status, r.reason().name(), r.getMessage()));
    }

    private static EventEnvelope envelope(String type, String actor, long now) {
        return EventEnvelope.newBuilder().setEventId("venue/" + actor + "/" + UUID.randomUUID()).setType(type)
                .setCauseId(null).setLogicalTime(now).setActor(actor).build();
    }

    private static String string(JsonObject body, String field) throws Refusal {
        Object v = body == null ? null : body.getValue(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, field + " must be a non-empty string");
        }
        return s;
    }

    private static long number(JsonObject body, String field, Long fallback) throws Refusal {
        Object v = body == null ? null : body.getValue(field);
        if (v == null && fallback != null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, field + " must be an integer");
        }
        return ((Number) v).longValue();
    }

    private static byte[] base64(JsonObject body, String field) throws Refusal {
        String text = string(body, field);
        try {
            return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/').strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, field + " is not valid base64");
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
