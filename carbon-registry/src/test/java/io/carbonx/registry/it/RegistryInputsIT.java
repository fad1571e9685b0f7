package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DeadLetter;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DefaultReported;
import io.carbonx.events.DepositLocked;
import io.carbonx.events.DepositReleased;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's other inputs end to end: a rating change sets the deposit share of later orders; a cancel
 * request for the requester's open order is forwarded to the book and a foreign one rejected; the book's own
 * cancel releases the lock without being echoed; an agreement locks both deposits; an arbitration ruling reported
 * on the external-defaults topic defaults the agreement; records that are not events go to the dead-letter topic
 * and the loop goes on.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryInputsIT {
    private static final String ALW = "EUA-2028";

    @Test
    void ratingsCancelsAgreementsAndExternalDefaultsFromTheirTopics(KafkaBroker broker, @TempDir Path dir) {
        try (RegistryHarness h = new RegistryHarness(broker, dir, "inputs" + UUID.randomUUID() + ".",
                new JsonObject()); TopicProbe probe = new TopicProbe(broker.clients())) {
            Cast cast = new Cast(h);
            Cast.Member a = cast.register("Inputs A", Role.ENTERPRISE);
            Cast.Member b = cast.register("Inputs B", Role.ENTERPRISE);
            Cast.Member arbitrator = cast.register("Inputs Arbitration", Role.ARBITRATOR);
            ok(h.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", ALW).put("kind", "ALLOWANCE")
                    .put("vintage", 2028), cast.regulator));
            for (Cast.Member m : List.of(a, b)) {
                ok(h.api.post("/api/v1/accounts/" + m.id() + "/deposits", new JsonObject()
                        .put("transferId", "in-" + m.id()).put("amountMinor", 1_000_000), m.token()));
            }
            long t = System.currentTimeMillis();

            probe.publish(topic(h, Topics.RATINGS), a.id(), rating(a.id(), CreditGrade.AAA, t));
            probe.publish(topic(h, Topics.ORDERS_SUBMITTED), a.id(), Inputs.order("ia1", a.id(), ALW, Side.BUY, 10_00,
                    10, t));
            OrderAccepted accepted = probe.await(topic(h, Topics.ORDERS), OrderAccepted.class,
                    o -> o.getOrderId().equals("ia1"));
            assertThat(accepted.getGrade()).isEqualTo(CreditGrade.AAA);
            assertThat(accepted.getDepositShareBps()).isEqualTo(500);
            assertThat(accepted.getDepositLockedMinor()).isEqualTo(500L);

            probe.publish(topic(h, Topics.ORDERS_SUBMITTED), b.id(), cancelRequest("ia1", b.id(), t));
            RequestRejected foreign = probe.await(topic(h, Topics.REJECTIONS), RequestRejected.class,
                    r -> r.getParticipantId().equals(b.id()));
            assertThat(foreign.getReasonCode()).isEqualTo("UNKNOWN_ORDER");
            probe.publish(topic(h, Topics.ORDERS_SUBMITTED), a.id(), cancelRequest("ia1", a.id(), t));
            probe.await(topic(h, Topics.ORDERS), OrderCancelRequested.class, c -> c.getOrderId().equals("ia1"));

            OrderCancelled byBook = OrderCancelled.newBuilder().setEnvelope(Inputs.envelope("OrderCancelled", t + 1,
                    "book")).setOrderId("ia1").setParticipantId(a.id()).setInstrumentId(ALW).setRemainingQuantity(10)
                    .setReasonCode("REQUESTED").build();
            probe.publish(topic(h, Topics.ORDERS), ALW, byBook);
            DepositReleased released = probe.await(topic(h, Topics.SETTLEMENT), DepositReleased.class,
                    r -> r.getReferenceId().equals("ia1"));
            assertThat(released.getReleasedAmountMinor()).isEqualTo(500L);
            cast.awaitReadModel();
            assertThat(probe.allOf(topic(h, Topics.ORDERS), OrderCancelled.class)).as("not echoed").hasSize(1);

            probe.publish(topic(h, Topics.TRADES), ALW, agreement("ag-1", b.id(), a.id(), t + 2));
            List<DepositLocked> locks = List.of(
                    probe.await(topic(h, Topics.SETTLEMENT), DepositLocked.class,
                            l -> l.getReferenceId().equals("ag-1") && l.getParticipantId().equals(a.id())),
                    probe.await(topic(h, Topics.SETTLEMENT), DepositLocked.class,
                            l -> l.getReferenceId().equals("ag-1") && l.getParticipantId().equals(b.id())));
            assertThat(locks).extracting(DepositLocked::getAmountMinor).containsExactly(500L, 2_000L);

            probe.publish(topic(h, Topics.DEFAULTS_EXTERNAL), a.id(), ruling("ag-1", arbitrator.id(), a.id(), b.id(),
                    t + 3));
            DefaultRecorded d = probe.await(topic(h, Topics.SETTLEMENT), DefaultRecorded.class,
                    r -> "ag-1".equals(r.getAgreementId()));
            assertThat(d.getKind()).isEqualTo(DefaultKind.ARBITRATION_RULING);
            assertThat(d.getReportedBy()).isEqualTo(arbitrator.id());
            assertThat(d.getReportId()).isEqualTo("ruling-ag-1");
            assertThat(d.getDefaulterId()).isEqualTo(a.id());
            assertThat(probe.await(topic(h, Topics.SETTLEMENT), AccountFrozen.class,
                    f -> f.getParticipantId().equals(a.id())).getReasonCode()).isEqualTo("UNCOVERED_LOSS");

            probe.publishRaw(topic(h, Topics.ORDERS_SUBMITTED), a.id(), new byte[] {1, 2, 3});
            probe.publish(topic(h, Topics.ORDERS_SUBMITTED), a.id(), OrderRequest.newBuilder().setChainId("c")
                    .setParticipantId(a.id()).setSequence(9).setClientOrderId("x").setInstrumentId(ALW)
                    .setSide(Side.BUY).setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC)
                    .setPriceMinor(1L).setQuantity(1).setExpiresAtMs(null).build());
            // (A is frozen now: the ruling's loss exceeded its forfeited deposit) B's next order goes through
            probe.publish(topic(h, Topics.ORDERS_SUBMITTED), b.id(), Inputs.order("ib2", b.id(), ALW, Side.BUY, 10_00,
                    1, t + 4));
            probe.await(topic(h, Topics.ORDERS), OrderAccepted.class, o -> o.getOrderId().equals("ib2"));
            assertThat(probe.allOf(topic(h, Topics.DEAD_LETTER), DeadLetter.class))
                    .extracting(DeadLetter::getReasonCode).containsExactly("UNDECODABLE", "UNDECODABLE");
        }
    }

    private static String topic(RegistryHarness h, String name) {
        return h.topics.name(name);
    }

    private static CreditRatingChanged rating(String participantId, CreditGrade grade, long t) {
        return CreditRatingChanged.newBuilder().setEnvelope(Inputs.envelope("CreditRatingChanged", t, "rating"))
                .setParticipantId(participantId).setPreviousScore(0).setScore(900).setPreviousGrade(CreditGrade.UNRATED)
                .setGrade(grade).setCauseEventId("x").setCauseEventType("x").setModelVersion("1")
                .setFactors(List.of()).build();
    }

    private static OrderCancelRequested cancelRequest(String orderId, String participantId, long t) {
        return OrderCancelRequested.newBuilder().setEnvelope(Inputs.envelope("OrderCancelRequested", t, "gateway"))
                .setOrderId(orderId).setParticipantId(participantId).setInstrumentId(ALW).setSequence(2)
                .setRequestBytes(ByteBuffer.allocate(0)).setSignature(signature(participantId)).build();
    }

    private static AgreementRegistered agreement(String id, String buyer, String seller, long t) {
        return AgreementRegistered.newBuilder().setEnvelope(Inputs.envelope("AgreementRegistered", t, "exchange"))
                .setAgreementId(id).setInstrumentId(ALW).setBuyerId(buyer).setSellerId(seller).setPriceMinor(10_00)
                .setQuantity(10).setSettlementDateMs(t + 86_400_000L).setTermsBytes(ByteBuffer.allocate(0))
                .setBuyerSignature(signature(buyer)).setSellerSignature(signature(seller)).build();
    }

    private static DefaultReported ruling(String agreementId, String reporter, String defaulter, String counterparty,
                                          long t) {
        return DefaultReported.newBuilder().setEnvelope(Inputs.envelope("DefaultReported", t, reporter))
                .setReportId("ruling-" + agreementId).setReporterId(reporter).setDefaulterId(defaulter)
                .setCounterpartyId(counterparty).setTradeId(null).setAgreementId(agreementId).setAmountMinor(1_000)
                .setKind(DefaultKind.ARBITRATION_RULING).setCaseReference("case-1").setDocumentSha256(null).build();
    }

    private static RequestSignature signature(String participantId) {
        return new RequestSignature(participantId, "1", "SHA256withECDSA", ByteBuffer.allocate(0));
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }
}
