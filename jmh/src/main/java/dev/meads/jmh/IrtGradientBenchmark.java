package dev.meads.jmh;

import dev.meads.models.irt.Irt2plModel;
import dev.meads.models.irt.Irt2plScalarModel;
import dev.meads.models.irt.IrtData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * IRT 2PL log density + gradient, 100 students x 30 items (d = 160): the scalar reference
 * against the Vector API kernels, in the single-chain form (NUTS) and the block form (the
 * ensemble), on the same 64 chain positions. Every benchmark evaluates all 64 chains per call
 * and reports time per chain.
 *
 * <p>The data are generated here from a fixed seed (abilities and difficulties N(0,1),
 * discriminations 0.3 + |N(0,1)|, responses Bernoulli of the model's probability), so the
 * benchmark depends on nothing but the model classes; the positions are typical-set points
 * (theta, b ~ N(0,1), log a ~ N(0, 0.25)).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class IrtGradientBenchmark {
    private static final int STUDENTS = 100;
    private static final int ITEMS = 30;
    private static final int CHAINS = 64;

    private Irt2plScalarModel scalar;
    private Irt2plModel vector;
    private Irt2plModel chainEnsemble;
    private int dimension;
    private double[] positions;
    private double[] gradients;
    private double[] logDensities;

    @Setup
    public void setUp() {
        IrtData data = syntheticData(STUDENTS, ITEMS, 20240611L);
        scalar = new Irt2plScalarModel(data);
        vector = new Irt2plModel(data);
        chainEnsemble = new Irt2plModel(data, Irt2plModel.EnsembleKernel.CHAIN);
        dimension = vector.dimension();
        SplittableRandom random = new SplittableRandom(7L);
        positions = new double[CHAINS * dimension];
        for (int c = 0; c < CHAINS; c++) {
            for (int k = 0; k < dimension; k++) {
                double sd = k < STUDENTS + ITEMS ? 1.0 : 0.5;
                positions[c * dimension + k] = sd * random.nextGaussian();
            }
        }
        gradients = new double[CHAINS * dimension];
        logDensities = new double[CHAINS];
    }

    /** Responses drawn from the 2PL model with a seeded generator. */
    static IrtData syntheticData(int students, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[students];
        for (int i = 0; i < students; i++) {
            theta[i] = random.nextGaussian();
        }
        byte[] y = new byte[students * items];
        for (int j = 0; j < items; j++) {
            double b = random.nextGaussian();
            double a = 0.3 + Math.abs(random.nextGaussian());
            for (int i = 0; i < students; i++) {
                double p = 1.0 / (1.0 + Math.exp(-a * (theta[i] - b)));
                y[i * items + j] = (byte) (random.nextDouble() < p ? 1 : 0);
            }
        }
        return new IrtData(students, items, y, "IrtGradientBenchmark synthetic, seed " + seed);
    }

    /** Scalar reference, one chain at a time. */
    @Benchmark
    @OperationsPerInvocation(CHAINS)
    public void scalarPerChain(Blackhole bh) {
        for (int c = 0; c < CHAINS; c++) {
            bh.consume(scalar.logDensityAndGradient(positions, c * dimension, gradients, c * dimension));
        }
    }

    /** Vector API single-chain form (vectorised over students), one chain at a time. */
    @Benchmark
    @OperationsPerInvocation(CHAINS)
    public void vectorPerChain(Blackhole bh) {
        for (int c = 0; c < CHAINS; c++) {
            bh.consume(vector.logDensityAndGradient(positions, c * dimension, gradients, c * dimension));
        }
    }

    /** Vector API block form: 64 chains in one call, one chain per lane; time per chain. */
    @Benchmark
    @OperationsPerInvocation(CHAINS)
    public double[] vectorBlock64() {
        vector.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }

    /** The block interface with {@code irt.ensemble-kernel = chain} (the irt profile's): the single-chain form per chain. */
    @Benchmark
    @OperationsPerInvocation(CHAINS)
    public double[] chainKernelBlock64() {
        chainEnsemble.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }

    /** The scalar reference through the block interface (a loop over chains): the block form's baseline. */
    @Benchmark
    @OperationsPerInvocation(CHAINS)
    public double[] scalarBlock64() {
        scalar.logDensityAndGradient(positions, gradients, logDensities, 0, CHAINS);
        return logDensities;
    }
}
