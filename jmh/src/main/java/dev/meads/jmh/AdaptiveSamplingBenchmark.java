package dev.meads.jmh;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.meads.AdaptiveSampler;
import dev.meads.engine.run.ProgressListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sampling phase of adaptive sampling (`meads.mode = adaptive`, {@link AdaptiveSampler}):
 * 100 MEADS iterations whose states are kept as draws (Draws of 64 × 100), from the state 1000
 * MEADS iterations left. Time per iteration, to set beside {@code SamplingPhaseBenchmark} (GHMC
 * with frozen parameters) and {@code MeadsIterationBenchmark} (the same iterations, nothing kept).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class AdaptiveSamplingBenchmark {
    private static final int ITERATIONS = 100;

    @Param({"IRT", "RADON"})
    public Workload workload;

    @Param({"1", "2"})
    public int threads;

    private ContinuingEnsemble state;

    @Setup(Level.Trial)
    public void setUp() {
        state = new ContinuingEnsemble(workload, threads);
    }

    @Setup(Level.Iteration)
    public void enoughRoom() {
        state.ensureRoom();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        state.close();
    }

    /** Reported per iteration of 64 chains (the phase divided by 100). */
    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public Draws adaptive100() {
        WarmEnsemble warm = state.warm();
        return new AdaptiveSampler(warm.meads, warm.ensemble, warm.model)
                .sample(ITERATIONS, ProgressListener.NONE, () -> false, null);
    }
}
