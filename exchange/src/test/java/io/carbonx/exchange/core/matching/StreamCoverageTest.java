package io.carbonx.exchange.core.matching;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StreamCoverageTest {

    @Test
    void printStats() {
        for (StreamConfig config : StreamConfig.values()) {
            MatchingEngine engine = new MatchingEngine(config.rules());
            RandomCommandStream stream = config.stream(42, 150);
            Map<String, Integer> counts = new TreeMap<>();
            long maxLive = 0;
            long sumLive = 0;
            int steps = 0;
            while (stream.placed() < 30_000) {
                List<MatchEvent> events = engine.process(stream.next(engine.referencePrice()));
                stream.observe(events);
                steps++;
                sumLive += engine.orderCount();
                maxLive = Math.max(maxLive, engine.orderCount());
                for (MatchEvent e : events) {
                    String key = e.getClass().getSimpleName();
                    if (e instanceof OrderRejected r) {
                        key += "." + r.command() + "." + r.reason();
                    } else if (e instanceof OrderCancelled c) {
                        key += "." + c.reason();
                    } else if (e instanceof OrderReplaced r) {
                        key += "." + r.priorityKept();
                    } else if (e instanceof AuctionResult a) {
                        key += "." + a.kind();
                    } else if (e instanceof TradeExecuted t) {
                        key += t.auction() ? ".auction" : ".continuous";
                    } else if (e instanceof PhaseChanged p) {
                        key += "." + p.phase();
                    }
                    counts.merge(key, 1, Integer::sum);
                }
            }
            System.out.println(config + " steps=" + steps + " avgLive=" + sumLive / steps + " maxLive=" + maxLive
                    + " ref=" + engine.referencePrice());
            counts.forEach((k, v) -> System.out.println("  " + k + " = " + v));
        }
    }
}
