package dev.meads.jmh;

import dev.meads.engine.meads.MeadsAdaptation;
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
 * One whole MEADS warmup iteration, {@code MeadsAdaptation.iterate()}: the statistics of the
 * folds (on the workers), one GHMC step of the 48 chains of the 3 moving folds, the
 * bookkeeping, and every 4th iteration the escape guard and a reshuffle; continuing from the
 * state 1000 iterations left ({@link WarmEnsemble}). 1000 iterations of this are the pipeline's
 * MEADS stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class MeadsIterationBenchmark {
    @Param({"IRT", "RADON"})
    public Workload workload;

    @Param({"1", "2"})
    public int threads;

    /** The state, renewed before it runs out of MEADS iterations. */
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

    @Benchmark
    public int iterate() {
        MeadsAdaptation meads = state.warm().meads;
        meads.iterate();
        return meads.iteration();
    }
}
