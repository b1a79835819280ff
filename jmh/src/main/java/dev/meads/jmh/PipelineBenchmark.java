package dev.meads.jmh;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.model.LogDensity;
import dev.meads.models.irt.Irt2plModel;
import java.util.Locale;
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

/**
 * The whole notebook pipeline as a user runs it, {@code MeadsSampler.forModel(model).run()}
 * with the notebook's settings (NUTS 500 + 300 for IRT, 500 + 200 for radon; 64 chains, 1000
 * MEADS iterations, 1000 draws), in process after warm-up: each measured iteration is one
 * complete run (single shot), after warm-up runs that let the JIT compile everything. Twenty
 * of them: after eight, C2 was still compiling NUTS's adaptation code (it runs about 500 times
 * per pipeline, so it leaves C1's profiling tier late) during the first measured shots.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class PipelineBenchmark {
    @Param({"IRT", "RADON"})
    public Workload workload;

    @Param({"2"})
    public int threads;

    /** vector: the default kernels; scalar: {@code kernels = scalar} (the profiles' choice). */
    @Param({"vector"})
    public String kernels;

    /** IRT only: block (the library default) or chain ({@code irt.ensemble-kernel = chain}, the irt profile's). */
    @Param({"block"})
    public String irtEnsembleKernel;

    /** same: as {@code kernels} (the profiles); vector or scalar: the NUTS start's own ({@code nuts.kernels}). */
    @Param({"same"})
    public String nutsKernels;

    private LogDensity model;

    @Setup(Level.Trial)
    public void setUp() {
        if (workload == Workload.IRT) {
            model = Workload.irtModel(Irt2plModel.EnsembleKernel.valueOf(irtEnsembleKernel.toUpperCase(Locale.ROOT)));
        } else {
            model = kernels.equals("scalar") ? workload.scalarModel() : workload.model();
        }
    }

    @Benchmark
    public SamplingResult notebook() {
        MeadsSampler sampler = workload.sampler(model, threads).scalarKernels(kernels.equals("scalar"));
        if (!nutsKernels.equals("same")) {
            sampler.scalarNutsKernels(nutsKernels.equals("scalar"));
        }
        return sampler.run();
    }
}
