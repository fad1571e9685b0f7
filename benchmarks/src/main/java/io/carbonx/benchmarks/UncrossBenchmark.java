package io.carbonx.benchmarks;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.exchange.core.matching.AdvanceTime;
import io.carbonx.exchange.core.matching.AuctionResult;
import io.carbonx.exchange.core.matching.EventSink;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.core.matching.MatchingEngine;
import io.carbonx.exchange.core.matching.PlaceOrder;
import io.carbonx.exchange.core.matching.SessionSchedule;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The opening uncross of a pre-open book of {@code orders} resting orders (half bids, half asks, prices
 * spread over 101 ticks around the reference on both sides, so roughly half the volume crosses and thousands
 * of trades result), including emitting the trades, the auction result and the phase change.
 */
@State(Scope.Thread)
public class UncrossBenchmark {

    private static final long H = 3_600_000L;
    private static final long DAY = 20_000L * SessionSchedule.DAY_MS;
    private static final long PRE_OPEN_TIME = DAY + H + 1;
    private static final long OPEN_TIME = DAY + 2 * H;
    private static final CreditGrade[] GRADES = CreditGrade.values();

    @Param("10000")
    public int orders;

    private MatchingEngine engine;
    private EventSink sink;
    private final Random random = new Random(7);
    private final AdvanceTime open = new AdvanceTime(OPEN_TIME);

    static InstrumentRules auctionRules() {
        return InstrumentRules.builder("BENCH-AUCTION").priceBand(100_000, 0)
                .schedule(SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H)).build();
    }

    @Setup(Level.Trial)
    public void sink(Blackhole blackhole) {
        sink = blackhole::consume;
        fill();
        long[] volume = {0};
        engine.process(open, e -> {
            if (e instanceof AuctionResult a) {
                volume[0] = a.volume();
            }
        });
        if (volume[0] == 0) {
            throw new IllegalStateException("the benchmark book does not cross");
        }
    }

    @Setup(Level.Invocation)
    public void fill() {
        engine = new MatchingEngine(auctionRules());
        for (int i = 0; i < orders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            long price = 100_000 + random.nextInt(101) - 50;
            CreditGrade grade = GRADES[random.nextInt(GRADES.length - 2)];
            engine.process(PlaceOrder.limit("a" + i, "P" + random.nextInt(200), side, TimeInForce.GTC, price,
                    1 + random.nextInt(100), grade, PRE_OPEN_TIME), e -> { });
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void openingUncross() {
        engine.process(open, sink);
    }
}
