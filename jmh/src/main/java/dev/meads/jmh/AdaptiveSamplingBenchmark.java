package dev.meads.jmh;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.meads.AdaptiveSampler;
import dev.meads.engine.run.ProgressListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
public class AdaptiveSamplingBenchmark {
    private static final int ITERATIONS = 100;

    /** Reported per iteration of 64 chains (the phase divided by 100). */
    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public Draws adaptive100(ContinuingEnsemble state) {
        WarmEnsemble warm = state.warm();
        return new AdaptiveSampler(warm.meads, warm.ensemble, warm.model)
                .sample(ITERATIONS, ProgressListener.NONE, () -> false, null);
    }
}
