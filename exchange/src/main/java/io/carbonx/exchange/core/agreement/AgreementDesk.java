package io.carbonx.exchange.core.agreement;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * Registers negotiated block (agreement) trades — a pure, deterministic state machine. Both parties' signatures
 * over the same terms are verified by the adapter before {@link #register} is called; this core validates the
 * terms themselves and keeps the registered agreements so an agreement id is registered at most once per chain.
 * Not thread-safe: one writer.
 *
 * <p>Checks, in order (the first failure is reported and nothing changes): terms present; ids valid; the desk's
 * chain; agreement id not yet registered; not expired ({@code now < expiresAtMs}); buyer ≠ seller; instrument
 * configured; quantity positive, at least the minimum size, a multiple of the lot; price positive, on the tick,
 * inside the band of ±{@code bandBps} around the reference price (inclusive); notional fits 64 bits; settlement
 * date after {@code now} and at most {@code maxSettlementHorizonMs} ahead.
 */
public final class AgreementDesk {

    /** Default furthest settlement date: one year (365 days) ahead. */
    public static final long DEFAULT_MAX_SETTLEMENT_HORIZON_MS = 365L * 24 * 60 * 60 * 1000;

    private final String chainId;
    private final long maxSettlementHorizonMs;
    private final TreeMap<String, AgreementInstrumentRules> instruments = new TreeMap<>();
    private final TreeMap<String, AgreementRegistration> registered = new TreeMap<>();
    private long sequence;

    /**
     * A desk for {@code chainId} with the given instruments.
     *
     * @throws IllegalArgumentException on an invalid chain id, a non-positive horizon or a repeated instrument
     */
    public AgreementDesk(String chainId, long maxSettlementHorizonMs, Collection<AgreementInstrumentRules> rules) {
        if (!AgreementValidator.isValidId(chainId)) {
            throw new IllegalArgumentException("invalid chain id: " + chainId);
        }
        if (maxSettlementHorizonMs <= 0) {
            throw new IllegalArgumentException("settlement horizon must be positive: " + maxSettlementHorizonMs);
        }
        this.chainId = chainId;
        this.maxSettlementHorizonMs = maxSettlementHorizonMs;
        for (AgreementInstrumentRules r : rules) {
            if (instruments.putIfAbsent(Objects.requireNonNull(r, "rules").instrumentId(), r) != null) {
                throw new IllegalArgumentException("instrument configured twice: " + r.instrumentId());
            }
        }
    }

    /** A desk with the default one-year settlement horizon. */
    public AgreementDesk(String chainId, Collection<AgreementInstrumentRules> rules) {
        this(chainId, DEFAULT_MAX_SETTLEMENT_HORIZON_MS, rules);
    }

    /** Validates and, if valid, registers the terms at logical time {@code nowMs}. */
    public AgreementDecision register(AgreementTerms terms, long nowMs) {
        AgreementDecision refusal = checkIdentity(terms, nowMs);
        if (refusal != null) {
            return refusal;
        }
        AgreementInstrumentRules rules = instruments.get(terms.instrumentId());
        refusal = AgreementValidator.checkEconomics(terms, rules, nowMs, maxSettlementHorizonMs);
        if (refusal != null) {
            return refusal;
        }
        AgreementRegistration r = new AgreementRegistration(sequence + 1, terms.agreementId(), terms.instrumentId(),
                terms.buyerId(), terms.sellerId(), terms.priceMinor(), terms.quantity(),
                terms.priceMinor() * terms.quantity(), terms.settlementDateMs(), nowMs, rules.referencePriceMinor(),
                rules.bandBps());
        sequence++;
        registered.put(r.agreementId(), r);
        return AgreementDecision.registered(r);
    }

    /**
     * Moves an instrument's reference price (e.g. to the book's last price).
     *
     * @return empty when applied, else the reason (UNKNOWN_INSTRUMENT, PRICE_NOT_POSITIVE)
     */
    public Optional<AgreementRejectReason> updateReferencePrice(String instrumentId, long referencePriceMinor) {
        AgreementInstrumentRules rules = instruments.get(instrumentId);
        if (rules == null) {
            return Optional.of(AgreementRejectReason.UNKNOWN_INSTRUMENT);
        }
        if (referencePriceMinor <= 0) {
            return Optional.of(AgreementRejectReason.PRICE_NOT_POSITIVE);
        }
        instruments.put(instrumentId, rules.withReferencePrice(referencePriceMinor));
        return Optional.empty();
    }

    /** The rules of an instrument, if configured. */
    public Optional<AgreementInstrumentRules> rules(String instrumentId) {
        return Optional.ofNullable(instruments.get(instrumentId));
    }

    /** A registered agreement, if any. */
    public Optional<AgreementRegistration> registration(String agreementId) {
        return Optional.ofNullable(registered.get(agreementId));
    }

    /** Every registered agreement, by agreement id. */
    public List<AgreementRegistration> registrations() {
        return List.copyOf(registered.values());
    }

    /** SHA-256 (hex) over chain, horizon, instrument rules and registrations, each in id order, and the sequence. */
    public String stateHash() {
        CanonicalDigest d = new CanonicalDigest("carbonx.agreement.desk-state.v1");
        d.putString(chainId).putLong(maxSettlementHorizonMs).putLong(sequence).putInt(instruments.size());
        for (AgreementInstrumentRules r : instruments.values()) {
            d.putString(r.instrumentId()).putLong(r.referencePriceMinor()).putInt(r.bandBps())
                    .putLong(r.minQuantity()).putLong(r.lotSize()).putLong(r.tickSizeMinor());
        }
        d.putInt(registered.size());
        for (AgreementRegistration r : registered.values()) {
            d.putLong(r.sequence()).putString(r.agreementId()).putString(r.instrumentId()).putString(r.buyerId())
                    .putString(r.sellerId()).putLong(r.priceMinor()).putLong(r.quantity()).putLong(r.notionalMinor())
                    .putLong(r.settlementDateMs()).putLong(r.registeredAtMs()).putLong(r.referencePriceMinor())
                    .putInt(r.bandBps());
        }
        return d.hex();
    }

    private AgreementDecision checkIdentity(AgreementTerms t, long nowMs) {
        if (t == null) {
            return AgreementDecision.refused(AgreementRejectReason.MALFORMED, "terms are required");
        }
        for (String[] field : new String[][] {{"chainId", t.chainId()}, {"agreementId", t.agreementId()},
                {"instrumentId", t.instrumentId()}, {"buyerId", t.buyerId()}, {"sellerId", t.sellerId()}}) {
            if (!AgreementValidator.isValidId(field[1])) {
                return AgreementDecision.refused(AgreementRejectReason.INVALID_ID, field[0]);
            }
        }
        if (!t.chainId().equals(chainId)) {
            return AgreementDecision.refused(AgreementRejectReason.WRONG_CHAIN, "expected " + chainId);
        }
        if (registered.containsKey(t.agreementId())) {
            return AgreementDecision.refused(AgreementRejectReason.DUPLICATE_AGREEMENT_ID, t.agreementId());
        }
        if (nowMs >= t.expiresAtMs()) {
            return AgreementDecision.refused(AgreementRejectReason.TERMS_EXPIRED, "expired at " + t.expiresAtMs());
        }
        if (t.buyerId().equals(t.sellerId())) {
            return AgreementDecision.refused(AgreementRejectReason.SAME_PARTY, t.buyerId());
        }
        if (!instruments.containsKey(t.instrumentId())) {
            return AgreementDecision.refused(AgreementRejectReason.UNKNOWN_INSTRUMENT, t.instrumentId());
        }
        return null;
    }
}
