package dev.meads.jmh;

import dev.meads.engine.meads.MeadsAdaptation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
public class MeadsIterationBenchmark {
    /** The state is renewed before it runs out of MEADS iterations ({@link ContinuingEnsemble}). */
    @Benchmark
    public int iterate(ContinuingEnsemble state) {
        MeadsAdaptation meads = state.warm().meads;
        meads.iterate();
        return meads.iteration();
    }
}
