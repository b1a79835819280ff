package dev.meads.engine.api;

import dev.meads.engine.meads.EigenEstimator;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.nuts.MetricKind;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.run.Initialisation;
import dev.meads.engine.run.MeadsPipeline;
import dev.meads.engine.run.PipelineOptions;
import dev.meads.engine.run.PipelineResult;
import dev.meads.engine.run.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Builds and runs an ensemble sampler for a {@link LogDensity}: NUTS initialisation,
 * trajectory spread, MEADS warmup, then GHMC draws with the parameters MEADS settled on (or,
 * with {@link #mode}{@code (MeadsMode.ADAPTIVE)}, further MEADS iterations as the draws).
 *
 * <pre>{@code
 * SamplingResult r = MeadsSampler.forModel(model)
 *         .chains(64).folds(4).warmup(1000).draws(1000)
 *         .threads(2).seed(42)
 *         .run();
 * double[][] theta1 = r.draws("theta[1]");      // [chain][iteration]
 * System.out.println(r.summary("theta[1:5]").table());
 * }</pre>
 *
 * Settings are checked when set (and all together in {@link #run()}) so that bad values fail
 * before any work. Defaults are the notebook's: 64 chains, 4 folds, 1000 MEADS iterations,
 * 1000 draws, NUTS 500 + 300 for the spread, all cores, seed 1.
 */
public final class MeadsSampler {
    private final LogDensity density;
    // Settings are kept one by one and combined in run(), so that chains and folds may be set
    // in either order; each setter checks its own value.
    private int chains;
    private int draws;
    private int thin = 1;
    private MeadsOptions meads;
    private Initialisation initialisation;
    private NutsOptions nuts;
    private int nutsWarmup;
    private int nutsDraws;
    private int spreadSeeds;
    private double spreadFloor;
    private double naiveJitter;
    private boolean compare;
    private int threads;
    private long seed;
    private boolean scalarKernels;
    private Boolean scalarNutsKernels;
    private ProgressListener progress = ProgressListener.NONE;
    private BooleanSupplier cancelled = () -> false;
    private Path outputFolder;
    private OutputOptions outputOptions;

    private MeadsSampler(LogDensity density) {
        Objects.requireNonNull(density, "model");
        if (density.dimension() < 1) {
            throw new IllegalArgumentException("model " + density.name() + " has dimension " + density.dimension());
        }
        checkNames(density, density.parameterNames(), "parameterNames()", density.dimension());
        checkNames(density, density.constrainedNames(), "constrainedNames()", -1);
        this.density = density;
        options(PipelineOptions.defaults());
    }

    /**
     * The names a model gives must be usable as keys: none null or empty, none repeated, and as
     * many unconstrained names as coordinates ({@code expected}; negative: any number ≥ 1).
     * Checked here so that a slip in a model fails before sampling rather than in its output.
     */
    private static void checkNames(LogDensity density, String[] names, String method, int expected) {
        if (names == null) {
            throw new IllegalArgumentException("model " + density.name() + ": " + method + " returned null");
        }
        if (expected >= 0 ? names.length != expected : names.length < 1) {
            throw new IllegalArgumentException("model " + density.name() + ": " + method + " gives " + names.length
                    + " names, " + (expected >= 0 ? "but the dimension is " + expected : "need at least one"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException("model " + density.name() + ": " + method + " name " + (i + 1)
                        + " is " + (names[i] == null ? "null" : "empty"));
            }
            if (!seen.add(names[i])) {
                throw new IllegalArgumentException("model " + density.name() + ": " + method + " gives '" + names[i]
                        + "' twice");
            }
        }
    }

    /** A sampler for {@code model} with the default settings. */
    public static MeadsSampler forModel(LogDensity model) {
        return new MeadsSampler(model);
    }

    /** Number of chains (default 64); must be divisible by the number of folds. */
    public MeadsSampler chains(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("chains must be at least 2, got " + n);
        }
        chains = n;
        return this;
    }

    /** Number of MEADS folds K (default 4). */
    public MeadsSampler folds(int k) {
        meads = meads.withFolds(k);
        return this;
    }

    /** MEADS warmup iterations (default 1000). */
    public MeadsSampler warmup(int iterations) {
        meads = meads.withIterations(iterations);
        return this;
    }

    /** Retained draws per chain (default 1000). */
    public MeadsSampler draws(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("draws must be positive, got " + n);
        }
        draws = n;
        return this;
    }

    /**
     * Iterations per retained draw (default 1): the sampling phase runs {@code draws × thin}
     * iterations and keeps the first of each {@code thin}, as Stan's {@code thin}.
     */
    public MeadsSampler thin(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("thin must be positive, got " + t);
        }
        thin = t;
        return this;
    }

    /** Worker threads (default: all cores). Results do not depend on it. */
    public MeadsSampler threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + n);
        }
        threads = n;
        return this;
    }

    /** The random seed (default 1). */
    public MeadsSampler seed(long s) {
        seed = s;
        return this;
    }

    /**
     * Runs on the engine's plain-loop kernels instead of the Vector API ones (default false);
     * see {@link dev.meads.engine.simd.Kernels#callWithScalarKernels}. A fresh JVM compiles
     * plain loops much sooner, so a one-shot run finishes sooner (the notebook's radon pipeline:
     * 0.6 s against 2.1 s in a fresh JVM here, jmh/RESULTS.md), while a JVM that has compiled the
     * Vector API code runs it about twice as fast. The reductions (dot products, sums of squares)
     * give the vector kernels' bits where vectors hold eight doubles, the element-wise updates do
     * not, so the draws differ in their last bits. The model's own gradient code is the model's
     * choice; {@link #scalarNutsKernels} can set the NUTS start apart.
     */
    public MeadsSampler scalarKernels(boolean scalar) {
        scalarKernels = scalar;
        return this;
    }

    /**
     * The engine kernels of the NUTS start alone: plain loops (true) or the JVM's choice (false);
     * unset, it follows {@link #scalarKernels}. For a model whose NUTS time is its own gradient,
     * such as the IRT model, the NUTS start's engine kernels matter little to a fresh JVM; for a
     * cheap gradient, such as radon's, plain loops make it several times faster there.
     */
    public MeadsSampler scalarNutsKernels(boolean scalar) {
        scalarNutsKernels = scalar;
        return this;
    }

    /** How chains start (default: NUTS trajectory spread). */
    public MeadsSampler initialisation(Initialisation how) {
        initialisation = Objects.requireNonNull(how, "initialisation");
        return this;
    }

    /** NUTS warmup and trajectory lengths of the spread initialisation (default 500 and 300). */
    public MeadsSampler nuts(int warmupIterations, int trajectoryDraws) {
        if (warmupIterations < 0 || trajectoryDraws < 1) {
            throw new IllegalArgumentException("NUTS warmup must be >= 0 and trajectory draws >= 1, got "
                    + warmupIterations + " and " + trajectoryDraws);
        }
        nutsWarmup = warmupIterations;
        nutsDraws = trajectoryDraws;
        return this;
    }

    /** NUTS tree depth limit and metric of the initialisation chain (default 10, diagonal). */
    public MeadsSampler nutsSettings(int maxDepth, MetricKind metric) {
        nuts = nuts.withMaxDepth(maxDepth).withMetricKind(metric);
        return this;
    }

    /** Seeds and jitter floor of the trajectory spread (default 20 and 0.05). */
    public MeadsSampler spread(int seeds, double floor) {
        if (seeds < 1 || !(floor >= 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("spread needs seeds >= 1 and a finite floor >= 0, got " + seeds
                    + " and " + floor);
        }
        spreadSeeds = seeds;
        spreadFloor = floor;
        return this;
    }

    /** The largest-eigenvalue estimator of MEADS (default U-statistic). */
    public MeadsSampler estimator(EigenEstimator e) {
        meads = meads.withEstimator(Objects.requireNonNull(e, "estimator"));
        return this;
    }

    /**
     * Where the draws come from (default {@link MeadsMode#TUNE_THEN_FREEZE}: GHMC with parameters
     * frozen after the warmup); {@link MeadsMode#ADAPTIVE} keeps MEADS adapting and keeps its
     * iterations after the warmup, which needs at least 2 folds.
     */
    public MeadsSampler mode(MeadsMode m) {
        meads = meads.withMode(Objects.requireNonNull(m, "MEADS mode"));
        return this;
    }

    /** Escaped-chain detection and restart during MEADS warmup (default on). */
    public MeadsSampler guard(boolean on) {
        meads = meads.withGuard(on);
        return this;
    }

    /** Every MEADS setting at once. */
    public MeadsSampler meads(MeadsOptions m) {
        meads = Objects.requireNonNull(m, "meads options");
        return this;
    }

    /** Every NUTS setting of the initialisation chain. */
    public MeadsSampler nutsOptions(NutsOptions n) {
        nuts = Objects.requireNonNull(n, "NUTS options");
        return this;
    }

    /** Replaces every pipeline setting. */
    public MeadsSampler options(PipelineOptions o) {
        chains = o.chains();
        draws = o.draws();
        thin = o.thin();
        meads = o.meads();
        initialisation = o.initialisation();
        nuts = o.nuts();
        nutsWarmup = o.nutsWarmup();
        nutsDraws = o.nutsDraws();
        spreadSeeds = o.spreadSeeds();
        spreadFloor = o.spreadFloor();
        naiveJitter = o.naiveJitter();
        compare = o.compareInitialisations();
        threads = o.threads();
        seed = o.seed();
        return this;
    }

    /** Also compute the eigenvalue of the naive start (jitter sd {@code jitter}) for comparison (default on, 0.5). */
    public MeadsSampler compareInitialisations(boolean on, double jitter) {
        if (!(jitter >= 0) || !Double.isFinite(jitter)) {
            throw new IllegalArgumentException("naive jitter must be a finite number >= 0, got " + jitter);
        }
        compare = on;
        naiveJitter = jitter;
        return this;
    }

    /** Where stage progress goes (default: nowhere). */
    public MeadsSampler progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "progress listener (ProgressListener.NONE for none)");
        return this;
    }

    /** Polled between iterations; when true the run stops and keeps what it made. */
    public MeadsSampler cancellation(BooleanSupplier check) {
        this.cancelled = Objects.requireNonNull(check, "cancellation check");
        return this;
    }

    /**
     * Writes the run's output folder: Stan CSV files (after sampling, beside the summary, or row
     * by row while sampling: {@link OutputOptions#withCsvWhileSampling}), summary, report and
     * plots. {@link #run()} checks the output settings against the model and creates the folder
     * before any sampling, so that a bad path, an unknown trace parameter or a name a Stan CSV
     * header cannot hold fails before any work.
     */
    public MeadsSampler output(Path folder, OutputOptions outputs) {
        this.outputFolder = Objects.requireNonNull(folder, "output folder");
        this.outputOptions = Objects.requireNonNull(outputs, "output options (OutputOptions.defaults())");
        return this;
    }

    /**
     * The settings as they stand, checked together.
     *
     * @throws IllegalArgumentException when they do not fit (e.g. chains not divisible by folds)
     */
    public PipelineOptions settings() {
        return new PipelineOptions(chains, draws, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compare, threads, seed);
    }

    /**
     * Runs the pipeline. A cancelled run returns normally with {@link SamplingResult#completed()}
     * false and whatever it drew; its output folder (if any) is written and marked incomplete.
     * A cancellation that comes after sampling has ended skips what is left of the summary: the
     * folder then has every draw but no {@code summary.csv}, and the result computes the
     * summary when asked.
     *
     * @throws IllegalStateException when the model has no finite starting point
     * @throws UncheckedIOException  when the output folder cannot be written
     */
    public SamplingResult run() {
        return scalarKernels ? dev.meads.engine.simd.Kernels.callWithScalarKernels(this::runWithCurrentKernels)
                : runWithCurrentKernels();
    }

    private SamplingResult runWithCurrentKernels() {
        PipelineOptions checked = settings();
        MeadsPipeline.checkFits(checked, density);
        OutputWriter writer = null;
        if (outputFolder != null) {
            try {
                writer = new OutputWriter(outputFolder, outputOptions, density, checked);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the output folder " + outputFolder + ": "
                        + OutputWriter.reason(e, outputFolder), e);
            }
        }
        MeadsPipeline pipeline = new MeadsPipeline(density, checked).progress(progress).cancellation(cancelled)
                .nutsKernels(scalarNutsKernels);
        if (writer != null) {
            pipeline.drawListener(writer.drawListener());
        }
        PipelineResult r;
        try {
            r = pipeline.run();
        } catch (RuntimeException | Error e) { // an OutOfMemoryError in a model too
            if (writer != null) {
                writer.abort();
            }
            throw e;
        }
        SamplingResult result = new SamplingResult(r, density);
        if (writer != null) {
            try {
                boolean summarise = r.draws() != null && r.draws().iterations() >= 4;
                // A run stopped while sampling gets the summary of its draws so far; a stop
                // asked for after sampling had ended stops the summary (the draws are all kept).
                BooleanSupplier stopSummary = r.completed() ? cancelled : () -> false;
                result.setOutput(writer.path(), writer.finish(r,
                        () -> summarise ? result.summaryUnless(stopSummary) : null, version()),
                        writer.times());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the output folder " + outputFolder + ": "
                        + OutputWriter.reason(e), e);
            }
        }
        return result;
    }

    /** The program version (from the build). */
    public static String version() {
        try (InputStream in = MeadsSampler.class.getResourceAsStream("/dev/meads/engine/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
