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

import java.util.random.RandomGenerator;
import java.util.concurrent.TimeUnit;

/**
 * Log density and gradient of the radon model on the notebook's synthetic data (838
 * observations, 85 counties, d = 89), read from the class path: the per-observation reference,
 * the sufficient-statistic form in scalar code, and the same with the Vector API county loop;
 * one chain per call, and a block of 64 chains (chain-major) per call.
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

    private LogDensity reference;
    private LogDensity scalar;
    private LogDensity vector;
    private double[] positions;
    private double[] gradients;
    private double[] logDensities;

    @Setup
    public void setUp() {
        RadonData data = Datasets.notebookRadon();
        RadonPriors priors = RadonPriors.notebook();
        reference = new RadonReferenceDensity(data, priors, parameterization);
        scalar = new RadonModel(data, priors, parameterization, RadonModel.Evaluator.SCALAR);
        vector = new RadonModel(data, priors, parameterization, RadonModel.Evaluator.VECTOR);
        int d = reference.dimension();
        positions = new double[CHAINS * d];
        gradients = new double[CHAINS * d];
        logDensities = new double[CHAINS];
        // Chains spread around the data-based start, as after initialisation.
        RandomGenerator rng = RandomStreams.forPurpose(1, "radon-benchmark");
        double[] start = new double[d];
        reference.initialPoint(start, 0);
        for (int c = 0; c < CHAINS; c++) {
            for (int i = 0; i < d; i++) {
                positions[c * d + i] = start[i] + 0.3 * rng.nextGaussian();
            }
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
    public double[] vectorBlock64() {
        vector.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }
}
