package dev.meads.jmh;

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

    /** MEADS iterations the state has room for; MeadsAdaptation throws once they are used up. */
    private static final int CAPACITY = 300_000;
    /**
     * A JMH iteration starts with at least this many left (rebuilding the state otherwise): about
     * 3 s at radon's 20 µs, more than a 1 s iteration uses. Without it, radon on one thread (44
     * µs) ran out in the 9th measured iteration of the default 5 + 10 and JMH printed a score
     * from the iterations before.
     */
    private static final int HEADROOM = 150_000;

    private WarmEnsemble warm;
    private final WorkerShare share = new WorkerShare();

    @Setup(Level.Trial)
    public void setUp() {
        warm = new WarmEnsemble(workload, threads, 1000, CAPACITY);
    }

    @Setup(Level.Iteration)
    public void enoughRoom() {
        if (CAPACITY - warm.meads.iteration() < HEADROOM) {
            share.add(warm);
            warm.close();
            warm = new WarmEnsemble(workload, threads, 1000, CAPACITY);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        share.add(warm);
        share.print();
        warm.close();
    }

    @Benchmark
    public int iterate() {
        warm.meads.iterate();
        return warm.meads.iteration();
    }
}
