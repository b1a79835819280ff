package dev.meads.cli;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.run.PipelineOptions;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.Irt2plModel;
import dev.meads.models.irt.Irt2plScalarModel;
import dev.meads.models.radon.RadonModel;
import dev.meads.models.radon.RadonParameterization;
import dev.meads.models.radon.RadonPriors;
import dev.meads.models.radon.RadonReferenceDensity;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code meads bench}: a quick look at this machine's gradient and sampler throughput. For
 * figures to record, use the JMH benchmarks in jmh/ (this takes medians of a few timed batches
 * once each kernel's speed has settled, nothing more).
 */
final class BenchCommand implements CliCommand {
    static final String NAME = "bench";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("meads bench", "Quick gradient and sampler throughput on this machine (about half a "
                        + "minute).", "For careful figures use the JMH benchmarks: see jmh/RESULTS.md.")
                .option("--threads", "N", "threads for the sampler runs (default 0: all cores)");
    }

    @Override
    public int run(ParsedArgs a) {
        Integer threads = a.threads();
        System.out.println("gradient + log density, per chain (median of 7 timed batches, after warm-up):");
        var irtData = Datasets.notebookIrt();
        LogDensity irtScalar = new Irt2plScalarModel(irtData);
        LogDensity irtVector = new Irt2plModel(irtData);
        double s1 = single(irtScalar);
        double v1 = single(irtVector);
        double vb = block(irtVector, 64);
        line("IRT 100x30, scalar reference, one chain", s1, 1);
        line("IRT 100x30, vector, one chain", v1, s1 / v1);
        line("IRT 100x30, vector, block of 64 chains", vb, s1 / vb);
        var radonData = Datasets.notebookRadon();
        LogDensity radonRef = new RadonReferenceDensity(radonData, RadonPriors.notebook(), RadonParameterization.CENTRED);
        LogDensity radonScalar = new RadonModel(radonData, RadonPriors.notebook(), RadonParameterization.CENTRED,
                RadonModel.Evaluator.SCALAR);
        LogDensity radonVector = RadonModel.notebook(radonData);
        double r0 = single(radonRef);
        double r1 = single(radonScalar);
        double r2 = single(radonVector);
        double r3 = block(radonVector, 64);
        line("radon, per-observation reference", r0, 1);
        line("radon, sufficient statistics, scalar", r1, r0 / r1);
        line("radon, sufficient statistics, vector", r2, r0 / r2);
        line("radon, vector, block of 64 chains", r3, r0 / r3);
        int t = threads == null ? dev.meads.engine.parallel.WorkerPool.defaultThreads() : threads;
        System.out.println();
        System.out.println("whole pipeline, notebook settings, " + t + " threads (second of two runs; JMH, after eight, gives lower times):");
        pipeline("IRT", irtVector, PipelineOptions.defaults().withThreads(t));
        pipeline("radon", radonVector, PipelineOptions.defaults().withThreads(t)
                .withNuts(PipelineOptions.defaults().nuts(), 500, 200));
        return 0;
    }

    private static void pipeline(String name, LogDensity model, PipelineOptions o) {
        SamplingResult r = null;
        for (int rep = 0; rep < 2; rep++) {
            r = MeadsSampler.forModel(model).options(o.withSeed(rep + 1)).run();
        }
        double seconds = r.details().seconds();
        System.out.printf(Locale.ROOT, "  %-6s %.3f s, %,d gradient evaluations (%.0f k/s)%n", name, seconds,
                r.details().gradientEvaluations(), r.details().gradientEvaluations() / seconds / 1e3);
    }

    private static void line(String what, double micros, double speedup) {
        System.out.printf(Locale.ROOT, "  %-44s %9.3f us  %5.1fx%n", what, micros, speedup);
    }

    /** Microseconds per single-chain evaluation. */
    private static double single(LogDensity m) {
        int d = m.dimension();
        double[] x = point(m, 1, 3);
        double[] g = new double[d];
        return microsecondsPerCall(() -> m.logDensityAndGradient(x, 0, g, 0));
    }

    /** Microseconds per chain in block evaluations of {@code n} chains. */
    private static double block(LogDensity m, int n) {
        int d = m.dimension();
        double[] x = point(m, n, 5);
        double[] g = new double[n * d];
        double[] lp = new double[n];
        return microsecondsPerCall(() -> m.logDensityAndGradient(x, g, lp, 0, n)) / n;
    }

    private static double[] point(LogDensity m, int chains, long seed) {
        int d = m.dimension();
        double[] x = new double[chains * d];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 * r.nextGaussian();
        }
        return x;
    }

    /**
     * Microseconds per call of {@code once}: batches of about 20 ms run until the JIT has done
     * its work, that is for at least {@link #MIN_WARMUP_NANOS} and until three batches in a row
     * agree within 3 % (at most {@link #MAX_WARMUP_NANOS}); then the median of 7 batches. Vector
     * API code runs boxed, tens of times slower than plain loops, until C2 has compiled it, so a
     * fixed short warm-up would report the cold speed.
     */
    private static double microsecondsPerCall(Runnable once) {
        long start = System.nanoTime();
        int reps = 1;
        double[] recent = {Double.NaN, Double.NaN, Double.NaN};
        for (int batch = 0; ; batch++) {
            double perCall = timeBatch(once, reps) / reps;
            recent[batch % 3] = perCall;
            reps = (int) Math.max(1, Math.min(100_000_000, 20e6 / perCall));
            long elapsed = System.nanoTime() - start;
            boolean settled = batch >= 2 && max(recent) <= 1.03 * min(recent);
            if (elapsed >= MAX_WARMUP_NANOS || (elapsed >= MIN_WARMUP_NANOS && settled)) {
                break;
            }
        }
        double[] t = new double[7];
        for (int i = 0; i < t.length; i++) {
            t[i] = timeBatch(once, reps) / reps;
        }
        Arrays.sort(t);
        return t[3] / 1e3;
    }

    private static final long MIN_WARMUP_NANOS = 1_500_000_000L;
    private static final long MAX_WARMUP_NANOS = 10_000_000_000L;

    /** Nanoseconds for {@code reps} calls. */
    private static double timeBatch(Runnable once, int reps) {
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            once.run();
        }
        return System.nanoTime() - start;
    }

    private static double max(double[] v) {
        return Math.max(v[0], Math.max(v[1], v[2]));
    }

    private static double min(double[] v) {
        return Math.min(v[0], Math.min(v[1], v[2]));
    }
}
