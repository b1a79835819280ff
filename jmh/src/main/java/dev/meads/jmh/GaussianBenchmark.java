package dev.meads.jmh;

import dev.meads.engine.rng.NormalStream;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.simd.ScalarNormalKernel;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
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

/**
 * One chain's momentum noise for an IRT step: 160 standard normals, reported per deviate.
 * {@code nextGaussian}: {@code RandomGenerator.nextGaussian()} on L64X128MixRandom (the JDK's
 * modified ziggurat), what the ensemble used before; {@code normalStream}: {@link NormalStream}
 * (Box–Muller on SplitMix64 in vector lanes); {@code normalStreamScalar}: its scalar twin;
 * {@code normalStream89}: radon's length (89), which cuts blocks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class GaussianBenchmark {
    private static final int D = 160;
    private static final int RADON_D = 89;

    private final double[] out = new double[D];
    private RandomGenerator lxm;
    private NormalStream stream;
    private NormalStream scalar;

    @Setup
    public void setUp() {
        lxm = RandomStreams.forChain(1, "chain", 0);
        stream = new NormalStream(123L);
        scalar = new NormalStream(123L, new ScalarNormalKernel());
    }

    @Benchmark
    @OperationsPerInvocation(D)
    public double[] nextGaussian() {
        for (int j = 0; j < D; j++) {
            out[j] = lxm.nextGaussian();
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(D)
    public double[] normalStream() {
        stream.fill(out, 0, D);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(D)
    public double[] normalStreamScalar() {
        scalar.fill(out, 0, D);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(RADON_D)
    public double[] normalStream89() {
        stream.fill(out, 0, RADON_D);
        return out;
    }
}
