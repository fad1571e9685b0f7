package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every contract type survives encode → decode unchanged, encodes deterministically, and interoperates with Avro's
 * own single-object encoder and decoder. Types come from {@link EventTypes#all()}, so a type added there is
 * covered without touching this test (and {@link ContractRulesTest} fails for a schema not added there).
 */
class EventCodecRoundTripTest {

    private static final int SEEDS_PER_TYPE = 50;

    private final EventCodec codec = EventCodec.standard();

    /** A contract type and the seed its random instance is generated from (shown when a property fails). */
    record Sample(Class<? extends SpecificRecord> type, long seed) {
        SpecificRecord record() {
            return RandomDatum.record(type, seed);
        }

        @Override
        public String toString() {
            return type.getSimpleName() + " from seed " + seed;
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.of(EventTypes.all()), Arbitraries.longs()).as(Sample::new);
    }

    @Property(tries = 2000)
    void decodingAnEncodedRecordGivesAnEqualRecord(@ForAll("samples") Sample sample) {
        SpecificRecord record = sample.record();
        byte[] bytes = codec.encode(record);

        assertThat(codec.decode(bytes)).isEqualTo(record);
        assertThat(codec.decode(bytes, sample.type())).isEqualTo(record);
        assertThat(codec.typeOf(bytes)).isEqualTo(sample.type());
    }

    @Property(tries = 1000)
    void encodingIsDeterministic(@ForAll("samples") Sample sample) {
        SpecificRecord record = sample.record();
        byte[] bytes = codec.encode(record);

        assertThat(codec.encode(record)).isEqualTo(bytes);
        assertThat(codec.encode(sample.record())).isEqualTo(bytes);
        assertThat(codec.encode(codec.decode(bytes))).isEqualTo(bytes);
    }

    @Example
    void everyContractTypeRoundTripsForManySeeds() {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            for (long seed = 0; seed < SEEDS_PER_TYPE; seed++) {
                SpecificRecord record = RandomDatum.record(type, seed);
                byte[] bytes = codec.encode(record);
                assertThat(codec.decode(bytes)).as("%s from seed %d", type.getSimpleName(), seed).isEqualTo(record);
                assertThat(codec.encode(codec.decode(bytes))).as("%s seed %d", type.getSimpleName(), seed)
                        .isEqualTo(bytes);
            }
        }
    }

    @Example
    void headerIsTheSingleObjectMarkerAndTheLittleEndianSchemaFingerprint() {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            byte[] bytes = codec.encode(RandomDatum.record(type, 7));
            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
            assertThat(bytes[1]).isEqualTo((byte) 0x01);
            long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(fingerprint).as(type.getSimpleName()).isEqualTo(EventCodec.fingerprintOf(type));
            assertThat(codec.schemaFor(fingerprint)).contains(EventTypes.schemaOf(type));
        }
    }

    @Example
    void avrosOwnDecoderReadsCodecBytesWithTheCodecsSchemaStore() throws IOException {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            Schema schema = EventTypes.schemaOf(type);
            BinaryMessageDecoder<SpecificRecord> avro =
                    new BinaryMessageDecoder<>(SpecificData.get(), schema, codec.schemaStore());
            for (long seed = 0; seed < 10; seed++) {
                SpecificRecord record = RandomDatum.record(type, seed);
                assertThat(avro.decode(codec.encode(record))).as("%s seed %d", type.getSimpleName(), seed)
                        .isEqualTo(record);
            }
        }
    }

    @Example
    void codecReadsAvrosOwnEncoderBytesAndProducesTheSameBytes() throws IOException {
        for (Class<? extends SpecificRecord> type : EventTypes.all()) {
            BinaryMessageEncoder<SpecificRecord> avro =
                    new BinaryMessageEncoder<>(SpecificData.get(), EventTypes.schemaOf(type));
            for (long seed = 0; seed < 10; seed++) {
                SpecificRecord record = RandomDatum.record(type, seed);
                ByteBuffer encoded = avro.encode(record);
                byte[] bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
                assertThat(codec.decode(bytes)).as("%s seed %d", type.getSimpleName(), seed).isEqualTo(record);
                assertThat(codec.encode(record)).isEqualTo(bytes);
            }
        }
    }
}
