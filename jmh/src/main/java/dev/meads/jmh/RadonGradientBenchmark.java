package dev.meads.jmh;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.models.data.Datasets;
import dev.meads.models.radon.RadonData;
import dev.meads.models.radon.RadonModel;
import dev.meads.models.radon.RadonParameterization;
import dev.meads.models.radon.RadonPriors;
import dev.meads.models.radon.RadonReferenceDensity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Log density and gradient of the radon model on the notebook's synthetic data (838
 * observations, 85 counties, d = 89), read from the class path. Three evaluators:
 * <ul>
 * <li>{@code reference}: the per-observation definition ({@link RadonReferenceDensity});
 * <li>{@code scalar}: per-county sufficient statistics, plain loops;
 * <li>{@code vector}: the same with a Vector API loop over counties (one chain), and lane =
 *     chain for blocks.
 * </ul>
 * {@code ...OneChain} evaluates one chain per call; {@code ...Block64} evaluates a chain-major
 * block of 64 chains through the block method ({@code vectorBlock64}: 8 chains per vector on
 * AVX-512); {@code vectorPerChain64} calls the single-chain vector form 64 times, for comparison.
 * Chains sit at scattered points near the posterior, as during sampling.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class RadonGradientBenchmark {
    private static final int CHAINS = 64;

    @Param({"CENTRED", "NON_CENTRED"})
    public RadonParameterization parameterization;

    /** {@code notebook}: half-Cauchy scale priors (a log1p each); {@code posteriordb}: half-normal. */
    @Param({"notebook"})
    public String priors;

    private LogDensity reference;
    private LogDensity scalar;
    private LogDensity vector;
    private int dimension;
    private double[] positions;
    private double[] gradients;
    private double[] logDensities;

    @Setup
    public void setUp() {
        RadonData data = Datasets.notebookRadon();
        RadonPriors settings = switch (priors) {
            case "notebook" -> RadonPriors.notebook();
            case "posteriordb" -> RadonPriors.posteriordb();
            default -> throw new IllegalArgumentException("unknown priors " + priors);
        };
        reference = new RadonReferenceDensity(data, settings, parameterization);
        scalar = new RadonModel(data, settings, parameterization, RadonModel.Evaluator.SCALAR);
        vector = new RadonModel(data, settings, parameterization, RadonModel.Evaluator.VECTOR);
        int j = data.counties();
        dimension = j + 4;
        positions = new double[CHAINS * dimension];
        gradients = new double[CHAINS * dimension];
        logDensities = new double[CHAINS];
        // Around the values that generated the data (mu_alpha 1.3, sigma_alpha 0.4, beta -0.7,
        // sigma_y 0.5), with roughly posterior-sized spread.
        RandomGenerator rng = RandomStreams.forPurpose(1, "radon-benchmark");
        boolean centred = parameterization == RadonParameterization.CENTRED;
        for (int c = 0; c < CHAINS; c++) {
            int o = c * dimension;
            positions[o] = 1.3 + 0.05 * rng.nextGaussian();
            positions[o + 1] = Math.log(0.4) + 0.1 * rng.nextGaussian();
            for (int k = 0; k < j; k++) {
                double z = rng.nextGaussian();
                positions[o + 2 + k] = centred ? positions[o] + 0.4 * z : z;
            }
            positions[o + j + 2] = -0.7 + 0.04 * rng.nextGaussian();
            positions[o + j + 3] = Math.log(0.5) + 0.03 * rng.nextGaussian();
        }
    }

    @Benchmark
    public double referenceOneChain() {
        return reference.logDensityAndGradient(positions, 0, gradients, 0);
    }

    @Benchmark
    public double scalarOneChain() {
        return scalar.logDensityAndGradient(positions, 0, gradients, 0);
    }

    @Benchmark
    public double vectorOneChain() {
        return vector.logDensityAndGradient(positions, 0, gradients, 0);
    }

    @Benchmark
    public double[] referenceBlock64() {
        reference.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }

    @Benchmark
    public double[] scalarBlock64() {
        scalar.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }

    @Benchmark
    public double[] vectorPerChain64() {
        for (int c = 0; c < CHAINS; c++) {
            logDensities[c] = vector.logDensityAndGradient(positions, c * dimension, gradients, c * dimension);
        }
        return logDensities;
    }

    @Benchmark
    public double[] vectorBlock64() {
        vector.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }
}
