package dev.meads.jmh;

import dev.meads.engine.diag.Diagnostics;
import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The summary table's cost on the ensemble workload: 64 chains × 1000 draws × 160 quantities,
 * every column (mean, sd, median, q5, q95, mcse_mean, bulk/tail ESS, rank R̂), one thread.
 * Quantity p is an AR(1) series with φ = 0.9·p/160, so mixing ranges from iid to ESS/S ≈ 5%
 * (Geyer's truncation then needs tens of lags), like real sampler output. With
 * {@code repeats} > 0 each draw repeats the one before with that probability, as a rejected
 * proposal does (a quarter to a third of the notebook's IRT draws are such ties).
 *
 * <ul>
 *   <li>{@code summaryFromDraws}: {@link Summary#of(Draws)}, i.e. column extraction from the
 *       chain-major {@link Draws}, all diagnostics and the sampler statistics;</li>
 *   <li>{@code summariseColumns}: the diagnostics alone on pre-extracted columns;</li>
 *   <li>{@code extractColumns}: {@link Draws#parameter} for every quantity, the copy alone.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class DiagnosticsBenchmark {
    static final int CHAINS = 64;
    static final int ITERATIONS = 1000;
    static final int PARAMETERS = 160;

    /** Probability that a draw repeats the previous one (0: the rows recorded before 2026-11-27 20:40). */
    @Param({"0", "0.3"})
    public double repeats;

    private Draws draws;
    private double[][] columns;
    private double[] buffer;
    private Diagnostics diagnostics;

    @Setup(Level.Trial)
    public void setUp() {
        String[] names = new String[PARAMETERS];
        for (int p = 0; p < PARAMETERS; p++) {
            names[p] = "theta[" + (p + 1) + "]";
        }
        draws = new Draws(names, CHAINS, ITERATIONS);
        SplittableRandom random = new SplittableRandom(20240601L);
        double[] state = new double[PARAMETERS];
        for (int c = 0; c < CHAINS; c++) {
            for (int p = 0; p < PARAMETERS; p++) {
                double phi = 0.9 * p / PARAMETERS;
                state[p] = random.nextGaussian() / Math.sqrt(1 - phi * phi);
            }
            for (int i = 0; i < ITERATIONS; i++) {
                boolean repeat = repeats > 0 && i > 0 && random.nextDouble() < repeats; // repeats = 0: the rows before
                for (int p = 0; p < PARAMETERS; p++) {
                    double phi = 0.9 * p / PARAMETERS;
                    double innovation = random.nextGaussian(); // drawn either way: the same series at any rate
                    if (!repeat) {
                        state[p] = phi * state[p] + innovation;
                    }
                    draws.setValue(c, i, p, state[p]);
                }
                draws.setSampler(c, i, SamplerColumn.ACCEPT_STAT, random.nextDouble());
                draws.setSampler(c, i, SamplerColumn.STEPSIZE, 0.2);
                draws.setSampler(c, i, SamplerColumn.N_LEAPFROG, 8);
            }
        }
        columns = new double[PARAMETERS][];
        for (int p = 0; p < PARAMETERS; p++) {
            columns[p] = draws.parameter(p, null);
        }
        buffer = new double[CHAINS * ITERATIONS];
        diagnostics = new Diagnostics();
    }

    @Benchmark
    public Summary summaryFromDraws() {
        return Summary.of(draws);
    }

    @Benchmark
    public void summariseColumns(Blackhole bh) {
        for (int p = 0; p < PARAMETERS; p++) {
            ParameterSummary row = diagnostics.summarise("theta", columns[p], CHAINS, ITERATIONS);
            bh.consume(row);
        }
    }

    @Benchmark
    public void extractColumns(Blackhole bh) {
        for (int p = 0; p < PARAMETERS; p++) {
            bh.consume(draws.parameter(p, buffer));
        }
    }
}
