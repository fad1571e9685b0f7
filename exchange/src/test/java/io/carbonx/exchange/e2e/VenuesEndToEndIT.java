package io.carbonx.exchange.e2e;

import static io.carbonx.exchange.e2e.Cast.WAIT;
import static io.carbonx.exchange.e2e.Cast.ok;
import static io.carbonx.exchange.e2e.Cast.submitted;
import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AllocationSource;
import io.carbonx.events.AuctionAllocated;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.DepositLocked;
import io.carbonx.events.LockPurpose;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.e2e.Cast.Member;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.requests.AgreementTerms;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every venue end to end in the running product, registry and exchange on one node over Kafka and HTTP: a request
 * (signed where the issue says so) → the gateway → the registry's decision → the book or venue → the registry's
 * settlement. Market orders with protection, agreement trades, the regulator's primary auction and energy pool
 * bidding, with storage offers of stored energy. The energy book's time is driven by this test (the exchange's own clock is off), so a clearing period
 * ends exactly when the test says.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class VenuesEndToEndIT {

    private static final String EUA = "EUA-2026";
    private static final String ENERGY = "ENERGY-PEAK";
    private static final long ENERGY_PERIOD_MS = 10_000;

    @TempDir
    static Path dir;

    private static KafkaClients clients;
    private static TwoServiceNode node;
    private static Cast cast;
    private static String prefix;

    @BeforeAll
    static void start(KafkaBroker broker) throws Exception {
        clients = broker.clients();
        prefix = "venues" + UUID.randomUUID().toString().substring(0, 8) + ".";
        JsonArray instruments = InstrumentConfig.defaults();
        for (int i = 0; i < instruments.size(); i++) {
            JsonObject entry = instruments.getJsonObject(i);
            if (entry.getString("id").equals(ENERGY)) {
                entry.put("periodMs", ENERGY_PERIOD_MS);
            }
        }
        node = new TwoServiceNode(clients, broker.bootstrapServers(), dir, prefix, Clock.systemUTC(),
                new JsonObject(), new JsonObject().put("clockTickMs", 0L).put("instruments", instruments));
        cast = new Cast(node);
        cast.defineInstrument(EUA, "ALLOWANCE", 2026);
        cast.defineInstrument(ENERGY, "ENERGY", 2026);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static <T extends SpecificRecord> List<T> on(String topic, Class<T> type) {
        return events(clients, topic, type);
    }

    private static String catalogue(String topic) {
        return prefix + topic;
    }

    private static <T extends SpecificRecord> T awaitOne(String what, String topic, Class<T> type,
                                                        java.util.function.Predicate<T> match) {
        await(what, WAIT, () -> on(topic, type).stream().anyMatch(match));
        return on(topic, type).stream().filter(match).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ market orders

    @Test
    void aMarketOrder_isCollateralisedAtItsProtectionPrice_tradesWithinIt_andItsUnfilledRestIsReleased()
            throws Exception {
        Member seller = cast.enterprise("Market Seller Cement", 200_000);
        Member buyer = cast.enterprise("Market Buyer Glass", 1_000_000);
        cast.allocate(seller, EUA, 100);
        String sellId = cast.limit(seller, EUA, Side.SELL, 8_000, 10);
        awaitOne("the sell accepted", node.topics.orders(), OrderAccepted.class, a -> a.getOrderId().equals(sellId));

        String buyId = submitted(node.api.post("/api/v1/orders", Cast.order(buyer, "mkt-1", EUA, Side.BUY,
                OrderType.MARKET, TimeInForce.IOC, null, 30), buyer.token()));

        OrderCancelled rest = awaitOne("the market order's rest cancelled", node.topics.orders(),
                OrderCancelled.class, c -> c.getOrderId().equals(buyId));
        assertThat(rest.getReasonCode()).isEqualTo("MARKET_REMAINDER");
        assertThat(rest.getRemainingQuantity()).isEqualTo(20);
        OrderSubmitted sub = on(node.topics.submitted(), OrderSubmitted.class).stream()
                .filter(s -> s.getOrderId().equals(buyId)).findFirst().orElseThrow();
        assertThat(sub.getPriceMinor()).isNull();
        assertThat(sub.getProtectionPriceMinor()).as("EUA-2026: 8000 +20%% band").isEqualTo(9_600L);
        OrderAccepted accepted = on(node.topics.orders(), OrderAccepted.class).stream()
                .filter(a -> a.getOrderId().equals(buyId)).findFirst().orElseThrow();
        assertThat(accepted.getOrderType()).isEqualTo(OrderType.MARKET);
        assertThat(accepted.getProtectionPriceMinor()).isEqualTo(9_600L);
        assertThat(accepted.getDepositLockedMinor()).as("20%% of 9600 x 30").isEqualTo(57_600L);
        TradeExecuted trade = on(node.topics.trades(), TradeExecuted.class).stream()
                .filter(t -> buyId.equals(t.getBuyOrderId())).findFirst().orElseThrow();
        assertThat(trade.getPriceMinor()).isEqualTo(8_000);
        assertThat(trade.getQuantity()).isEqualTo(10);
        awaitOne("the trade settled", catalogue(Topics.SETTLEMENT), TradeSettled.class,
                s -> s.getTradeId().equals(trade.getTradeId()));
        await("the buyer holds the allowances", WAIT, () -> cast.holding(buyer, EUA) == 10);
        await("the buyer paid 80 000 and has every deposit back", WAIT, () -> cast.cash(buyer) == 920_000);
    }

    // ------------------------------------------------------------------------------------------ agreements

    private static JsonObject agreement(AgreementTerms terms, Member buyerSigner, Member sellerSigner) {
        byte[] bytes = EventCodec.standard().encode(terms);
        Base64.Encoder b64 = Base64.getEncoder();
        return new JsonObject().put("terms", b64.encodeToString(bytes))
                .put("buyerSignature", b64.encodeToString(buyerSigner.signer().sign(bytes)))
                .put("buyerCertificateSerial", buyerSigner.serial())
                .put("sellerSignature", b64.encodeToString(sellerSigner.signer().sign(bytes)))
                .put("sellerCertificateSerial", sellerSigner.serial());
    }

    private static AgreementTerms.Builder terms(String id, Member buyer, Member seller, long price, long quantity,
                                                long settleAt) {
        return AgreementTerms.newBuilder().setChainId(Cast.CHAIN).setAgreementId(id).setInstrumentId(EUA)
                .setBuyerId(buyer.id()).setSellerId(seller.id()).setPriceMinor(price).setQuantity(quantity)
                .setSettlementDateMs(settleAt).setExpiresAtMs(System.currentTimeMillis() + 600_000);
    }

    @Test
    void anAgreementSignedByBothParties_locksBothDeposits_andSettlesOnItsSettlementDate() throws Exception {
        Member buyer = cast.enterprise("Block Buyer Steel", 10_000_000);
        Member seller = cast.enterprise("Block Seller Power", 2_000_000);
        cast.allocate(seller, EUA, 1_000);
        String id = cast.unique("AGR");
        long settleAt = System.currentTimeMillis() + 5_000;

        Api.Response r = node.api.post("/api/v1/agreements", agreement(terms(id, buyer, seller, 8_200, 1_000,
                settleAt).build(), buyer, seller), seller.token());

        assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
        AgreementRegistered registered = awaitOne("the agreement registered", node.topics.trades(),
                AgreementRegistered.class, a -> a.getAgreementId().equals(id));
        assertThat(registered.getSettlementDateMs()).isEqualTo(settleAt);
        await("both deposits locked", WAIT, () -> on(catalogue(Topics.SETTLEMENT), DepositLocked.class).stream()
                .filter(l -> l.getReferenceId().equals(id)).count() == 2);
        assertThat(on(catalogue(Topics.SETTLEMENT), DepositLocked.class)).filteredOn(l -> l.getReferenceId()
                .equals(id)).extracting(DepositLocked::getParticipantId, DepositLocked::getPurpose,
                DepositLocked::getAmountMinor).containsExactlyInAnyOrder(
                tuple(buyer.id(), LockPurpose.AGREEMENT, 1_640_000L), tuple(seller.id(), LockPurpose.AGREEMENT,
                        1_640_000L));
        TradeSettled settled = awaitOne("the agreement settled", catalogue(Topics.SETTLEMENT), TradeSettled.class,
                s -> s.getTradeId().equals(id));
        assertThat(settled.getAgreement()).isTrue();
        assertThat(settled.getNotionalMinor()).isEqualTo(8_200_000L);
        assertThat(settled.getEnvelope().getLogicalTime()).as("not before its date").isGreaterThanOrEqualTo(settleAt);
        await("the buyer holds the block", WAIT, () -> cast.holding(buyer, EUA) == 1_000);
        assertThat(cast.holding(seller, EUA)).isZero();
    }

    @Test
    void agreementTermsOutsideTheRules_areRefusedWithTheirReason_andLockNothing() throws Exception {
        Member buyer = cast.enterprise("Refused Block Buyer", 10_000_000);
        Member seller = cast.enterprise("Refused Block Seller", 2_000_000);
        long later = System.currentTimeMillis() + 60_000;
        String farPrice = cast.unique("AGR");
        String small = cast.unique("AGR");
        String forged = cast.unique("AGR");

        Api.Response outOfBand = node.api.post("/api/v1/agreements", agreement(terms(farPrice, buyer, seller,
                11_000, 1_000, later).build(), buyer, seller), buyer.token());
        Api.Response tooSmall = node.api.post("/api/v1/agreements", agreement(terms(small, buyer, seller, 8_000,
                999, later).build(), buyer, seller), buyer.token());
        AgreementTerms forgedTerms = terms(forged, buyer, seller, 8_000, 1_000, later).build();
        JsonObject sellerNeverSigned = agreement(forgedTerms, buyer, seller).put("sellerSignature", Base64.getEncoder()
                .encodeToString(buyer.signer().sign(EventCodec.standard().encode(forgedTerms))));
        Api.Response oneSigner = node.api.post("/api/v1/agreements", sellerNeverSigned, buyer.token());

        assertThat(outOfBand.status()).isEqualTo(202);
        assertThat(tooSmall.status()).isEqualTo(202);
        assertThat(oneSigner.status()).as(oneSigner.body().encode()).isEqualTo(400);
        assertThat(oneSigner.body().getString("reasonCode")).isEqualTo("BAD_SIGNATURE");
        await("both refusals recorded", WAIT, () -> on(node.topics.rejections(), RequestRejected.class).stream()
                .filter(j -> j.getClientRequestId() != null && (j.getClientRequestId().equals(farPrice)
                        || j.getClientRequestId().equals(small))).count() == 2);
        assertThat(on(node.topics.rejections(), RequestRejected.class)).filteredOn(j -> j.getClientRequestId() != null
                && List.of(farPrice, small, forged).contains(j.getClientRequestId()))
                .extracting(RequestRejected::getClientRequestId, RequestRejected::getReasonCode)
                .containsExactlyInAnyOrder(tuple(farPrice, "PRICE_OUTSIDE_BAND"), tuple(small, "BELOW_MINIMUM_SIZE"),
                        tuple(forged, "BAD_SIGNATURE"));
        assertThat(on(node.topics.trades(), AgreementRegistered.class)).extracting(AgreementRegistered::getAgreementId)
                .doesNotContain(farPrice, small, forged);
        assertThat(cast.cash(buyer)).isEqualTo(10_000_000L);
    }

    // ------------------------------------------------------------------------------------------ primary auction

    private static Api.Response bid(String auctionId, Member who, String bidId, long price, long quantity) {
        return node.api.post("/api/v1/auctions/" + auctionId + "/bids", new JsonObject().put("instrumentId", EUA)
                .put("bidId", bidId).put("action", "SUBMIT").put("priceMinor", price).put("quantity", quantity),
                who.token());
    }

    @Test
    void aPrimaryAuctionByTheRegulator_clearsAtOneUniformPrice_andItsResultsBecomePaidAllocations()
            throws Exception {
        Member p1 = cast.enterprise("Auction Bidder One", 1_000_000);
        Member p2 = cast.enterprise("Auction Bidder Two", 1_000_000);
        Member p3 = cast.enterprise("Auction Bidder Three (short of cash)", 50_000);
        Member p4 = cast.enterprise("Auction Bidder Four (below reserve)", 1_000_000);
        String auctionId = cast.unique("AUC");
        long now = System.currentTimeMillis();
        long closeAt = now + 15_000;
        long escrowBefore = cast.cashOf("REGULATOR-ESCROW");

        assertThat(node.api.post("/api/v1/auctions", new JsonObject().put("auctionId", auctionId)
                .put("instrumentId", EUA).put("vintage", 2026).put("totalQuantity", 101)
                .put("reservePriceMinor", 5_000).put("openAtMs", now - 1_000).put("closeAtMs", closeAt),
                cast.regulator).status()).isEqualTo(202);
        assertThat(node.api.post("/api/v1/auctions", new JsonObject().put("auctionId", "x"), p1.token()).status())
                .as("only a regulator schedules").isEqualTo(403);
        for (Api.Response r : List.of(bid(auctionId, p1, "b1", 7_000, 60), bid(auctionId, p2, "b1", 6_500, 50),
                bid(auctionId, p3, "b1", 6_500, 30), bid(auctionId, p4, "b1", 4_000, 10))) {
            assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
        }
        assertThat(node.api.post("/api/v1/auctions/" + auctionId + "/close", new JsonObject()
                .put("instrumentId", EUA), p1.token()).status()).as("only a regulator closes").isEqualTo(403);
        await("the bidding window closed", WAIT, () -> System.currentTimeMillis() > closeAt);
        assertThat(node.api.post("/api/v1/auctions/" + auctionId + "/close", new JsonObject()
                .put("instrumentId", EUA), cast.regulator).status()).isEqualTo(202);

        AuctionCleared cleared = awaitOne("the auction cleared", node.topics.trades(), AuctionCleared.class,
                a -> a.getAuctionId().equals(auctionId));
        assertThat(cleared.getKind()).isEqualTo(AuctionKind.PRIMARY);
        assertThat(cleared.getClearingPriceMinor()).as("uniform price").isEqualTo(6_500L);
        assertThat(cleared.getExecutedQuantity()).isEqualTo(101);
        // 60 above the price in full; 41 pro rata between 50 and 30 at it: 25 + 15, the last lot to the larger rest
        assertThat(on(node.topics.trades(), AuctionAllocated.class)).filteredOn(a -> a.getAuctionId()
                .equals(auctionId)).extracting(AuctionAllocated::getParticipantId, AuctionAllocated::getQuantity,
                AuctionAllocated::getAmountMinor).containsExactlyInAnyOrder(tuple(p1.id(), 60L, 390_000L),
                tuple(p2.id(), 26L, 169_000L), tuple(p3.id(), 15L, 97_500L));
        await("the paid allocations", WAIT, () -> on(catalogue(Topics.QUOTAS), QuotaAllocated.class).stream()
                .filter(q -> auctionId.equals(q.getReferenceId())).count() == 2);
        assertThat(on(catalogue(Topics.QUOTAS), QuotaAllocated.class)).filteredOn(q -> auctionId.equals(
                q.getReferenceId())).extracting(QuotaAllocated::getParticipantId, QuotaAllocated::getSource,
                QuotaAllocated::getQuantity, QuotaAllocated::getPaidMinor).containsExactlyInAnyOrder(
                tuple(p1.id(), AllocationSource.PRIMARY_AUCTION, 60L, 390_000L),
                tuple(p2.id(), AllocationSource.PRIMARY_AUCTION, 26L, 169_000L));
        RequestRejected unpaid = awaitOne("the unpaid win refused", catalogue(Topics.REJECTIONS),
                RequestRejected.class, j -> (auctionId + "/" + p3.id()).equals(j.getClientRequestId()));
        assertThat(unpaid.getRequestType()).isEqualTo("AUCTION_ALLOCATION");
        assertThat(unpaid.getReasonCode()).isEqualTo("INSUFFICIENT_AVAILABLE_CASH");
        await("p1 holds its allowances", WAIT, () -> cast.holding(p1, EUA) == 60);
        assertThat(cast.holding(p2, EUA)).isEqualTo(26);
        assertThat(cast.holding(p3, EUA)).isZero();
        assertThat(cast.holding(p4, EUA)).isZero();
        assertThat(cast.cash(p1)).isEqualTo(1_000_000L - 390_000L);
        assertThat(cast.cashOf("REGULATOR-ESCROW") - escrowBefore).isEqualTo(390_000L + 169_000L);
        await("market data shows the auction", WAIT, () -> node.api.get("/api/v1/market/" + EUA + "/auctions",
                p4.token()).body().getJsonArray("auctions").stream().anyMatch(a -> auctionId.equals(
                ((JsonObject) a).getString("auctionId"))));
    }

    // ------------------------------------------------------------------------------------------ energy pool

    @Test
    void energyPoolBidding_clearsAtThePeriodEnd_andSettlesInCash_withThePlatformAsThePool() throws Exception {
        Member supplier = cast.enterprise("Solar Farm Supplier", 100_000);
        Member dear = cast.enterprise("Gas Peaker Supplier", 100_000);
        Member consumer = cast.enterprise("Aluminium Smelter Consumer", 100_000);
        Member operator = cast.register("Exchange Settlement Bank", Role.EXCHANGE);
        String platform = "EXCHANGE";
        ok(node.api.post("/api/v1/accounts/" + platform + "/deposits", new JsonObject().put("transferId",
                cast.unique("float")).put("amountMinor", 50_000), operator.token()));
        await("the platform's float", WAIT, () -> cast.cashOf(platform) >= 50_000);
        long platformBefore = cast.cashOf(platform);
        await("early in a clearing period", WAIT, () -> System.currentTimeMillis() % ENERGY_PERIOD_MS < 3_000);

        String s1 = cast.limit(supplier, ENERGY, Side.SELL, 30, 50);
        String s2 = cast.limit(dear, ENERGY, Side.SELL, 70, 40);
        String c1 = cast.limit(consumer, ENERGY, Side.BUY, 45, 80);

        java.util.Set<String> ids = new java.util.HashSet<>(List.of(s1, s2, c1));
        await("the three orders accepted", WAIT, () -> on(node.topics.orders(), OrderAccepted.class).stream()
                .filter(a -> ids.contains(a.getOrderId())).count() == 3);
        List<Long> times = on(node.topics.submitted(), OrderSubmitted.class).stream()
                .filter(s -> ids.contains(s.getOrderId())).map(s -> s.getEnvelope().getLogicalTime()).toList();
        long period = times.get(0) / ENERGY_PERIOD_MS;
        assertThat(times).as("submitted within one clearing period").allMatch(t -> t / ENERGY_PERIOD_MS == period);
        assertThat(on(node.topics.trades(), TradeExecuted.class)).as("nothing before the period ends")
                .noneMatch(t -> ids.contains(t.getSellOrderId()) || ids.contains(t.getBuyOrderId()));

        cast.tick(ENERGY, (period + 1) * ENERGY_PERIOD_MS);

        await("the period cleared", WAIT, () -> on(node.topics.trades(), TradeExecuted.class).stream()
                .filter(t -> t.getVenue() == TradeVenue.POOL && (ids.contains(t.getSellOrderId())
                        || ids.contains(t.getBuyOrderId()))).count() == 3);
        List<TradeExecuted> trades = on(node.topics.trades(), TradeExecuted.class).stream()
                .filter(t -> ids.contains(t.getSellOrderId()) || ids.contains(t.getBuyOrderId())).toList();
        // the consumer buys the cheap supply; the dear one (ask above every limit) goes to the pool at 43,
        // from which the consumer buys the rest of its demand
        assertThat(trades).extracting(TradeExecuted::getBuyerId, TradeExecuted::getSellerId,
                TradeExecuted::getPriceMinor, TradeExecuted::getQuantity).containsExactly(
                tuple(consumer.id(), supplier.id(), 30L, 50L), tuple(platform, dear.id(), 43L, 40L),
                tuple(consumer.id(), platform, 43L, 30L));
        assertThat(trades.get(0).getBuyerCommissionBps()).isEqualTo(20);
        assertThat(trades.get(0).getSellerCommissionBps()).isEqualTo(20);
        for (TradeExecuted t : trades) {
            awaitOne("settled " + t.getTradeId(), catalogue(Topics.SETTLEMENT), TradeSettled.class,
                    s -> s.getTradeId().equals(t.getTradeId()));
        }
        await("the consumer paid 1500 + 3 + 1290", WAIT, () -> cast.cash(consumer) == 100_000 - 1_503 - 1_290);
        assertThat(cast.cash(supplier)).isEqualTo(100_000 + 1_500 - 3);
        assertThat(cast.cash(dear)).isEqualTo(100_000 + 1_720);
        assertThat(cast.cashOf(platform) - platformBefore).as("pool: -1720 + 1290, commissions 3 + 3")
                .isEqualTo(-1_720 + 1_290 + 6);
        assertThat(cast.holding(consumer, ENERGY)).as("energy is never held in the registry").isZero();
        java.util.Set<String> tradeIds = new java.util.HashSet<>(trades.stream().map(TradeExecuted::getTradeId)
                .toList());
        assertThat(node.api.get("/api/v1/market/" + ENERGY + "/trades", consumer.token()).body()
                .getJsonArray("trades").stream().filter(p -> "POOL".equals(((JsonObject) p).getString("venue"))
                        && tradeIds.contains(((JsonObject) p).getString("tradeId"))).count()).isEqualTo(3);
    }

    // ------------------------------------------------------------------------------------------ storage offers

    /** A signed OrderRequest as the body of the order or storage-offer route, with the storage flag as given. */
    private static JsonObject signedOffer(Member who, String instrument, Side side, long price, long quantity,
                                          boolean storage) {
        io.carbonx.requests.OrderRequest request = io.carbonx.requests.OrderRequest.newBuilder()
                .setChainId(Cast.CHAIN).setParticipantId(who.id()).setSequence(who.nextSequence())
                .setClientOrderId(cast.unique("st")).setInstrumentId(instrument).setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(price)
                .setQuantity(quantity).setExpiresAtMs(null).setStorage(storage).build();
        byte[] bytes = EventCodec.standard().encode(request);
        return new JsonObject().put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(who.signer().sign(bytes)))
                .put("certificateSerial", who.serial());
    }

    private static void refusedOffer(String route, Member who, JsonObject body, String reason) {
        Api.Response r = node.api.post(route, body, who.token());
        assertThat(r.status()).as(r.body().encode()).isEqualTo(422);
        assertThat(r.body().getString("reasonCode")).isEqualTo(reason);
    }

    @Test
    void aStorageOffer_isSoldToAConsumerAfterThePoolCheapestFirst_andSettles_whileBadOffersChangeNothing()
            throws Exception {
        Member store = cast.enterprise("Battery Storage Operator", 100_000);
        Member consumer = cast.enterprise("Cold Store Consumer", 100_000);
        cast.allocate(store, ENERGY, 100); // the regulator records 100 kWh stored in the operator's device
        await("the stored energy", WAIT, () -> cast.holding(store, ENERGY) == 100);

        refusedOffer("/api/v1/storage-offers", store, signedOffer(store, EUA, Side.SELL, 5_000, 10, true),
                "STORAGE_NOT_ENERGY");
        refusedOffer("/api/v1/storage-offers", store, signedOffer(store, ENERGY, Side.BUY, 44, 10, true),
                "STORAGE_MUST_SELL");
        refusedOffer("/api/v1/storage-offers", store, signedOffer(store, ENERGY, Side.SELL, 44, 10, false),
                "STORAGE_FLAG_MISMATCH");
        refusedOffer("/api/v1/orders", store, signedOffer(store, ENERGY, Side.SELL, 44, 10, true),
                "STORAGE_FLAG_MISMATCH");
        String tooMuch = submitted(node.api.post("/api/v1/storage-offers",
                signedOffer(store, ENERGY, Side.SELL, 44, 101, true), store.token()));
        await("the registry refuses an offer beyond the stored energy", WAIT, () -> on(node.topics.orders(),
                io.carbonx.events.OrderRejected.class).stream().anyMatch(x -> x.getOrderId().equals(tooMuch)
                && x.getReasonCode().equals("INSUFFICIENT_HOLDINGS")));
        assertThat(cast.holding(store, ENERGY)).as("bad offers change nothing").isEqualTo(100);
        assertThat(cast.cash(store)).isEqualTo(100_000);

        await("early in a clearing period", WAIT, () -> System.currentTimeMillis() % ENERGY_PERIOD_MS < 3_000);
        String offer = submitted(node.api.post("/api/v1/storage-offers",
                signedOffer(store, ENERGY, Side.SELL, 44, 30, true), store.token()));
        String bid = cast.limit(consumer, ENERGY, Side.BUY, 48, 10);
        await("both accepted", WAIT, () -> on(node.topics.orders(), OrderAccepted.class).stream()
                .filter(a -> a.getOrderId().equals(offer) || a.getOrderId().equals(bid)).count() == 2);
        assertThat(on(node.topics.orders(), OrderAccepted.class)).filteredOn(a -> a.getOrderId().equals(offer))
                .singleElement().satisfies(a -> assertThat(a.getQuantityLocked()).isEqualTo(30));
        assertThat(on(node.topics.submitted(), OrderSubmitted.class)).filteredOn(s -> s.getOrderId().equals(offer))
                .singleElement().satisfies(s -> assertThat(s.getStorage()).isTrue());
        long period = on(node.topics.submitted(), OrderSubmitted.class).stream()
                .filter(s -> s.getOrderId().equals(bid)).findFirst().orElseThrow().getEnvelope().getLogicalTime()
                / ENERGY_PERIOD_MS;

        cast.tick(ENERGY, (period + 1) * ENERGY_PERIOD_MS);

        TradeExecuted sale = awaitOne("the consumer buys from storage", node.topics.trades(), TradeExecuted.class,
                t -> offer.equals(t.getSellOrderId()));
        assertThat(sale).extracting(TradeExecuted::getBuyOrderId, TradeExecuted::getBuyerId,
                TradeExecuted::getSellerId, TradeExecuted::getPriceMinor, TradeExecuted::getQuantity,
                TradeExecuted::getVenue).containsExactly(bid, consumer.id(), store.id(), 44L, 10L, TradeVenue.POOL);
        awaitOne("the unsold 20 returned", node.topics.orders(), io.carbonx.events.OrderExpired.class,
                x -> x.getOrderId().equals(offer) && x.getRemainingQuantity() == 20);
        awaitOne("settled", catalogue(Topics.SETTLEMENT), TradeSettled.class,
                s -> s.getTradeId().equals(sale.getTradeId()));
        await("the operator paid, 10 kWh delivered out of storage", WAIT,
                () -> cast.holding(store, ENERGY) == 90 && cast.cash(store) > 100_000);
        assertThat(cast.cash(consumer)).isEqualTo(100_000 - 440);
        assertThat(cast.holding(consumer, ENERGY)).as("consumed through the grid, never held").isZero();
        assertThat(node.api.get("/api/v1/market/" + ENERGY + "/trades", consumer.token()).body()
                .getJsonArray("trades").stream().map(p -> ((JsonObject) p).getString("tradeId")))
                .contains(sale.getTradeId());
    }
}
