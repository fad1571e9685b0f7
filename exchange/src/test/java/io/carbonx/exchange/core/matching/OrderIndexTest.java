package io.carbonx.exchange.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OrderIndexTest {

    /** "Aa" and "BB" have equal hash codes: concatenations of them collide heavily. */
    private static String collidingId(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(random.nextBoolean() ? "Aa" : "BB");
        }
        return sb.append(random.nextInt(4)).toString();
    }

    @Property(tries = 50)
    void behavesLikeAMapUnderRandomPutsAndRemoves(@ForAll long seed) {
        Random random = new Random(seed);
        OrderIndex index = new OrderIndex(4);
        Map<String, Order> model = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int step = 0; step < 3_000; step++) {
            String id = random.nextInt(3) == 0 ? collidingId(random) : "o" + random.nextInt(400);
            if (random.nextInt(5) < 3 && !model.containsKey(id)) {
                Order order = new Order();
                order.orderId = id;
                index.put(order);
                model.put(id, order);
                keys.add(id);
            } else {
                index.remove(id);
                model.remove(id);
            }
            assertThat(index.size()).as("seed %d step %d", seed, step).isEqualTo(model.size());
            String probe = keys.isEmpty() ? id : keys.get(random.nextInt(keys.size()));
            assertThat(index.get(probe)).as("seed %d step %d key %s", seed, step, probe).isSameAs(model.get(probe));
        }
        for (String key : keys) {
            assertThat(index.get(key)).as("seed %d final key %s", seed, key).isSameAs(model.get(key));
        }
    }

    @Test
    void sequentialIdsDoNotClusterUnderLinearProbing() {
        OrderIndex index = new OrderIndex(16);
        for (int i = 0; i < 10_000; i++) {
            Order order = new Order();
            order.orderId = "a" + i;
            index.put(order);
        }
        // String.hashCode spread only by h ^ (h >>> 16) packs these ids into runs of over 300 slots (measured);
        // with a full avalanche the longest run is about a dozen
        assertThat(index.longestRun()).isLessThan(64);
    }
}
