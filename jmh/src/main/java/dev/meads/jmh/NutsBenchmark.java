package dev.meads.jmh;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.nuts.NutsKernel;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.nuts.NutsSampler;
import dev.meads.engine.rng.RandomStreams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * NUTS on one chain, as the initialisation runs it: {@code transition} is one NUTS transition
 * from the state reached by Stan's 500-iteration window adaptation (adapted step size and
 * diagonal metric), the chain moving on from transition to transition. The {@code leapfrogs}
 * counter counts leapfrog steps; JMH divides the measured time by it, so
 * {@code transition:leapfrogs} is the time per leapfrog, and {@code transition} over it the
 * leapfrogs per transition.
 * {@code gradient} is one evaluation of the single-chain log density and gradient at a draw,
 * the cost a leapfrog cannot go below; the difference is the tree's overhead per leapfrog
 * (momentum draw, copies, U-turn checks, multinomial sampling).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class NutsBenchmark {
    @Param({"IRT", "RADON"})
    public Workload workload;

    private LogDensity model;
    private NutsKernel kernel;
    private double[] x;
    private double[] g;

    /** Leapfrog steps, summed over the measured transitions (JMH reports the time per step). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Steps {
        public long leapfrogs;

        @Setup(Level.Iteration)
        public void clear() {
            leapfrogs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        model = workload.model();
        double[] initial = new double[model.dimension()];
        model.initialPoint(initial, 0);
        NutsSampler nuts = new NutsSampler(model, NutsOptions.defaults(), RandomStreams.forPurpose(1, "nuts"));
        nuts.warmup(initial, 500);
        kernel = nuts.kernel();
        x = nuts.position().clone();
        g = new double[model.dimension()];
    }

    @Benchmark
    public double transition(Steps steps) {
        kernel.transition();
        steps.leapfrogs += kernel.leapfrogSteps();
        return kernel.energy();
    }

    @Benchmark
    public double gradient() {
        return model.logDensityAndGradient(x, 0, g, 0);
    }
}
