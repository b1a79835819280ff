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
 * One GHMC transition of all 64 chains of the ensemble with the frozen parameters (the sampling
 * phase's unit of work): momentum noise, the leapfrog step, one block evaluation of the model,
 * the accept/reject. The chains start where 1000 MEADS iterations left them ({@link WarmEnsemble})
 * and keep moving, so the state stays typical. {@code threads} = 1 and 2 give the scaling.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class GhmcEnsembleBenchmark {
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

    @Benchmark
    public double step64() {
        warm.step();
        return warm.block.logDensities()[0];
    }
}
