package io.carbonx.exchange.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.schemas.EventCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay: the same input sequence gives byte-identical outputs and the same state hashes, and replaying a prefix
 * rebuilds the state the full run had after that prefix (what the service does on partition assignment).
 */
class ReplayDeterminismTest {

    private static final int INPUTS = 4_000;
    private static final EventCodec CODEC = EventCodec.standard();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_261_102L})
    void replayingTheInputsReproducesIdenticalBytesAndStateHashes_andAPrefixRebuildsTheStateAtThatPoint(long seed) {
        List<SpecificRecord> inputs = RandomInputs.generate(seed, INPUTS);
        Markets first = MarketFixtures.markets();
        List<byte[]> firstBytes = new ArrayList<>();
        List<SortedMap<String, String>> hashesEvery500 = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (MarketOutput o : first.apply(inputs.get(i))) {
                firstBytes.add(CODEC.encode(o.event()));
                assertThat(eventIds.add(EventIds.of(o).getEventId())).as("seed %d: unique event ids", seed).isTrue();
            }
            if ((i + 1) % 500 == 0) {
                hashesEvery500.add(first.stateHashes());
            }
        }

        Markets second = MarketFixtures.markets();
        List<byte[]> secondBytes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (MarketOutput o : second.apply(inputs.get(i))) {
                secondBytes.add(CODEC.encode(o.event()));
            }
            if ((i + 1) % 500 == 0) {
                assertThat(second.stateHashes()).as("seed %d: hashes after %d inputs", seed, i + 1)
                        .isEqualTo(hashesEvery500.get(i / 500));
            }
        }
        assertThat(secondBytes).as("seed %d", seed).hasSameSizeAs(firstBytes);
        for (int i = 0; i < firstBytes.size(); i++) {
            assertThat(secondBytes.get(i)).as("seed %d: output %d", seed, i).isEqualTo(firstBytes.get(i));
        }
        assertThat(firstBytes.size()).as("seed %d: the stream produced trades and outcomes", seed)
                .isGreaterThan(INPUTS / 4);
    }
}
