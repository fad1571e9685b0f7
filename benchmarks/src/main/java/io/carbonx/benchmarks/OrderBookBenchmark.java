package io.carbonx.benchmarks;

import io.carbonx.exchange.core.matching.Command;
import io.carbonx.exchange.core.matching.EventSink;
import io.carbonx.exchange.core.matching.MatchingEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One command of the standard mix ({@link MatchingWorkload}) per invocation on one engine, single thread;
 * every event goes to a Blackhole. Throughput gives commands/s, SampleTime the per-command latency
 * distribution (each sample includes JMH's timer overhead of a few tens of ns).
 */
@State(Scope.Thread)
public class OrderBookBenchmark {

    private static final int MIX_SIZE = 1 << 19;

    private Command[] commands;
    private MatchingEngine engine;
    private EventSink sink;
    private int next;

    @Setup(Level.Trial)
    public void setup(Blackhole blackhole) {
        commands = MatchingWorkload.standardMix(42, MIX_SIZE, 2_000);
        engine = new MatchingEngine(MatchingWorkload.continuousRules());
        MatchingWorkload.verifyCycle(engine, commands);
        sink = blackhole::consume;
        next = 0;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void standardMixThroughput() {
        step();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void standardMixLatency() {
        step();
    }

    private void step() {
        engine.process(commands[next], sink);
        if (++next == commands.length) {
            next = 0;
        }
    }
}
