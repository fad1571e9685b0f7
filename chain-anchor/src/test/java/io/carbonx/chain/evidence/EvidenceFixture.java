package io.carbonx.chain.evidence;

import static io.carbonx.chain.testing.TestPki.T1;
import static io.carbonx.chain.testing.TestPki.T2;

import io.carbonx.chain.evidence.InMemoryEvidenceSource.ValidatorKey;
import io.carbonx.chain.testing.TestPki;
import io.carbonx.chain.testing.TestPki.Participant;
import io.carbonx.chain.timestamp.IssuedTimestamp;
import io.carbonx.chain.timestamp.LocalTimestampClient;
import io.carbonx.chain.timestamp.TimestampAuthority;
import io.carbonx.events.ClockTicked;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.PenaltyPolicy;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.events.ShortfallTreatment;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A realistic anchored chain for evidence tests, from real objects: a consortium CA with four validators (two
 * Ed25519, two P-256), a court-run TSA, a buyer (Ed25519) and a seller (P-256) whose signed orders trade, a
 * default by the seller, a penalty on a third firm, noise events; five blocks, each signed by a quorum; blocks
 * 1, 3 and 5 time-stamped (2 and 4 are covered by the later stamps through the hash chain).
 */
public final class EvidenceFixture {

    /** How the seller's identity is set up. */
    public enum Seller {
        /** A valid P-256 participant. */
        NORMAL,
        /** Certificate valid one day from T1: expired when its order is anchored at T2. */
        EXPIRED,
        /** Revoked an hour before its order is anchored. */
        REVOKED_BEFORE,
        /** Revoked an hour after its order is anchored (and before the bundle is made). */
        REVOKED_AFTER,
        /** Certified by another consortium's CA. */
        FOREIGN
    }

    public static final String CHAIN = "cx-test";
    public static final String TRADE = "T-1";
    public static final String BUY_ORDER = "O-1";
    public static final String SELL_ORDER = "O-2";
    public static final String DEFAULT = "D-1";
    public static final String PENALTY = "PEN-1";

    public final TestPki pki;
    public final List<Participant> validators;
    public final Participant buyer;
    public final Participant seller;
    public final Participant laggard;
    public final TimestampAuthority tsa;
    public final InMemoryEvidenceSource source;
    private final List<ValidatorKey> keys;
    private long sequence;

    private EvidenceFixture(Path dir, Seller sellerKind) {
        pki = TestPki.create(dir.resolve("ca"), Duration.ofDays(365));
        validators = List.of(pki.register("CarbonX Exchange Ltd", Role.EXCHANGE, true, T1),
                pki.register("Carbon Market Regulator", Role.REGULATOR, false, T1),
                pki.register("High Court of Carbon", Role.COURT, true, T1),
                pki.register("Carbon Arbitration Chamber", Role.ARBITRATOR, false, T1));
        keys = List.of(new ValidatorKey(0, validators.get(0).signer()::sign),
                new ValidatorKey(1, validators.get(1).signer()::sign),
                new ValidatorKey(2, validators.get(2).signer()::sign),
                new ValidatorKey(3, validators.get(3).signer()::sign));
        buyer = pki.register("Acme Steel Ltd", Role.ENTERPRISE, true, T1);
        seller = switch (sellerKind) {
            case EXPIRED -> pki.reopen(Duration.ofDays(1)).register("Borealis Cement SA", Role.ENTERPRISE, false, T1);
            case FOREIGN -> TestPki.create(dir.resolve("foreign-ca"), Duration.ofDays(365))
                    .register("Borealis Cement SA", Role.ENTERPRISE, false, T1);
            default -> pki.register("Borealis Cement SA", Role.ENTERPRISE, false, T1);
        };
        if (sellerKind == Seller.REVOKED_BEFORE) {
            pki.revoke(seller, T2.minus(Duration.ofHours(1)));
        }
        laggard = pki.register("Laggard Glassworks", Role.ENTERPRISE, false, T1);
        tsa = pki.timestampAuthority(validators.get(2), T1, new SecureRandom());
        source = new InMemoryEvidenceSource(CHAIN, certificates());
        for (Participant p : List.of(buyer, seller, laggard)) {
            source.addParticipantCertificate(p.certificate());
        }
        buildChain();
        if (sellerKind == Seller.REVOKED_AFTER) {
            pki.revoke(seller, T2.plus(Duration.ofHours(1)));
            source.setCertificates(certificates());
        }
    }

    /** A fixture in {@code dir} with the given seller set-up. */
    public static EvidenceFixture create(Path dir, Seller seller) {
        return new EvidenceFixture(dir, seller);
    }

    /** A fixture in a fresh temporary directory. */
    public static EvidenceFixture create(Seller seller) {
        try {
            return new EvidenceFixture(Files.createTempDirectory("evidence-fixture"), seller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConsortiumCertificates certificates() {
        return new ConsortiumCertificates(pki.root(), pki.issuing(), pki.crl(),
                validators.stream().map(Participant::certificate).toList());
    }

    private void buildChain() {
        long t = T2.toEpochMilli();
        source.append("carbonx.orders.submitted", 0, orderSubmitted(buyer, BUY_ORDER, Side.BUY, t - 900));
        source.append("carbonx.orders.submitted", 0, orderSubmitted(seller, SELL_ORDER, Side.SELL, t - 800));
        source.append("carbonx.orders", 1, accepted(buyer, BUY_ORDER, Side.BUY, t - 700));
        source.append("carbonx.orders", 1, accepted(seller, SELL_ORDER, Side.SELL, t - 600));
        block(t, keys.subList(0, 3), true);
        source.append("carbonx.trades", 2, trade(t + 100));
        source.append("carbonx.clock", 0, tick(t + 200, 1));
        block(t + 1000, keys, false);
        source.append("carbonx.settlement", 0, defaultRecorded(t + 1100));
        source.append("carbonx.settlement", 0, forfeited(t + 1200));
        block(t + 2000, keys.subList(1, 4), true);
        source.append("carbonx.compliance", 0, penalty(t + 2100));
        source.append("carbonx.clock", 0, tick(t + 2200, 2));
        block(t + 3000, List.of(keys.get(0), keys.get(2), keys.get(3)), false);
        source.append("carbonx.clock", 0, tick(t + 3100, 3));
        block(t + 4000, keys, true);
    }

    /**
     * Appends the acceptance of a new buy order {@code orderId} of the buyer at {@code timeMs} and commits it in a
     * block signed by every validator, time-stamped or not.
     *
     * @return the block's height
     */
    public long acceptedOrderBlock(String orderId, long timeMs, boolean stamp) {
        source.append("carbonx.orders", 1, accepted(buyer, orderId, Side.BUY, timeMs));
        block(timeMs + 100, keys, stamp);
        return source.latestHeight();
    }

    private void block(long timeMs, List<ValidatorKey> signers, boolean stamp) {
        long h = source.commitBlock(timeMs, 0, signers);
        if (stamp) {
            IssuedTimestamp token = new LocalTimestampClient(tsa,
                    Clock.fixed(Instant.ofEpochMilli(timeMs + 500), ZoneOffset.UTC), new SecureRandom())
                    .timestamp(source.blockHash(h)).toCompletableFuture().join();
            source.addTimestampToken(h, token.tokenDer());
        }
    }

    private static EventEnvelope envelope(String id, String type, String actor, long t) {
        return EventEnvelope.newBuilder().setEventId(id).setType(type).setCauseId(null).setLogicalTime(t)
                .setActor(actor).build();
    }

    private OrderSubmitted orderSubmitted(Participant p, String orderId, Side side, long t) {
        OrderRequest request = OrderRequest.newBuilder().setChainId(CHAIN).setParticipantId(p.id())
                .setSequence(++sequence).setClientOrderId("c-" + orderId).setInstrumentId("EUA-2026").setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(8_550L).setQuantity(100)
                .setExpiresAtMs(null).build();
        byte[] signed = EventCodec.standard().encode(request);
        RequestSignature signature = RequestSignature.newBuilder().setSignerId(p.id())
                .setCertificateSerial(p.certificate().getSerialNumber().toString(16))
                .setAlgorithm(p.signer().keyKind().signatureAlgorithm())
                .setValue(ByteBuffer.wrap(p.signer().sign(signed))).build();
        return OrderSubmitted.newBuilder().setEnvelope(envelope("ev-" + orderId + "-sub", "OrderSubmitted", p.id(), t))
                .setOrderId(orderId).setParticipantId(p.id()).setClientOrderId("c-" + orderId).setSequence(sequence)
                .setInstrumentId("EUA-2026").setSide(side).setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC)
                .setPriceMinor(8_550L).setQuantity(100).setExpiresAtMs(null).setRequestBytes(ByteBuffer.wrap(signed))
                .setSignature(signature).build();
    }

    private static OrderAccepted accepted(Participant p, String orderId, Side side, long t) {
        return OrderAccepted.newBuilder().setEnvelope(envelope("ev-" + orderId + "-acc", "OrderAccepted", "registry", t))
                .setOrderId(orderId).setParticipantId(p.id()).setClientOrderId("c-" + orderId).setInstrumentId("EUA-2026")
                .setSide(side).setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(8_550L)
                .setQuantity(100).setExpiresAtMs(null).setGrade(CreditGrade.A).setDepositShareBps(1_000)
                .setDepositLockedMinor(side == Side.BUY ? 85_500L : 0L).setQuantityLocked(side == Side.SELL ? 100 : 0)
                .setReplacesOrderId(null).build();
    }

    private TradeExecuted trade(long t) {
        return TradeExecuted.newBuilder().setEnvelope(envelope("ev-" + TRADE, "TradeExecuted", "exchange", t))
                .setTradeId(TRADE).setInstrumentId("EUA-2026").setPriceMinor(8_550L).setQuantity(100)
                .setBuyOrderId(BUY_ORDER).setSellOrderId(SELL_ORDER).setBuyerId(buyer.id()).setSellerId(seller.id())
                .setAggressorSide(Side.SELL).setVenue(TradeVenue.CONTINUOUS).setAuctionId(null)
                .setBuyerCommissionBps(null).setSellerCommissionBps(null).build();
    }

    private DefaultRecorded defaultRecorded(long t) {
        return DefaultRecorded.newBuilder().setEnvelope(envelope("ev-" + DEFAULT, "DefaultRecorded", "registry", t))
                .setDefaultId(DEFAULT).setDefaulterId(seller.id()).setCounterpartyId(buyer.id()).setTradeId(TRADE)
                .setAgreementId(null).setAmountMinor(855_000L).setKind(DefaultKind.DELIVERY).setReportedBy("registry")
                .setReportId(null).build();
    }

    private DepositForfeited forfeited(long t) {
        return DepositForfeited.newBuilder().setEnvelope(envelope("ev-forfeit-1", "DepositForfeited", "registry", t))
                .setDefaultId(DEFAULT).setLockId("L-2").setFromParticipantId(seller.id())
                .setToParticipantId(buyer.id()).setAmountMinor(85_500L).setUncoveredLossMinor(769_500L).build();
    }

    private PenaltyApplied penalty(long t) {
        return PenaltyApplied.newBuilder().setEnvelope(envelope("ev-" + PENALTY, "PenaltyApplied", "regulator", t))
                .setPenaltyId(PENALTY).setParticipantId(laggard.id()).setYear(2026).setShortfallTonnes(40)
                .setPolicy(PenaltyPolicy.FIXED_PER_TONNE).setRatePerTonneMinor(10_000L).setAveragePriceMinor(null)
                .setMultipleBps(null).setAmountMinor(400_000L).setPaidMinor(100_000L).setDebtMinor(300_000L)
                .setTreatment(ShortfallTreatment.CARRY_FORWARD).build();
    }

    private static ClockTicked tick(long t, long n) {
        return ClockTicked.newBuilder().setEnvelope(envelope("tick-" + n, "ClockTicked", "clock", t)).setScope("global")
                .setTickSequence(n).build();
    }
}
