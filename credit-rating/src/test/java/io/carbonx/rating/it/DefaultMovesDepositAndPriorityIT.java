package io.carbonx.rating.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RatingFactor;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.testing.Kafka;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 end to end through Kafka, every service real: the registry (CA, accounts, deposits, settlement, defaults),
 * the exchange (gateway taking participant-signed orders over HTTP, matcher) and the credit-rating service, on the
 * in-process KRaft broker.
 *
 * <p>Three enterprises register and are rated BBB. The defaulter buys 10 t at 80.00 with 300.00 of cash: its order
 * is accepted with the BBB deposit, trades, and at the end of the settlement window it cannot pay, so the registry
 * records a PAYMENT default and forfeits its deposit to the seller. The rating service folds that from the journal
 * and publishes CreditRatingChanged (BBB → BB, caused by the DefaultRecorded; then BB → B for the forfeit); the
 * registry applies the grade. The defaulter's next order, same notional, locks the B deposit: larger by exactly the
 * difference of the configured shares. A BBB participant's buy at the same price arrives after it, yet the next sell
 * fills the BBB order: price → grade → time.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DefaultMovesDepositAndPriorityIT {

    private static final String EUA = "EUA-2026";
    private static final long PRICE = 8_000;
    private static final long QUANTITY = 10;
    private static final long NOTIONAL = PRICE * QUANTITY;

    private Stack stack;
    private TopicReader topics;
    private RatingPolicy policy;
    private Stack.Member defaulter;
    private Stack.Member better;
    private Stack.Member seller;

    @Test
    void givenAParticipantDefaults_thenItsNextOrderLocksMoreAndMatchesAfterABetterRatedLaterOrder(
            KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (Stack s = new Stack(broker, dir, true)) {
            stack = s;
            topics = new TopicReader(broker.clients());
            policy = stack.rating.policy();
            registerAndFundThreeBbbEnterprises();

            OrderAccepted before = firstOrderWithBbbTerms();
            DefaultRecorded defaulted = tradeThatTheBuyerCannotPay(before);
            CreditGrade grade = ratingFallsBecauseOf(defaulted, before);
            String secondBuy = nextOrderLocksTheLargerDepositOf(grade, before);
            betterRatedLaterOrderIsFilledFirst(secondBuy);
        }
    }

    private void registerAndFundThreeBbbEnterprises() throws Exception {
        Stack.requireOk(stack.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", EUA)
                .put("kind", "ALLOWANCE").put("vintage", 2026), stack.regulator));
        defaulter = stack.register("Defaulter Steel", Role.ENTERPRISE);
        better = stack.register("Reliable Cement", Role.ENTERPRISE);
        seller = stack.register("Seller Power", Role.ENTERPRISE);
        for (Stack.Member m : List.of(defaulter, better, seller)) {
            awaitRegistryGrade(m, CreditGrade.BBB);
        }
        fund(defaulter, "d-cash-1", 30_000);
        fund(better, "g-cash-1", 1_000_000);
        fund(seller, "s-cash-1", 200_000);
        Stack.requireOk(stack.api.post("/api/v1/allocations", new JsonObject().put("allocationId", "alloc-s")
                .put("participantId", seller.id()).put("instrumentId", EUA).put("quantity", 100), stack.regulator));
    }

    private OrderAccepted firstOrderWithBbbTerms() {
        String firstBuy = placeOrder(defaulter, 1, "d-1", Side.BUY);
        OrderAccepted before = topics.await("the defaulter's first order accepted", stack.exchangeTopics.orders(),
                OrderAccepted.class, a -> a.getOrderId().equals(firstBuy));
        assertThat(before.getGrade()).isEqualTo(CreditGrade.BBB);
        assertThat(before.getDepositShareBps()).isEqualTo(policy.depositShareBps(CreditGrade.BBB));
        assertThat(before.getDepositLockedMinor()).isEqualTo(policy.depositForMinor(CreditGrade.BBB, NOTIONAL));
        return before;
    }

    /** The trade, and the default at settlement: 300.00 of cash cannot pay 800.00. */
    private DefaultRecorded tradeThatTheBuyerCannotPay(OrderAccepted firstBuy) {
        String firstSell = placeOrder(seller, 1, "s-1", Side.SELL);
        TradeExecuted firstTrade = topics.await("the first trade", stack.exchangeTopics.trades(),
                TradeExecuted.class, t -> t.getSellOrderId().equals(firstSell));
        assertThat(firstTrade.getBuyOrderId()).isEqualTo(firstBuy.getOrderId());
        DefaultRecorded defaulted = topics.await("the defaulter's payment default", settlement(),
                DefaultRecorded.class, d -> d.getDefaulterId().equals(defaulter.id()));
        assertThat(defaulted.getKind()).isEqualTo(DefaultKind.PAYMENT);
        assertThat(defaulted.getTradeId()).isEqualTo(firstTrade.getTradeId());
        return defaulted;
    }

    /**
     * The rating falls because of the default and says why; the forfeited deposit lowers it once more; the registry
     * applies the final grade.
     *
     * @return the grade in force for the defaulter's next order
     */
    private CreditGrade ratingFallsBecauseOf(DefaultRecorded defaulted, OrderAccepted before) {
        String defaultEventId = defaulted.getEnvelope().getEventId();
        CreditRatingChanged lowered = topics.await("a rating change caused by the default", ratings(),
                CreditRatingChanged.class, r -> r.getCauseEventId().equals(defaultEventId));
        assertThat(lowered.getParticipantId()).isEqualTo(defaulter.id());
        assertThat(lowered.getCauseEventType()).isEqualTo("DefaultRecorded");
        assertThat(lowered.getPreviousGrade()).isEqualTo(CreditGrade.BBB);
        assertThat(lowered.getGrade()).isEqualTo(CreditGrade.BB);
        assertThat(lowered.getGrade().ordinal()).as("a lower grade").isGreaterThan(CreditGrade.BBB.ordinal());
        assertThat(lowered.getScore()).isEqualTo(500).isLessThan(lowered.getPreviousScore());
        assertThat(points(lowered, "DEFAULTS")).isEqualTo(-100);
        assertThat(lowered.getFactors().stream().mapToInt(RatingFactor::getPoints).sum())
                .isEqualTo(lowered.getScore());

        DepositForfeited forfeit = topics.await("the forfeit", settlement(), DepositForfeited.class,
                f -> f.getFromParticipantId().equals(defaulter.id()));
        assertThat(forfeit.getAmountMinor()).isEqualTo(before.getDepositLockedMinor());
        CreditRatingChanged now = topics.await("a rating change caused by the forfeit", ratings(),
                CreditRatingChanged.class, r -> r.getCauseEventId().equals(forfeit.getEnvelope().getEventId()));
        assertThat(now.getGrade()).isEqualTo(CreditGrade.B);
        awaitRegistryGrade(defaulter, now.getGrade());
        return now.getGrade();
    }

    /** After the default: its next order, the same notional, locks the larger deposit of its new grade. */
    private String nextOrderLocksTheLargerDepositOf(CreditGrade grade, OrderAccepted before) {
        fund(defaulter, "d-cash-2", 100_000);
        String secondBuy = placeOrder(defaulter, 2, "d-2", Side.BUY);
        OrderAccepted after = topics.await("the defaulter's next order accepted", stack.exchangeTopics.orders(),
                OrderAccepted.class, a -> a.getOrderId().equals(secondBuy));
        assertThat(after.getGrade()).isEqualTo(grade);
        assertThat(after.getDepositShareBps()).isEqualTo(policy.depositShareBps(grade));
        assertThat(after.getDepositLockedMinor()).isEqualTo(policy.depositForMinor(grade, NOTIONAL))
                .isGreaterThan(before.getDepositLockedMinor());
        assertThat(after.getDepositLockedMinor() - before.getDepositLockedMinor()).as("larger by the share")
                .isEqualTo(NOTIONAL * (policy.depositShareBps(grade) - policy.depositShareBps(CreditGrade.BBB))
                        / 10_000);
        return secondBuy;
    }

    /** A better-rated buy at the same price arrives after the defaulter's, and is the one the next sell fills. */
    private void betterRatedLaterOrderIsFilledFirst(String defaultersBuy) {
        String orders = stack.exchangeTopics.orders();
        String betterBuy = placeOrder(better, 1, "g-1", Side.BUY);
        OrderAccepted betterAccepted = topics.await("the better-rated order accepted", orders, OrderAccepted.class,
                a -> a.getOrderId().equals(betterBuy));
        assertThat(betterAccepted.getGrade()).isEqualTo(CreditGrade.BBB);
        List<String> arrival = topics.all(orders, OrderAccepted.class).stream().map(OrderAccepted::getOrderId)
                .filter(id -> id.equals(defaultersBuy) || id.equals(betterBuy)).toList();
        assertThat(arrival).as("the defaulter's order reached the book first")
                .containsExactly(defaultersBuy, betterBuy);

        String secondSell = placeOrder(seller, 2, "s-2", Side.SELL);
        TradeExecuted fill = topics.await("the second trade", stack.exchangeTopics.trades(), TradeExecuted.class,
                t -> t.getSellOrderId().equals(secondSell));
        assertThat(fill.getPriceMinor()).isEqualTo(PRICE);
        assertThat(fill.getQuantity()).isEqualTo(QUANTITY);
        assertThat(fill.getBuyOrderId()).as("the better-rated, later order is the counterparty").isEqualTo(betterBuy);
        assertThat(fill.getBuyerId()).isEqualTo(better.id());
        assertThat(topics.all(stack.exchangeTopics.trades(), TradeExecuted.class))
                .noneMatch(t -> t.getBuyOrderId().equals(defaultersBuy));
    }

    private String settlement() {
        return stack.prefix + Topics.SETTLEMENT;
    }

    private String ratings() {
        return stack.prefix + Topics.RATINGS;
    }

    /** Signs an order request with the participant's certificate key and posts it to the exchange's gateway. */
    private String placeOrder(Stack.Member who, long sequence, String clientOrderId, Side side) {
        OrderRequest request = OrderRequest.newBuilder().setChainId("carbonx-local").setParticipantId(who.id())
                .setSequence(sequence).setClientOrderId(clientOrderId).setInstrumentId(EUA).setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(PRICE)
                .setQuantity(QUANTITY).setExpiresAtMs(null).build();
        byte[] bytes = EventCodec.standard().encode(request);
        ApiClient.Response r = stack.api.post("/api/v1/orders", new JsonObject()
                .put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(who.signer().sign(bytes)))
                .put("certificateSerial", who.serial()), who.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.body().getString("orderId");
    }

    private void fund(Stack.Member who, String transferId, long amountMinor) {
        Stack.requireOk(stack.api.post("/api/v1/accounts/" + who.id() + "/deposits", new JsonObject()
                .put("transferId", transferId).put("amountMinor", amountMinor), who.token()));
    }

    /** Waits until the registry's account (its read model, through the API) carries {@code grade}. */
    private void awaitRegistryGrade(Stack.Member who, CreditGrade grade) {
        Kafka.await("the registry applies " + grade + " to " + who.id(), Stack.WAIT, () -> {
            ApiClient.Response r = stack.api.get("/api/v1/accounts/" + who.id(), stack.regulator);
            return r.status() == 200 && grade.name().equals(r.body().getString("grade"));
        });
    }

    private static int points(CreditRatingChanged change, String factor) {
        return change.getFactors().stream().filter(f -> f.getFactor().equals(factor)).mapToInt(RatingFactor::getPoints)
                .findFirst().orElseThrow();
    }
}
