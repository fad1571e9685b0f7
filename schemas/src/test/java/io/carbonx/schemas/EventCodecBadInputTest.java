package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.AccountFrozen;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.TradeExecuted;
import io.carbonx.schemas.EventDecodingException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Bad bytes of every kind raise an {@link EventDecodingException} with the precise reason, and nothing else. */
class EventCodecBadInputTest {

    private final EventCodec codec = EventCodec.standard();

    @Example
    void everyProperPrefixOfAValidRecordIsTruncated() {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            byte[] bytes = codec.encode(RandomDatum.record(type, 3));
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                assertReason(() -> codec.decode(prefix), Reason.TRUNCATED);
            }
        }
    }

    @Example
    void knowsWriterOf_isTrueForEveryEventType_andFalseForAWrongMarkerAShortHeaderOrAnUnknownFingerprint() {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            assertThat(codec.knowsWriterOf(codec.encode(RandomDatum.record(type, 2)))).as(type.getSimpleName())
                    .isTrue();
        }
        byte[] bytes = codec.encode(RandomDatum.record(OrderAccepted.class, 1));
        byte[] marker = bytes.clone();
        marker[0] = (byte) 0xC4;
        byte[] unknown = bytes.clone();
        unknown[5] ^= 0x5A;

        assertThat(codec.knowsWriterOf(marker)).isFalse();
        assertThat(codec.knowsWriterOf(Arrays.copyOf(bytes, EventCodec.HEADER_LENGTH - 1))).isFalse();
        assertThat(codec.knowsWriterOf(unknown)).isFalse();
        assertThat(codec.knowsWriterOf(new byte[0])).isFalse();
        assertThat(codec.knowsWriterOf(null)).isFalse();
    }

    @Example
    void aWrongMarkerIsBadMagic() {
        byte[] bytes = codec.encode(RandomDatum.record(OrderAccepted.class, 1));
        byte[] first = bytes.clone();
        first[0] = (byte) 0xC4;
        byte[] second = bytes.clone();
        second[1] = 0x02;

        assertReason(() -> codec.decode(first), Reason.BAD_MAGIC);
        assertReason(() -> codec.decode(second), Reason.BAD_MAGIC);
        assertReason(() -> codec.decode(new byte[] {0x00}), Reason.BAD_MAGIC);
        assertReason(() -> codec.typeOf(first), Reason.BAD_MAGIC);
    }

    @Example
    void aFingerprintOfNoKnownSchemaIsUnknownFingerprint() {
        byte[] bytes = codec.encode(RandomDatum.record(OrderAccepted.class, 1));
        for (int i = 2; i < EventCodec.HEADER_LENGTH; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            assertReason(() -> codec.decode(changed), Reason.UNKNOWN_FINGERPRINT);
        }
    }

    @Example
    void bytesAfterACompleteRecordAreTrailingBytes() {
        byte[] bytes = codec.encode(RandomDatum.record(TradeExecuted.class, 5));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

        assertReason(() -> codec.decode(longer), Reason.TRAILING_BYTES);
    }

    @Example
    void aHugeDeclaredStringLengthIsRefusedBeforeAnythingIsAllocated() {
        ByteArrayOutputStream out = header(FundsDeposited.class);
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        writeLong(body, Integer.MAX_VALUE - 16L); // envelope.eventId declares ~2 GiB

        assertReason(() -> codec.decode(out.toByteArray()), Reason.TRUNCATED);
    }

    @Example
    void aHugeDeclaredArrayIsRefusedBeforeAnythingIsAllocated() {
        byte[] prefix = arrayPrefixOfAccountFrozen();
        for (long count : new long[] {Integer.MAX_VALUE, 1L << 40, -(1L << 40)}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(prefix);
            BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
            writeLong(body, count);
            writeLong(body, 3); // block byte size, read when the count is negative
            out.writeBytes(new byte[] {2, 'x', 0});
            assertReason(() -> codec.decode(out.toByteArray()), Reason.TRUNCATED);
        }
    }

    @Example
    void negativeLengthsAndIndexesAreMalformed() {
        ByteArrayOutputStream negativeLength = header(FundsDeposited.class);
        writeLong(EncoderFactory.get().directBinaryEncoder(negativeLength, null), -5);

        ByteArrayOutputStream minCount = new ByteArrayOutputStream();
        minCount.writeBytes(arrayPrefixOfAccountFrozen());
        writeLong(EncoderFactory.get().directBinaryEncoder(minCount, null), Long.MIN_VALUE);

        assertReason(() -> codec.decode(negativeLength.toByteArray()), Reason.MALFORMED);
        assertReason(() -> codec.decode(minCount.toByteArray()), Reason.MALFORMED);
    }

    @Example
    void anEnumIndexOutOfRangeIsMalformed() throws IOException {
        // FundsDeposited has no enum; OrderAccepted.side follows envelope, orderId, participantId, clientOrderId,
        // instrumentId: rewrite the side index of a valid encoding.
        OrderAccepted order = RandomDatum.record(OrderAccepted.class, 11);
        byte[] valid = codec.encode(order);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(valid, EventCodec.HEADER_LENGTH));
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<EventEnvelope>(EventEnvelope.class).write(order.getEnvelope(), body);
        body.writeString(order.getOrderId());
        body.writeString(order.getParticipantId());
        body.writeString(order.getClientOrderId());
        body.writeString(order.getInstrumentId());
        body.writeEnum(7); // Side has two symbols
        body.flush();
        out.writeBytes(new byte[64]);

        assertReason(() -> codec.decode(out.toByteArray()), Reason.MALFORMED);
    }

    @Example
    void aStringThatIsNotUtf8IsMalformed() {
        ByteArrayOutputStream out = header(FundsDeposited.class);
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        writeLong(body, 2);
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // invalid 2-byte sequence
        out.writeBytes(new byte[32]);

        assertReason(() -> codec.decode(out.toByteArray()), Reason.MALFORMED);
    }

    @Example
    void bytesOfAnotherTypeAreWrongType() {
        byte[] bytes = codec.encode(RandomDatum.record(TradeExecuted.class, 2));

        assertReason(() -> codec.decode(bytes, OrderAccepted.class), Reason.WRONG_TYPE);
    }

    @Example
    void anEventWhoseEnvelopeTypeIsNotItsSchemaNameIsRefusedBothWays() throws IOException {
        TradeExecuted valid = RandomDatum.record(TradeExecuted.class, 4);
        TradeExecuted trade = TradeExecuted.newBuilder(valid)
                .setEnvelope(EventEnvelope.newBuilder(valid.getEnvelope()).setType("OrderAccepted").build())
                .build();
        ByteBuffer foreign = new BinaryMessageEncoder<TradeExecuted>(SpecificData.get(), trade.getSchema())
                .encode(trade);
        byte[] bytes = new byte[foreign.remaining()];
        foreign.get(bytes);

        assertReason(() -> codec.decode(bytes), Reason.ENVELOPE_TYPE_MISMATCH);
        assertThatThrownBy(() -> codec.encode(trade)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("envelope.type");
    }

    @Example
    void encodingAnIncompleteRecordIsAnIllegalArgument() {
        FundsDeposited incomplete = new FundsDeposited();
        incomplete.put(0, RandomDatum.record(FundsDeposited.class, 1).getEnvelope());

        assertThatThrownBy(() -> codec.encode(incomplete)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 3000)
    void randomBytesRaiseOnlyEventDecodingException(@ForAll @Size(max = 300) byte[] bytes) {
        assertDecodesOrFailsPrecisely(bytes);
    }

    @Provide
    Arbitrary<byte[]> validHeaderThenRandomBody() {
        return Combinators.combine(Arbitraries.of(EventTypes.all()), Arbitraries.bytes().array(byte[].class)
                .ofMaxSize(400)).as((type, body) -> {
                    byte[] header = Arrays.copyOf(codec.encode(RandomDatum.record(type, 0)), EventCodec.HEADER_LENGTH);
                    byte[] bytes = Arrays.copyOf(header, header.length + body.length);
                    System.arraycopy(body, 0, bytes, header.length, body.length);
                    return bytes;
                });
    }

    @Property(tries = 3000)
    void aValidHeaderWithARandomBodyDecodesOrRaisesOnlyEventDecodingException(
            @ForAll("validHeaderThenRandomBody") byte[] bytes) {
        assertDecodesOrFailsPrecisely(bytes);
    }

    @Property(tries = 3000)
    void mutatedRecordsDecodeOrRaiseOnlyEventDecodingException(@ForAll("samples") long seed) {
        Random random = new Random(seed);
        Class<? extends SpecificRecord> type = EventTypes.all().get(random.nextInt(EventTypes.all().size()));
        byte[] bytes = codec.encode(RandomDatum.record(type, seed));
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            int position = EventCodec.HEADER_LENGTH + random.nextInt(bytes.length - EventCodec.HEADER_LENGTH);
            switch (random.nextInt(3)) {
                case 0 -> bytes[position] = (byte) random.nextInt(256);
                case 1 -> bytes = remove(bytes, position);
                default -> bytes = insert(bytes, position, (byte) random.nextInt(256));
            }
        }
        assertDecodesOrFailsPrecisely(bytes);
    }

    @Provide
    Arbitrary<Long> samples() {
        return Arbitraries.longs();
    }

    private void assertDecodesOrFailsPrecisely(byte[] bytes) {
        try {
            SpecificRecord record = codec.decode(bytes);
            assertThat(EventTypes.all()).contains(record.getClass());
        } catch (EventDecodingException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    private static void assertReason(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EventDecodingException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    private ByteArrayOutputStream header(Class<? extends SpecificRecord> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(codec.encode(RandomDatum.record(type, 0)), EventCodec.HEADER_LENGTH));
        return out;
    }

    /** Header and fields of an AccountFrozen up to (excluding) the cancelledOrderIds array. */
    private byte[] arrayPrefixOfAccountFrozen() {
        AccountFrozen frozen = AccountFrozen.newBuilder(RandomDatum.record(AccountFrozen.class, 9))
                .setCancelledOrderIds(List.of()).build();
        byte[] bytes = codec.encode(frozen);
        return Arrays.copyOf(bytes, bytes.length - 1); // an empty array is the single byte 0
    }

    private static void writeLong(BinaryEncoder encoder, long value) {
        try {
            encoder.writeLong(value);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] remove(byte[] bytes, int position) {
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, position);
        System.arraycopy(bytes, position + 1, shorter, position, bytes.length - position - 1);
        return shorter.length > EventCodec.HEADER_LENGTH ? shorter : bytes;
    }

    private static byte[] insert(byte[] bytes, int position, byte value) {
        byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, position);
        longer[position] = value;
        System.arraycopy(bytes, position, longer, position + 1, bytes.length - position);
        return longer;
    }
}
