package io.carbonx.exchange.core.pool;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * The pool-bidding venue of one energy instrument: collects orders for the open clearing period and clears each
 * period when logical time passes its end. Not thread-safe: one writer per instrument.
 *
 * <p>Periods are {@code [firstPeriodStartMs + k·periodMs, firstPeriodStartMs + (k+1)·periodMs)}, k = 0, 1, …
 * An order submitted at logical time {@code now} belongs to the period containing {@code now}, which must be the
 * open one: the caller first calls {@link #advanceTo(long)} with the same time, which clears the open period if it
 * has ended (transition table below). Within a period orders are kept in arrival order, which breaks ranking ties.
 *
 * <pre>
 * state OPEN(k, orders)  --submit(now in period k, valid)--&gt; OPEN(k, orders + order)
 *                        --submit(otherwise)--------------&gt; OPEN(k, orders), refused with a reason
 *                        --advanceTo(now in period j &gt; k)--&gt; OPEN(j, {}), emits clear(k) if orders non-empty
 *                        --advanceTo(now in period j &lt;= k)-&gt; unchanged
 * </pre>
 * A period without orders emits no result. {@link #stateHash()} covers the configuration, the open period, its
 * orders and a hash chain of every result emitted, so two venues fed the same input have the same hash.
 */
public final class PoolBiddingVenue {

    private final PoolConfig config;
    private final long firstPeriodStartMs;
    private long openPeriodIndex;
    private final List<SupplyOffer> supply = new ArrayList<>();
    private final List<DemandBid> demand = new ArrayList<>();
    private final List<StorageOffer> storage = new ArrayList<>();
    private final TreeSet<String> orderIds = new TreeSet<>();
    private long clearedPeriods;
    private byte[] resultChain = new byte[32];

    /** A venue whose first period starts at {@code firstPeriodStartMs} (logical time). */
    public PoolBiddingVenue(PoolConfig config, long firstPeriodStartMs) {
        this.config = Objects.requireNonNull(config, "config");
        this.firstPeriodStartMs = firstPeriodStartMs;
    }

    public PoolConfig config() {
        return config;
    }

    /** Index of the period currently collecting orders. */
    public long openPeriodIndex() {
        return openPeriodIndex;
    }

    /** Inclusive start of the open period. */
    public long openPeriodStartMs() {
        return periodStart(openPeriodIndex);
    }

    /** Number of orders waiting in the open period. */
    public int pendingOrders() {
        return orderIds.size();
    }

    /** Submits a supplier's offer at logical time {@code nowMs}. */
    public PoolSubmission submitSupply(SupplyOffer offer, long nowMs) {
        return admit(offer == null ? null : offer.orderId(), PoolOrderValidator.check(config, offer), nowMs,
                () -> supply.add(offer));
    }

    /** Submits a consumer's bid at logical time {@code nowMs}. */
    public PoolSubmission submitDemand(DemandBid bid, long nowMs) {
        return admit(bid == null ? null : bid.orderId(), PoolOrderValidator.check(config, bid), nowMs,
                () -> demand.add(bid));
    }

    /** Submits a storage device's offer at logical time {@code nowMs}. */
    public PoolSubmission submitStorage(StorageOffer offer, long nowMs) {
        return admit(offer == null ? null : offer.orderId(), PoolOrderValidator.check(config, offer), nowMs,
                () -> storage.add(offer));
    }

    /**
     * Withdraws an order of the open period at logical time {@code nowMs} (like a submission, only while the
     * period is open: the caller first calls {@link #advanceTo(long)}). Only the order's participant may withdraw
     * it. A refusal changes nothing.
     *
     * @return the withdrawn quantity, or the reason nothing was withdrawn (UNKNOWN_ORDER, NOT_ORDER_OWNER, or a
     *     timing reason as for a submission)
     */
    public PoolWithdrawal withdraw(String orderId, String participantId, long nowMs) {
        Optional<PoolRejectReason> late = timing(nowMs);
        if (late.isPresent()) {
            return PoolWithdrawal.refused(orderId, late.get());
        }
        if (orderId == null || !orderIds.contains(orderId)) {
            return PoolWithdrawal.refused(orderId, PoolRejectReason.UNKNOWN_ORDER);
        }
        for (int i = 0; i < supply.size(); i++) {
            SupplyOffer o = supply.get(i);
            if (o.orderId().equals(orderId)) {
                return remove(supply, i, o.supplierId(), participantId, orderId, o.quantityKwh());
            }
        }
        for (int i = 0; i < demand.size(); i++) {
            DemandBid b = demand.get(i);
            if (b.orderId().equals(orderId)) {
                return remove(demand, i, b.consumerId(), participantId, orderId, b.quantityKwh());
            }
        }
        for (int i = 0; i < storage.size(); i++) {
            StorageOffer o = storage.get(i);
            if (o.orderId().equals(orderId)) {
                return remove(storage, i, o.ownerId(), participantId, orderId, o.quantityKwh());
            }
        }
        return PoolWithdrawal.refused(orderId, PoolRejectReason.UNKNOWN_ORDER);
    }

    private PoolWithdrawal remove(List<?> list, int index, String ownerId, String participantId, String orderId,
                                  long quantityKwh) {
        if (!ownerId.equals(participantId)) {
            return PoolWithdrawal.refused(orderId, PoolRejectReason.NOT_ORDER_OWNER);
        }
        list.remove(index);
        orderIds.remove(orderId);
        return PoolWithdrawal.withdrawn(orderId, quantityKwh);
    }

    /**
     * Moves logical time to {@code nowMs}: if the open period has ended, clears it (when it holds orders) and
     * opens the period containing {@code nowMs}. A time before the open period's end changes nothing.
     *
     * @return the cleared period's result, if one was cleared
     */
    public Optional<PeriodResult> advanceTo(long nowMs) {
        if (nowMs < firstPeriodStartMs) {
            return Optional.empty();
        }
        long due = Math.floorDiv(Math.subtractExact(nowMs, firstPeriodStartMs), config.periodMs());
        if (due <= openPeriodIndex) {
            return Optional.empty();
        }
        Optional<PeriodResult> result = Optional.empty();
        if (!orderIds.isEmpty()) {
            PeriodResult r = PoolClearing.clear(config, openPeriodIndex, periodStart(openPeriodIndex), supply,
                    demand, storage);
            resultChain = new CanonicalDigest("carbonx.pool.result-chain.v1").putBytes(resultChain)
                    .putString(r.digest()).digest();
            clearedPeriods++;
            result = Optional.of(r);
        }
        supply.clear();
        demand.clear();
        storage.clear();
        orderIds.clear();
        openPeriodIndex = due;
        return result;
    }

    /** Periods cleared so far (periods without orders are not counted). */
    public long clearedPeriods() {
        return clearedPeriods;
    }

    /** SHA-256 (hex) over the configuration, the open period and its orders, and the chain of emitted results. */
    public String stateHash() {
        CanonicalDigest d = new CanonicalDigest("carbonx.pool.venue-state.v1");
        config.digestInto(d);
        d.putLong(firstPeriodStartMs).putLong(openPeriodIndex).putLong(clearedPeriods).putBytes(resultChain);
        d.putInt(supply.size());
        for (SupplyOffer o : supply) {
            d.putString(o.orderId()).putString(o.supplierId()).putLong(o.quantityKwh()).putLong(o.priceMinorPerKwh())
                    .putBoolean(o.sellUnsoldToPool());
        }
        d.putInt(demand.size());
        for (DemandBid b : demand) {
            d.putString(b.orderId()).putString(b.consumerId()).putLong(b.quantityKwh())
                    .putLong(b.limitPriceMinorPerKwh());
        }
        d.putInt(storage.size());
        for (StorageOffer s : storage) {
            d.putString(s.orderId()).putString(s.ownerId()).putLong(s.quantityKwh()).putLong(s.priceMinorPerKwh());
        }
        return d.hex();
    }

    /** Hex of the result chain: SHA-256 folded over the digests of every result emitted so far. */
    public String resultChainHex() {
        return HexFormat.of().formatHex(resultChain);
    }

    private PoolSubmission admit(String orderId, Optional<PoolRejectReason> invalid, long nowMs,
                                 Runnable add) {
        Optional<PoolRejectReason> reason = invalid.or(() -> timing(nowMs));
        if (reason.isEmpty() && orderIds.contains(orderId)) {
            reason = Optional.of(PoolRejectReason.DUPLICATE_ORDER_ID);
        }
        if (reason.isEmpty() && orderIds.size() >= config.maxOrdersPerPeriod()) {
            reason = Optional.of(PoolRejectReason.PERIOD_FULL);
        }
        if (reason.isPresent()) {
            return PoolSubmission.rejected(orderId, reason.get());
        }
        add.run();
        orderIds.add(orderId);
        return PoolSubmission.accepted(orderId, openPeriodIndex);
    }

    private Optional<PoolRejectReason> timing(long nowMs) {
        if (nowMs < firstPeriodStartMs) {
            return Optional.of(PoolRejectReason.BEFORE_FIRST_PERIOD);
        }
        long start = periodStart(openPeriodIndex);
        if (nowMs < start) {
            return Optional.of(PoolRejectReason.PERIOD_CLOSED);
        }
        if (Math.subtractExact(nowMs, start) >= config.periodMs()) {
            return Optional.of(PoolRejectReason.CLEARING_DUE);
        }
        return Optional.empty();
    }

    private long periodStart(long index) {
        return Math.addExact(firstPeriodStartMs, Math.multiplyExact(index, config.periodMs()));
    }
}
