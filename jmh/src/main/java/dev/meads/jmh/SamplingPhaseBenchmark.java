package dev.meads.jmh;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.ghmc.GhmcSampler;
import dev.meads.engine.run.ProgressListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sampling phase as the pipeline runs it ({@link GhmcSampler#sample}): 100 iterations of all
 * 64 chains with the frozen parameters, each draw constrained and stored (Draws of 64 × 100),
 * from the state 1000 MEADS iterations left. Time per iteration; {@code threads} = 1 and 2 give
 * the scaling of the phase.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class SamplingPhaseBenchmark {
    private static final int ITERATIONS = 100;

    @Param({"IRT", "RADON"})
    public Workload workload;

    @Param({"1", "2"})
    public int threads;

    private WarmEnsemble warm;
    private final WorkerShare share = new WorkerShare();

    @Setup(Level.Trial)
    public void setUp() {
        warm = new WarmEnsemble(workload, threads, 1000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        share.add(warm);
        share.print();
        warm.close();
    }

    /** Reported per iteration of 64 chains (the phase divided by 100). */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(ITERATIONS)
    public Draws sample100() {
        return new GhmcSampler(warm.ensemble, warm.model, warm.frozen)
                .sample(ITERATIONS, ProgressListener.NONE, () -> false, null);
    }
}
