package dev.meads.jmh;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.meads.EigenEstimator;
import dev.meads.engine.meads.EscapeEvent;
import dev.meads.engine.meads.EscapeGuard;
import dev.meads.engine.meads.FoldStatistics;
import dev.meads.engine.meads.MaxEigenvalue;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.simd.Kernels;
import java.util.List;
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
 * MEADS' own work per iteration, apart from the GHMC step, on the states of a warmed-up
 * ensemble ({@link WarmEnsemble}: 64 chains, IRT d = 160 or radon d = 89):
 * <ul>
 *   <li>{@code lambda16} / {@code lambda64}: {@link MaxEigenvalue#estimate} on the scaled
 *       gradients of 16 chains (one fold, K = 4) and of all 64 (the frozen parameters);</li>
 *   <li>{@code foldStatistics16}: {@link FoldStatistics#compute} for one fold of 16 chains:
 *       σ, the scaled-gradient λ and the standardised-position λ (two estimates);</li>
 *   <li>{@code escapeGuard}: {@link EscapeGuard#find} on all 64 chains (run every K iterations).</li>
 * </ul>
 * A whole iteration is {@link MeadsIterationBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class MeadsUpdateBenchmark {
    @Param({"IRT", "RADON"})
    public Workload workload;

    private WarmEnsemble warm;
    private ChainBlock block;
    private int d;
    private final MaxEigenvalue eigen = new MaxEigenvalue(Kernels.get());
    private final MeadsOptions options = MeadsOptions.defaults();
    private FoldStatistics statistics;
    private EscapeGuard guard;
    private int[] chains;
    private double[] rows16;
    private double[] rows64;
    private double[] scratch;

    @Setup(Level.Trial)
    public void setUp() {
        warm = new WarmEnsemble(workload, 1, 1000);
        block = warm.block;
        d = block.dimension();
        statistics = new FoldStatistics(d);
        guard = new EscapeGuard(WarmEnsemble.CHAINS, d, options.escapeDistance(), options.escapeLogDensity(),
                options.escapeDivergences());
        chains = warm.allChains.clone();
        scratch = new double[WarmEnsemble.CHAINS * d];
        // rows as FoldStatistics builds them: gradients times the ensemble's σ
        statistics.compute(block, chains, 0, WarmEnsemble.CHAINS, options, eigen, scratch);
        double[] s = statistics.scale();
        rows64 = new double[WarmEnsemble.CHAINS * d];
        for (int c = 0; c < WarmEnsemble.CHAINS; c++) {
            for (int j = 0; j < d; j++) {
                rows64[c * d + j] = block.gradients()[c * d + j] * s[j];
            }
        }
        rows16 = java.util.Arrays.copyOf(rows64, 16 * d);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        warm.close();
    }

    @Benchmark
    public double lambda16() {
        return eigen.estimate(rows16, 16, d, EigenEstimator.USTAT);
    }

    @Benchmark
    public double lambda64() {
        return eigen.estimate(rows64, 64, d, EigenEstimator.USTAT);
    }

    @Benchmark
    public double foldStatistics16() {
        return statistics.compute(block, chains, 16, 16, options, eigen, scratch);
    }

    @Benchmark
    public List<EscapeEvent> escapeGuard() {
        return guard.find(block, 0);
    }
}
