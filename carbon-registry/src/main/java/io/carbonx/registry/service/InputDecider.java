package io.carbonx.registry.service;

import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AuctionAllocated;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DefaultReported;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderReplaceRequested;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.TradeExecuted;
import io.carbonx.registry.core.Outcome;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.model.CancelCause;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.OpenOrder;
import io.carbonx.registry.journal.Bytes;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.schemas.EventTypes;
import io.carbonx.schemas.Topics;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides the registry's inputs from the other services' topics:
 * <ul>
 *   <li>OrderSubmitted → accept (lock) or reject; OrderCancelRequested for an open order of the requester →
 *       forwarded to the order topic (the book cancels, and its OrderCancelled releases the locks), else a
 *       RequestRejected; OrderReplaceRequested → the old order cancelled and the new one submitted (with
 *       {@code replacesOrderId}), in one decision.</li>
 *   <li>The books' OrderCancelled/OrderExpired (reason ACCOUNT_FROZEN: the book cancelled it after a freeze, at the
 *       registry's request; see {@code Freezing}) → release the share of the lock of the quantity the book took off
 *       (not echoed back): all that remains closes the order; less means the book's earlier fills are still on
 *       their way on the trades topic (which the registry may read after the orders topic), and the order stays
 *       open for them, so the outcome does not depend on which topic is read first;
 *       TradeExecuted → the fill enters settlement; AgreementRegistered → both deposits locked;
 *       AuctionAllocated (a primary-auction win) → QuotaAllocated PRIMARY_AUCTION, paid from the winner's cash to
 *       the regulator's escrow account, or a RequestRejected AUCTION_ALLOCATION when it cannot be made.</li>
 *   <li>DefaultReported → an external default; CreditRatingChanged → the new grade (unchanged grades skipped).</li>
 * </ul>
 * A MARKET order is accepted at its protection price (stamped by the gateway from the instrument's band): the
 * deposit, the open-notional limit and the fill check ({@code price <= buy limit}, {@code >= sell limit}) all use
 * it, and the book never executes the order beyond it. A MARKET order without one is refused NON_POSITIVE_PRICE:
 * its deposit cannot be sized. Refusals of the books' records (an order no longer open) change nothing and publish
 * nothing.
 */
final class InputDecider {
    /** The book's reason code for an order it cancelled at the registry's request after a freeze. */
    static final String FROZEN = "ACCOUNT_FROZEN";
    private final RegistryState state;
    private final JournalCodec codec;

    InputDecider(RegistryState state, JournalCodec codec) {
        this.state = state;
        this.codec = codec;
    }

    Decision decide(SpecificRecord input) {
        EventEnvelope e = EventTypes.envelopeOf(input);
        DecisionContext context = new DecisionContext(e.getEventId(), e.getActor(), input, state.ledger().config());
        Decision d = new Decision();
        long t = e.getLogicalTime();
        if (input instanceof OrderSubmitted o) {
            run(new LedgerCommand.SubmitOrder(o.getOrderId(), o.getParticipantId(), o.getInstrumentId(), o.getSide(),
                    orderPrice(o), o.getQuantity(), o.getStorage(), t), context, d);
        } else if (input instanceof OrderCancelRequested c) {
            forwardCancel(c, e, d);
        } else if (input instanceof OrderReplaceRequested r) {
            replace(r, e, context, d);
        } else if (input instanceof OrderCancelled c) {
            d.echoOrderOutcomes = false;
            run(new LedgerCommand.CancelOrder(c.getOrderId(), c.getRemainingQuantity(),
                    FROZEN.equals(c.getReasonCode()) ? CancelCause.ACCOUNT_FROZEN : CancelCause.REQUESTED, t),
                    context, d);
        } else if (input instanceof OrderExpired x) {
            d.echoOrderOutcomes = false;
            run(new LedgerCommand.ExpireOrder(x.getOrderId(), x.getRemainingQuantity(), t), context, d);
        } else if (input instanceof TradeExecuted x) {
            run(new LedgerCommand.RecordTrade(x.getTradeId(), x.getBuyOrderId(), x.getSellOrderId(), x.getBuyerId(),
                    x.getSellerId(), x.getPriceMinor(), x.getQuantity(), x.getBuyerCommissionBps(),
                    x.getSellerCommissionBps(), t), context, d);
        } else if (input instanceof AuctionAllocated a) {
            auctionWin(a, e, context, d);
        } else if (input instanceof AgreementRegistered a) {
            run(new LedgerCommand.RegisterAgreement(a.getAgreementId(), a.getBuyerId(), a.getSellerId(),
                    a.getInstrumentId(), a.getPriceMinor(), a.getQuantity(), a.getSettlementDateMs(), t), context, d);
        } else if (input instanceof DefaultReported r) {
            String trade = r.getTradeId() != null ? r.getTradeId() : r.getAgreementId();
            DecisionContext byReporter = new DecisionContext(e.getEventId(), r.getReporterId(), input,
                    state.ledger().config());
            run(new LedgerCommand.ReportExternalDefault(r.getReportId(), r.getReporterId(), r.getKind(), trade,
                    r.getDefaulterId(), r.getAmountMinor(), t), byReporter, d);
        } else if (input instanceof CreditRatingChanged r) {
            Optional<Account> a = state.ledger().state().account(r.getParticipantId());
            if (a.isEmpty() || a.get().grade() != r.getGrade()) {
                run(new LedgerCommand.ChangeCreditGrade(r.getParticipantId(), r.getGrade(), t), context, d);
            }
        }
        return d;
    }

    /**
     * The price an order is collateralised and checked at: a LIMIT order's limit, a MARKET order's protection
     * price (the worst price the book will execute it at); 0 (refused NON_POSITIVE_PRICE) when there is none.
     */
    static long orderPrice(OrderSubmitted o) {
        Long price = o.getOrderType() == OrderType.MARKET ? o.getProtectionPriceMinor() : o.getPriceMinor();
        return price == null ? 0 : price;
    }

    /**
     * A primary-auction win becomes allowances paid for at the clearing price; a refusal (the winner cannot pay,
     * is cancelled, the instrument is not that allowance vintage, ...) credits nothing and is published as a
     * RequestRejected AUCTION_ALLOCATION to the winner (bids are not collateralised: the allocation is lost).
     */
    private void auctionWin(AuctionAllocated a, EventEnvelope e, DecisionContext context, Decision d) {
        Outcome o = LedgerStep.run(state, codec, new LedgerCommand.AllocateAuctionWin(a.getAllocationId(),
                a.getAuctionId(), a.getParticipantId(), a.getInstrumentId(), a.getVintage(), a.getQuantity(),
                a.getPriceMinor(), a.getAmountMinor(), e.getLogicalTime()), context, d);
        if (!o.isAccepted()) {
            d.published.add(new Decision.Published(Topics.REJECTIONS, a.getParticipantId(), RequestRejected.newBuilder()
                    .setEnvelope(EventEnvelope.newBuilder().setEventId(e.getEventId() + "#rejected")
                            .setType("RequestRejected").setCauseId(e.getEventId()).setLogicalTime(e.getLogicalTime())
                            .setActor(DecisionContext.REGISTRY_ACTOR).build())
                    .setRequestType("AUCTION_ALLOCATION").setParticipantId(a.getParticipantId())
                    .setClientRequestId(a.getAllocationId()).setSequence(null).setReasonCode(o.reason().name())
                    .setDetail(o.detail()).setRequestSha256(null).build()));
        }
    }

    private void run(LedgerCommand command, DecisionContext context, Decision d) {
        LedgerStep.run(state, codec, command, context, d);
    }

    private void forwardCancel(OrderCancelRequested c, EventEnvelope e, Decision d) {
        Optional<ReasonCode> problem = ownOpenOrder(c.getOrderId(), c.getParticipantId());
        if (problem.isEmpty()) {
            d.published.add(new Decision.Published(Topics.ORDERS, c.getInstrumentId(), c));
        } else {
            reject(d, e, "CancelRequest", c.getParticipantId(), c.getOrderId(), c.getSequence(), problem.get(),
                    c.getRequestBytes());
        }
    }

    private void replace(OrderReplaceRequested r, EventEnvelope e, DecisionContext context, Decision d) {
        long t = e.getLogicalTime();
        Optional<ReasonCode> problem = ownOpenOrder(r.getOrderId(), r.getParticipantId());
        if (problem.isPresent()) {
            reject(d, e, "ReplaceRequest", r.getParticipantId(), r.getClientOrderId(), r.getSequence(), problem.get(),
                    r.getRequestBytes());
            return;
        }
        OpenOrder old = state.ledger().state().openOrder(r.getOrderId()).orElseThrow();
        // a storage offer (an energy sell that locked stored energy) is replaced by a storage offer
        boolean storage = state.ledger().state().isEnergy(old.instrumentId()) && state.ledger().state()
                .lock(io.carbonx.registry.core.state.Lock.orderLockId(old.orderId()))
                .map(l -> l.quantity() > 0).orElse(false);
        run(new LedgerCommand.CancelOrder(old.orderId(), t), context, d);
        run(new LedgerCommand.SubmitOrder(r.getNewOrderId(), r.getParticipantId(), old.instrumentId(), old.side(),
                r.getPriceMinor(), r.getQuantity(), storage, t), context, d);
    }

    /** Empty when the order is open and belongs to the participant, else why not. */
    private Optional<ReasonCode> ownOpenOrder(String orderId, String participantId) {
        Optional<OpenOrder> o = state.ledger().state().openOrder(orderId);
        if (o.isPresent()) {
            return o.get().participantId().equals(participantId) ? Optional.empty()
                    : Optional.of(ReasonCode.UNKNOWN_ORDER);
        }
        return Optional.of(state.ledger().state().wasAccepted(orderId) ? ReasonCode.ORDER_NOT_OPEN
                : ReasonCode.UNKNOWN_ORDER);
    }

    private static void reject(Decision d, EventEnvelope cause, String requestType, String participantId, String clientRequestId,
                               long sequence, ReasonCode reason, ByteBuffer requestBytes) {
        RequestRejected rejected = RequestRejected.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(cause.getEventId() + "#rejected")
                        .setType("RequestRejected").setCauseId(cause.getEventId())
                        .setLogicalTime(cause.getLogicalTime()).setActor(DecisionContext.REGISTRY_ACTOR).build())
                .setRequestType(requestType).setParticipantId(participantId).setClientRequestId(clientRequestId)
                .setSequence(sequence).setReasonCode(reason.name()).setDetail(reason.name() + " " + clientRequestId)
                .setRequestSha256(ByteBuffer.wrap(sha256(Bytes.of(requestBytes)))).build();
        d.published.add(new Decision.Published(Topics.REJECTIONS, participantId, rejected));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
