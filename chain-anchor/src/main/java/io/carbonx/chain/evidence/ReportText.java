package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.schemas.EventCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;

/** Text helpers of the report: safe Markdown values, times, Avro values. */
final class ReportText {

    private ReportText() {
    }

    /** {@code s} as a Markdown code span safe in a table cell: no backticks, pipes escaped, printable only. */
    static String code(Object value) {
        return code(value, 300);
    }

    /** As {@link #code(Object)}, cut after {@code limit} characters. */
    static String code(Object value, int limit) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder("`");
        for (int i = 0; i < s.length() && i < limit; i++) {
            char c = s.charAt(i);
            if (c == '`') {
                b.append('\'');
            } else if (c == '|') {
                b.append("\\|");
            } else if (c < ' ' || c == 0x7F || Character.isSurrogate(c)) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        if (s.length() > limit) {
            b.append("...");
        }
        return b.append('`').toString();
    }

    /** {@code s} as plain Markdown text: markup characters escaped, control characters replaced. */
    static String plain(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c < ' ' || c == 0x7F || Character.isSurrogate(c)) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** An epoch-millisecond time as ISO-8601 UTC. */
    static String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /** A field of an Avro record, rendered; empty string if absent. */
    static String field(IndexedRecord r, String name) {
        Schema.Field f = r.getSchema().getField(name);
        return f == null ? "" : value(r.get(f.pos()));
    }

    /**
     * The record exactly as its bytes were written: decoded with the writer schema its fingerprint names, not into
     * today's class (which would add fields of later schema versions with their defaults, so a bundle written by an
     * older node would no longer render to its own report). Falls back to {@code decoded} if the bytes do not read.
     *
     * @param bytes   single-object encoded bytes
     * @param decoded the same bytes decoded into the current class
     * @return a record whose schema is the writer schema
     */
    static IndexedRecord asWritten(byte[] bytes, IndexedRecord decoded) {
        try {
            Schema writer = EventCodec.standard().schemaFor(EventCodec.fingerprintOf(bytes)).orElse(null);
            return writer == null ? decoded : new GenericDatumReader<GenericRecord>(writer).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, EventCodec.HEADER_LENGTH,
                            bytes.length - EventCodec.HEADER_LENGTH, null));
        } catch (IOException | RuntimeException e) {
            return decoded;
        }
    }

    /** An Avro value: strings as is, 32-byte values as hex, other bytes as length and SHA-256, records inline. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof ByteBuffer bb) {
            byte[] bytes = EventFacts.bytes(bb);
            return bytes.length == Digest.LENGTH ? Digest.of(bytes).hex()
                    : bytes.length + " bytes, SHA-256 " + Sha256.hash(bytes).hex();
        }
        if (v instanceof IndexedRecord r) {
            StringBuilder b = new StringBuilder("{");
            for (Schema.Field f : r.getSchema().getFields()) {
                b.append(f.pos() == 0 ? "" : ", ").append(f.name()).append(": ").append(value(r.get(f.pos())));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(value(list.get(i)));
            }
            return b.append(']').toString();
        }
        return v.toString();
    }

    /** One sentence saying what a known event type means; a generic one otherwise. */
    static String sentence(SpecificRecord e) {
        String type = EventFacts.type(e);
        return switch (type) {
            case "TradeExecuted" -> "Trade " + field(e, "tradeId") + ": " + field(e, "buyerId") + " bought "
                    + field(e, "quantity") + " t of " + field(e, "instrumentId") + " from " + field(e, "sellerId")
                    + " at " + field(e, "priceMinor") + " minor units per tonne (venue " + field(e, "venue")
                    + ", buy order " + field(e, "buyOrderId") + ", sell order " + field(e, "sellOrderId") + ").";
            case "OrderSubmitted" -> field(e, "participantId") + " submitted order " + field(e, "orderId") + ": "
                    + field(e, "side") + " " + field(e, "quantity") + " t of " + field(e, "instrumentId") + ", "
                    + field(e, "orderType") + " at " + field(e, "priceMinor") + " minor units per tonne, "
                    + field(e, "timeInForce") + " (request sequence " + field(e, "sequence")
                    + "); the participant's signed request is included.";
            case "OrderAccepted" -> "Order " + field(e, "orderId") + " of " + field(e, "participantId")
                    + " was accepted; deposit locked " + field(e, "depositLockedMinor") + " minor units ("
                    + field(e, "depositShareBps") + " bp, grade " + field(e, "grade") + ").";
            case "TradeSettled" -> "Trade " + field(e, "tradeId") + " settled: " + field(e, "quantity") + " t for "
                    + field(e, "notionalMinor") + " minor units between buyer " + field(e, "buyerId") + " and seller "
                    + field(e, "sellerId") + ".";
            case "DefaultRecorded" -> "Default " + field(e, "defaultId") + ": " + field(e, "defaulterId")
                    + " defaulted (" + field(e, "kind") + ") towards " + field(e, "counterpartyId") + " for "
                    + field(e, "amountMinor") + " minor units (trade " + field(e, "tradeId") + "), reported by "
                    + field(e, "reportedBy") + ".";
            case "DepositForfeited" -> "Deposit of " + field(e, "fromParticipantId") + " forfeited to "
                    + field(e, "toParticipantId") + ": " + field(e, "amountMinor") + " minor units for default "
                    + field(e, "defaultId") + "; uncovered loss " + field(e, "uncoveredLossMinor") + ".";
            case "PenaltyApplied" -> "Penalty " + field(e, "penaltyId") + ": " + field(e, "participantId")
                    + " penalised " + field(e, "amountMinor") + " minor units for a shortfall of "
                    + field(e, "shortfallTonnes") + " t in compliance year " + field(e, "year") + " (policy "
                    + field(e, "policy") + "); paid " + field(e, "paidMinor") + ", debt " + field(e, "debtMinor") + ".";
            default -> type + " recorded by " + EventFacts.envelope(e).getActor() + ".";
        };
    }
}
