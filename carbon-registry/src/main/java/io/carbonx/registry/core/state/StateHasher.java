package io.carbonx.registry.core.state;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * SHA-256 over a canonical encoding of a {@link LedgerState}: a version tag, then every section in a fixed
 * order, every collection in its sorted order with a count prefix; strings as UTF-8 with a length prefix
 * (-1 for null), numbers big-endian, enums by name. Two states have the same hash iff they hold the same
 * accounts, locks, orders, trades, instruments, serials, references, compliance positions and totals.
 * The settlement queue is not encoded: it is derived from the pending trades.
 */
public final class StateHasher {
    private final MessageDigest md;
    private final byte[] buf = new byte[8_192];
    private int len;

    private StateHasher() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /**
     * @param s a state
     * @return lowercase hex SHA-256 of its canonical encoding
     */
    public static String hash(LedgerState s) {
        StateHasher h = new StateHasher();
        h.str("carbonx-ledger-state-v1").str(s.exchangeAccountId()).str(s.escrowAccountId());
        h.accounts(s.accounts).locks(s.locks).orders(s).trades(s).quotas(s).compliance(s.compliance).totals(s);
        h.bool(s.anyWindowClosed).lng(s.lastWindowClose);
        h.flush();
        return HexFormat.of().formatHex(h.md.digest());
    }

    private StateHasher accounts(SortedMap<String, Account> accounts) {
        lng(accounts.size());
        for (Account a : accounts.values()) {
            str(a.id()).str(a.role().name()).bool(a.isSystem()).str(a.status().name()).str(a.grade().name());
            lng(a.cashMinor()).lng(a.debtMinor()).longMap(a.holdings());
            strings(a.openOrderIds()).strings(a.pendingTradeIds());
            lng(a.defaultTimes().size());
            a.defaultTimes().forEach(this::lng);
        }
        return this;
    }

    private StateHasher locks(SortedMap<String, Lock> locks) {
        lng(locks.size());
        for (Lock l : locks.values()) {
            str(l.lockId()).str(l.ownerId()).str(l.instrumentId()).lng(l.cashMinor()).lng(l.quantity());
        }
        return this;
    }

    private StateHasher orders(LedgerState s) {
        lng(s.openOrders.size());
        for (OpenOrder o : s.openOrders.values()) {
            str(o.orderId()).str(o.participantId()).str(o.instrumentId()).str(o.side().name());
            lng(o.priceMinor()).lng(o.quantity()).lng(o.depositLockedMinor()).lng(o.remaining());
            lng(o.depositRemainingMinor());
        }
        return strings(s.acceptedOrderIds);
    }

    private StateHasher trades(LedgerState s) {
        lng(s.pendingTrades.size());
        for (PendingTrade t : s.pendingTrades.values()) {
            str(t.tradeId()).str(t.kind().name()).str(t.buyerId()).str(t.sellerId()).str(t.instrumentId());
            lng(t.priceMinor()).lng(t.quantity()).lng(t.dueTime()).lng(t.sequence()).lng(t.tradeTime());
            lng(t.buyerCommissionBps() == null ? -1 : t.buyerCommissionBps());
            lng(t.sellerCommissionBps() == null ? -1 : t.sellerCommissionBps());
        }
        return strings(s.tradeIds).lng(s.tradeSequence);
    }

    private StateHasher quotas(LedgerState s) {
        lng(s.instruments.size());
        for (Instrument i : s.instruments.values()) {
            str(i.instrumentId()).str(i.kind().name()).lng(i.vintage());
        }
        lng(s.issuedRanges.size());
        for (IssuedRange r : s.issuedRanges.values()) {
            lng(r.from()).lng(r.to()).str(r.instrumentId()).str(r.issuanceId());
        }
        return strings(s.usedReferences);
    }

    private StateHasher compliance(ComplianceBook c) {
        lng(c.records().size());
        for (Map.Entry<String, SortedMap<Integer, ComplianceRecord>> p : c.records().entrySet()) {
            str(p.getKey()).lng(p.getValue().size());
            for (Map.Entry<Integer, ComplianceRecord> y : p.getValue().entrySet()) {
                ComplianceRecord r = y.getValue();
                lng(y.getKey()).bool(r.emissionsRecorded()).lng(r.emissions()).lng(r.carriedIn());
                lng(r.surrenderedAllowances()).lng(r.surrenderedOffsets()).bool(r.settled());
            }
        }
        lng(c.pendingDeductions().size());
        for (Map.Entry<String, SortedMap<Integer, Long>> p : c.pendingDeductions().entrySet()) {
            str(p.getKey()).lng(p.getValue().size());
            p.getValue().forEach((year, q) -> lng(year).lng(q));
        }
        bool(c.anySettled()).lng(c.lastSettledYear());
        lng(c.priceStatsView().size());
        c.priceStatsView().forEach((year, st) -> lng(year).big(st[0]).big(st[1]));
        return this;
    }

    private StateHasher totals(LedgerState s) {
        Totals t = s.totals;
        lng(t.depositedMinor()).lng(t.withdrawnMinor()).lng(t.penaltiesPaidMinor()).lng(t.commissionsMinor());
        lng(t.forfeitedMinor()).lng(t.debtRecordedMinor()).lng(t.debtRepaidMinor());
        longMap(t.created()).longMap(t.surrendered());
        // stored energy delivered: hashed only once there is some, so states without storage keep their hashes
        return t.delivered().isEmpty() ? this : longMap(t.delivered());
    }

    private StateHasher longMap(SortedMap<String, Long> m) {
        lng(m.size());
        m.forEach((k, v) -> str(k).lng(v));
        return this;
    }

    private StateHasher strings(Collection<String> sorted) {
        lng(sorted.size());
        sorted.forEach(this::str);
        return this;
    }

    private StateHasher str(String v) {
        if (v == null) {
            return lng(-1);
        }
        return bytes(v.getBytes(StandardCharsets.UTF_8));
    }

    private StateHasher big(BigInteger v) {
        return bytes(v.toByteArray());
    }

    private StateHasher bytes(byte[] b) {
        lng(b.length);
        flush();
        md.update(b);
        return this;
    }

    private StateHasher bool(boolean v) {
        room(1);
        buf[len++] = (byte) (v ? 1 : 0);
        return this;
    }

    private StateHasher lng(long v) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
        return this;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            flush();
        }
    }

    private void flush() {
        md.update(buf, 0, len);
        len = 0;
    }
}
