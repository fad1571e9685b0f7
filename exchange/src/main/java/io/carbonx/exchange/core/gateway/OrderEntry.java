package io.carbonx.exchange.core.gateway;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderReplaceRequested;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.RequestRejected;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.requests.ReplaceRequest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The order-entry decisions after the adapter verified the certificate and the signature: pure functions of the
 * request, the {@link SubmittedState} and the configuration. Checks, in order (the first failure is reported):
 * <ol>
 *   <li>the request's participant is the caller ({@link GatewayReason#SIGNER_NOT_CALLER});</li>
 *   <li>the chain id ({@link GatewayReason#WRONG_CHAIN});</li>
 *   <li>orders and replaces: a client order id published before gets its first result back
 *       ({@link GatewayDecision.Outcome#DUPLICATE}), nothing new;</li>
 *   <li>the sequence number is above the participant's last one ({@link GatewayReason#REPLAYED_SEQUENCE});</li>
 *   <li>the instrument is traded here and, for orders and replaces, its rules ({@link OrderEntryRules}).</li>
 * </ol>
 * A MARKET order is published with the protection price of {@link OrderEntryRules#protectionPrice} (the
 * signed bytes stay as signed: the protection is the gateway's, from the instrument's published band).
 * Published events carry the exact signed bytes and signature; their id is
 * {@code submitted/<participant>/<sequence>} and the exchange order id of a new order is
 * {@code <participant>-<sequence>}, both unique because sequences strictly increase per participant.
 */
public final class OrderEntry {

    /** RequestRejected.requestType values. */
    public static final String ORDER = "ORDER";
    public static final String CANCEL = "CANCEL";
    public static final String REPLACE = "REPLACE";
    public static final String STORAGE_OFFER = "STORAGE_OFFER";

    private final String chainId;
    private final TreeMap<String, MarketDefinition> instruments = new TreeMap<>();

    /**
     * @param chainId     the chain requests must be bound to
     * @param instruments the instruments traded
     */
    public OrderEntry(String chainId, Collection<MarketDefinition> instruments) {
        this.chainId = chainId;
        instruments.forEach(d -> this.instruments.put(d.instrumentId(), d));
    }

    /** Decides a new order (an ordinary one: a request signed as a storage offer is refused here). */
    public GatewayDecision order(VerifiedRequest v, OrderRequest r, SubmittedView state) {
        return newOrder(v, r, state, false);
    }

    /**
     * Decides a storage offer: an OrderRequest signed with {@code storage = true}, a SELL LIMIT of stored energy on
     * an ENERGY instrument (STORAGE_FLAG_MISMATCH, STORAGE_NOT_ENERGY, STORAGE_MUST_SELL, then the energy rules,
     * after the identity, duplicate and sequence checks of any order). Published as an OrderSubmitted with
     * {@code storage = true}, under the participant's sequence like its orders.
     */
    public GatewayDecision storageOffer(VerifiedRequest v, OrderRequest r, SubmittedView state) {
        return newOrder(v, r, state, true);
    }

    private GatewayDecision newOrder(VerifiedRequest v, OrderRequest r, SubmittedView state, boolean storage) {
        String type = storage ? STORAGE_OFFER : ORDER;
        String p = r.getParticipantId();
        Optional<GatewayReason> reason = identity(v, p, r.getChainId());
        Optional<SubmittedState.FirstResult> first = reason.isEmpty() ? state.firstResult(p, r.getClientOrderId())
                : Optional.empty();
        if (first.isPresent()) {
            return GatewayDecision.duplicate(first.get());
        }
        reason = reason.or(() -> sequence(state, p, r.getSequence())).or(() -> storageRules(r, storage))
                .or(() -> rules(r.getInstrumentId(), r.getOrderType(), r.getPriceMinor(), r.getQuantity(),
                        r.getExpiresAtMs(), v.nowMs()));
        if (reason.isPresent()) {
            return reject(v, type, r.getClientOrderId(), r.getSequence(), reason.get(), r.getInstrumentId());
        }
        String orderId = p + "-" + r.getSequence();
        OrderSubmitted event = OrderSubmitted.newBuilder()
                .setEnvelope(envelope("OrderSubmitted", p, r.getSequence(), v.nowMs())).setOrderId(orderId)
                .setParticipantId(p).setClientOrderId(r.getClientOrderId()).setSequence(r.getSequence())
                .setInstrumentId(r.getInstrumentId()).setSide(r.getSide()).setOrderType(r.getOrderType())
                .setTimeInForce(r.getTimeInForce()).setPriceMinor(r.getPriceMinor()).setQuantity(r.getQuantity())
                .setExpiresAtMs(r.getExpiresAtMs()).setRequestBytes(ByteBuffer.wrap(v.requestBytes().clone()))
                .setSignature(v.signature()).setProtectionPriceMinor(protection(r)).setStorage(storage).build();
        return GatewayDecision.publish(event, orderId, r.getSequence());
    }

    /** The storage-offer checks: the signed flag matches the route; a storage offer is an energy sell. */
    private Optional<GatewayReason> storageRules(OrderRequest r, boolean storage) {
        if (r.getStorage() != storage) {
            return Optional.of(GatewayReason.STORAGE_FLAG_MISMATCH);
        }
        if (!storage) {
            return Optional.empty();
        }
        MarketDefinition d = instruments.get(r.getInstrumentId());
        if (d == null) {
            return Optional.of(GatewayReason.UNKNOWN_INSTRUMENT);
        }
        if (!d.isEnergy()) {
            return Optional.of(GatewayReason.STORAGE_NOT_ENERGY);
        }
        return r.getSide() == Side.SELL ? Optional.empty() : Optional.of(GatewayReason.STORAGE_MUST_SELL);
    }

    /** The protection price stamped on a MARKET order (the rules accepted it, so there is one); null for LIMIT. */
    private Long protection(OrderRequest r) {
        if (r.getOrderType() != OrderType.MARKET) {
            return null;
        }
        MarketDefinition d = instruments.get(r.getInstrumentId());
        return OrderEntryRules.protectionPrice(d.bookRules(), r.getSide()).orElseThrow();
    }

    /** Decides a cancel (ownership of the order is the registry's check). */
    public GatewayDecision cancel(VerifiedRequest v, CancelRequest r, SubmittedView state) {
        String p = r.getParticipantId();
        Optional<GatewayReason> reason = identity(v, p, r.getChainId())
                .or(() -> sequence(state, p, r.getSequence()))
                .or(() -> instruments.containsKey(r.getInstrumentId()) ? Optional.empty()
                        : Optional.of(GatewayReason.UNKNOWN_INSTRUMENT));
        if (reason.isPresent()) {
            return reject(v, CANCEL, r.getOrderId(), r.getSequence(), reason.get(), r.getInstrumentId());
        }
        OrderCancelRequested event = OrderCancelRequested.newBuilder()
                .setEnvelope(envelope("OrderCancelRequested", p, r.getSequence(), v.nowMs()))
                .setOrderId(r.getOrderId()).setParticipantId(p).setInstrumentId(r.getInstrumentId())
                .setSequence(r.getSequence()).setRequestBytes(ByteBuffer.wrap(v.requestBytes().clone()))
                .setSignature(v.signature()).build();
        return GatewayDecision.publish(event, r.getOrderId(), r.getSequence());
    }

    /** Decides a cancel/replace: a new LIMIT order of the new price and quantity replacing the old one. */
    public GatewayDecision replace(VerifiedRequest v, ReplaceRequest r, SubmittedView state) {
        String p = r.getParticipantId();
        Optional<GatewayReason> reason = identity(v, p, r.getChainId());
        Optional<SubmittedState.FirstResult> first = reason.isEmpty() ? state.firstResult(p, r.getClientOrderId())
                : Optional.empty();
        if (first.isPresent()) {
            return GatewayDecision.duplicate(first.get());
        }
        reason = reason.or(() -> sequence(state, p, r.getSequence())).or(() -> rules(r.getInstrumentId(),
                OrderType.LIMIT, r.getPriceMinor(), r.getQuantity(), r.getExpiresAtMs(), v.nowMs()));
        if (reason.isPresent()) {
            return reject(v, REPLACE, r.getClientOrderId(), r.getSequence(), reason.get(), r.getInstrumentId());
        }
        String newOrderId = p + "-" + r.getSequence();
        OrderReplaceRequested event = OrderReplaceRequested.newBuilder()
                .setEnvelope(envelope("OrderReplaceRequested", p, r.getSequence(), v.nowMs()))
                .setOrderId(r.getOrderId()).setNewOrderId(newOrderId).setParticipantId(p)
                .setClientOrderId(r.getClientOrderId()).setInstrumentId(r.getInstrumentId())
                .setSequence(r.getSequence()).setPriceMinor(r.getPriceMinor()).setQuantity(r.getQuantity())
                .setExpiresAtMs(r.getExpiresAtMs()).setRequestBytes(ByteBuffer.wrap(v.requestBytes().clone()))
                .setSignature(v.signature()).build();
        return GatewayDecision.publish(event, newOrderId, r.getSequence());
    }

    private Optional<GatewayReason> identity(VerifiedRequest v, String participantId, String requestChain) {
        if (!v.callerId().equals(participantId)) {
            return Optional.of(GatewayReason.SIGNER_NOT_CALLER);
        }
        return chainId.equals(requestChain) ? Optional.empty() : Optional.of(GatewayReason.WRONG_CHAIN);
    }

    private static Optional<GatewayReason> sequence(SubmittedView state, String participantId, long sequence) {
        Optional<Long> last = state.lastSequence(participantId);
        return last.isPresent() && sequence <= last.get() ? Optional.of(GatewayReason.REPLAYED_SEQUENCE)
                : Optional.empty();
    }

    private Optional<GatewayReason> rules(String instrumentId, OrderType type, Long price, long quantity,
                                          Long expiresAtMs, long nowMs) {
        MarketDefinition d = instruments.get(instrumentId);
        return d == null ? Optional.of(GatewayReason.UNKNOWN_INSTRUMENT)
                : OrderEntryRules.check(d, type, price, quantity, expiresAtMs, nowMs);
    }

    private GatewayDecision reject(VerifiedRequest v, String type, String clientRequestId, long sequence,
                                   GatewayReason reason, String instrumentId) {
        String detail = reason.name() + " (" + type + " " + clientRequestId + " on " + instrumentId + ", sequence "
                + sequence + ")";
        return GatewayDecision.reject(reason, detail, rejection(type, v.callerId(), clientRequestId, sequence,
                reason, detail, v.requestBytes(), v.nowMs(), v.rejectionId()));
    }

    private static EventEnvelope envelope(String type, String participantId, long sequence, long nowMs) {
        return EventEnvelope.newBuilder().setEventId("submitted/" + participantId + "/" + sequence).setType(type)
                .setCauseId(null).setLogicalTime(nowMs).setActor(participantId).build();
    }

    /**
     * The record of a refusal, published on {@code carbonx.rejections} keyed by the caller.
     *
     * @param requestType     ORDER, CANCEL or REPLACE
     * @param callerId        the authenticated participant
     * @param clientRequestId the client order id (or the order id of a cancel), if it could be read
     * @param sequence        the request's sequence number, if it could be read
     * @param reason          why
     * @param detail          human-readable detail
     * @param requestBytes    the request bytes as received, if any (their SHA-256 is recorded)
     * @param nowMs           the gateway's time
     * @param eventId         a unique event id
     */
    public static RequestRejected rejection(String requestType, String callerId, String clientRequestId,
                                            Long sequence, GatewayReason reason, String detail, byte[] requestBytes,
                                            long nowMs, String eventId) {
        return RequestRejected.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(eventId).setType("RequestRejected")
                        .setCauseId(null).setLogicalTime(nowMs).setActor("exchange-gateway").build())
                .setRequestType(requestType).setParticipantId(callerId).setClientRequestId(clientRequestId)
                .setSequence(sequence).setReasonCode(reason.name()).setDetail(detail)
                .setRequestSha256(requestBytes == null ? null : ByteBuffer.wrap(sha256(requestBytes))).build();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
