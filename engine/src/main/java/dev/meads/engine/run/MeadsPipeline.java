package dev.meads.engine.run;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.draws.Draws;
import dev.meads.engine.ghmc.DrawListener;
import dev.meads.engine.ghmc.GhmcEnsemble;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.ghmc.GhmcSampler;
import dev.meads.engine.init.JitteredStart;
import dev.meads.engine.init.TrajectorySpread;
import dev.meads.engine.meads.AdaptiveSampler;
import dev.meads.engine.meads.EscapeEvent;
import dev.meads.engine.meads.EscapeGuard;
import dev.meads.engine.meads.MeadsAdaptation;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.meads.ScaledGradientEigenvalue;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.nuts.NutsDraws;
import dev.meads.engine.nuts.NutsProgress;
import dev.meads.engine.nuts.NutsSampler;
import dev.meads.engine.nuts.WarmupResult;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.simd.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The notebook's pipeline: NUTS with window adaptation from the model's initial point →
 * trajectory spread → MEADS warmup on the ensemble → GHMC sampling with the parameters MEADS
 * settled on (or, in adaptive sampling, further MEADS iterations kept as draws; see
 * {@link MeadsMode}). Each stage is a plain method call on plain arrays; a run is reproducible
 * from its seed, whatever the thread count.
 */
public final class MeadsPipeline {
    /** Pipelines started in this JVM: a run's stages mean little without knowing how warm the JIT was. */
    private static final AtomicInteger STARTED = new AtomicInteger();
    /**
     * Stage names, as reported to progress listeners and in {@link PipelineResult#stages()}. The
     * first, the notebook's comparison (λ̂ at the initial point plus Gaussian jitter), is timed
     * as a stage because it is the run's first use of the gradient, whose compilation in a fresh
     * JVM would otherwise fall to NUTS.
     */
    public static final String NAIVE_START = "naive start";
    public static final String NUTS_WARMUP = "NUTS warmup";
    public static final String NUTS_DRAWS = "NUTS draws";
    public static final String SPREAD = "spread";
    public static final String MEADS_WARMUP = "MEADS warmup";
    public static final String SAMPLING = GhmcSampler.STAGE;

    /** A frozen step size below this after warmup means MEADS collapsed. */
    public static final double COLLAPSED_STEP_SIZE = 1e-3;

    private final LogDensity density;
    private final PipelineOptions options;
    private ProgressListener progress = ProgressListener.NONE;
    private BooleanSupplier cancelled = () -> false;
    private DrawListener drawListener;
    private Boolean scalarNutsKernels;

    public MeadsPipeline(LogDensity density, PipelineOptions options) {
        this.density = density;
        this.options = options;
    }

    /** Where stage progress goes (default: nowhere). */
    public MeadsPipeline progress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /** Polled between iterations; true stops the run, keeping what was done. */
    public MeadsPipeline cancellation(BooleanSupplier check) {
        this.cancelled = check;
        return this;
    }

    /**
     * The engine kernels of the NUTS start: true for the plain loops, false for the JVM's choice,
     * null (the default) for those of the calling thread, as the rest of the run.
     */
    public MeadsPipeline nutsKernels(Boolean scalar) {
        this.scalarNutsKernels = scalar;
        return this;
    }

    /** Receives every retained draw as it is made (e.g. a Stan CSV writer). */
    public MeadsPipeline drawListener(DrawListener listener) {
        this.drawListener = listener;
        return this;
    }

    /** Fewer chains than this get a warning: MEADS' per-coordinate scales come from their spread. */
    static final int FEW_CHAINS = 8;

    /**
     * Checks, before any work, everything a run keeps whose size its settings choose: the
     * retained draws ({@link #checkDrawsFit}), the ensemble's state, the NUTS trajectory the spread draws from (draws ×
     * coordinates) and the MEADS trace (step size, α and δ per iteration and fold).
     *
     * @throws IllegalArgumentException naming the setting to lower when one does not fit
     */
    public static void checkFits(PipelineOptions options, LogDensity density) {
        checkDrawsFit(options.chains(), options.draws(), density.constrainedNames().length);
        checkRecordFits("the chains' positions, momenta and gradients", "chains", options.chains(),
                density.dimension(), 3);
        if (options.initialisation() == Initialisation.SPREAD) { // the only start that keeps one
            checkRecordFits("the NUTS trajectory", "NUTS draws", options.nutsDraws(), density.dimension(), 1);
        }
        boolean adaptive = options.meads().mode() == MeadsMode.ADAPTIVE;
        checkRecordFits("the MEADS trace", adaptive ? "MEADS iterations (warmup + draws x thin in adaptive sampling)"
                : "MEADS iterations", meadsIterations(options), options.meads().folds(), 3);
    }

    /** MEADS iterations of a run: the warmup, and in adaptive sampling the sampling iterations too (at most 2^31 − 1). */
    static int meadsIterations(PipelineOptions options) {
        long total = options.meads().iterations();
        if (options.meads().mode() == MeadsMode.ADAPTIVE) {
            total += options.samplingIterations();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** {@code arrays} arrays of {@code count × width} doubles, each one Java array. */
    private static void checkRecordFits(String what, String setting, int count, int width, int arrays) {
        long cells = (long) count * width;
        long bytes = cells * arrays * Double.BYTES;
        long available = Runtime.getRuntime().maxMemory();
        if (cells > Integer.MAX_VALUE - 8 || bytes > available * 0.7) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s would take %.1f GB for %d %s (max heap %.1f GB); use fewer %s", what, bytes / 1e9, count,
                    setting, available / 1e9, setting));
        }
    }

    /**
     * Checks, before any work, that the retained draws fit in memory: they are kept as one array
     * of chains × draws × constrained quantities doubles.
     *
     * @throws IllegalArgumentException naming the sizes when they do not
     */
    public static void checkDrawsFit(int chains, int draws, int quantities) {
        long cells = (long) chains * draws * quantities;
        long bytes = cells * Double.BYTES;
        long available = Runtime.getRuntime().maxMemory();
        if (cells > Integer.MAX_VALUE - 8 || bytes > available * 0.7) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%d chains x %d draws x %d quantities = %.3g values (%.1f GB) do not fit in this JVM's memory "
                            + "(max heap %.1f GB); use fewer draws or chains, or a larger heap (-Xmx, e.g. through "
                            + "MEADS_JVM_OPTS)", chains, draws, quantities, (double) cells, bytes / 1e9,
                    available / 1e9));
        }
    }

    /** Runs every stage. */
    public PipelineResult run() {
        int n = options.chains();
        int d = density.dimension();
        checkFits(options, density);
        long seed = options.seed();
        PipelineResult result = new PipelineResult(options, density.name(), d, STARTED.getAndIncrement());
        RandomGenerator[] chainRandom = new RandomGenerator[n];
        for (int c = 0; c < n; c++) {
            chainRandom[c] = RandomStreams.forChain(seed, "chain", c);
        }
        double[] initial = new double[d];
        density.initialPoint(initial, 0);
        initial = JitteredStart.finitePoint(initial, density, RandomStreams.forPurpose(seed, "initial-point"));

        ChainBlock block = new ChainBlock(n, d);
        if (options.compareInitialisations() || options.initialisation() == Initialisation.NAIVE) {
            long t0 = System.nanoTime();
            RandomGenerator[] naiveRandom = new RandomGenerator[n];
            for (int c = 0; c < n; c++) {
                naiveRandom[c] = RandomStreams.forChain(seed, "naive", c);
            }
            long evaluations = JitteredStart.place(initial, options.naiveJitter(), density, block, naiveRandom);
            ScaledGradientEigenvalue naive = ScaledGradientEigenvalue.of(block, options.meads());
            result.addStage(new StageReport(NAIVE_START, seconds(t0), evaluations, 1, 1));
            result.setNaiveStart(naive);
            if (options.initialisation() == Initialisation.NAIVE) {
                result.setEnsembleStart(naive);
            }
        }
        if (options.initialisation() == Initialisation.SPREAD) {
            double[] start = initial;
            Supplier<Boolean> nutsStart = () -> spread(start, block, chainRandom, result);
            boolean started = scalarNutsKernels == null ? nutsStart.get()
                    : scalarNutsKernels ? Kernels.callWithScalarKernels(nutsStart) : Kernels.callWithJvmKernels(nutsStart);
            if (!started) {
                result.finish(false, result.stages().get(result.stages().size() - 1).name());
                return result;
            }
        }
        double[] z = block.momenta();
        for (int c = 0; c < n; c++) {
            for (int j = 0; j < d; j++) {
                z[c * d + j] = chainRandom[c].nextGaussian();
            }
            block.slices()[c] = chainRandom[c].nextDouble(-1.0, 1.0);
        }
        // More workers than chains would have nothing to do (the results do not depend on it).
        try (WorkerPool pool = WorkerPool.yieldingToCompiler(Math.min(options.threads(), n))) {
            GhmcEnsemble ensemble = new GhmcEnsemble(density, block, chainRandom, pool, density.blockGranularity());
            MeadsAdaptation meads = meadsWarmup(ensemble, chainRandom, result);
            if (meads == null) {
                return result;
            }
            sample(ensemble, meads, result);
        }
        return result;
    }

    private boolean spread(double[] initial, ChainBlock block, RandomGenerator[] chainRandom, PipelineResult result) {
        NutsSampler nuts = new NutsSampler(density, options.nuts(), RandomStreams.forPurpose(options.seed(), "nuts"));
        NutsProgress nutsProgress = (stage, done, total) ->
                progress.update(stage == NutsProgress.Stage.WARMUP ? NUTS_WARMUP : NUTS_DRAWS, done, total);
        long t0 = System.nanoTime();
        WarmupResult warm = nuts.warmup(initial, options.nutsWarmup(), nutsProgress, cancelled);
        result.addStage(new StageReport(NUTS_WARMUP, seconds(t0), warm.gradientEvaluations(),
                warm.iterationsCompleted(), warm.iterationsRequested()));
        if (warm.cancelled()) {
            result.setNuts(warm, null, Kernels.vectorised());
            return false;
        }
        long t1 = System.nanoTime();
        NutsDraws trajectory = nuts.sample(options.nutsDraws(), nutsProgress, cancelled);
        result.addStage(new StageReport(NUTS_DRAWS, seconds(t1), trajectory.gradientEvaluations(), trajectory.size(),
                trajectory.requested()));
        result.setNuts(warm, trajectory, Kernels.vectorised());
        if (trajectory.cancelled()) {
            return false;
        }
        long t2 = System.nanoTime();
        TrajectorySpread spread = new TrajectorySpread(options.spreadSeeds(), options.spreadFloor());
        double[] widths = spread.spread(trajectory.positions(), trajectory.size(), density, block,
                RandomStreams.forPurpose(options.seed(), "seed-pick"), chainRandom);
        result.addStage(new StageReport(SPREAD, seconds(t2), block.chains() + (long) spread.fallbacks()
                * TrajectorySpread.RETRIES, 1, 1));
        result.setSpread(widths, spread.fallbacks());
        ScaledGradientEigenvalue start = ScaledGradientEigenvalue.of(block, options.meads());
        result.setEnsembleStart(start);
        if (spread.fallbacks() > 0) {
            result.warn(spread.fallbacks() + " chains started at their bare seed draw: every jittered point "
                    + "had a non-finite log density or gradient");
        }
        return true;
    }

    /** The warmup; returns the adaptation, or null when the run ends here (stopped). */
    private MeadsAdaptation meadsWarmup(GhmcEnsemble ensemble, RandomGenerator[] chainRandom, PipelineResult result) {
        if (options.chains() < FEW_CHAINS) {
            // e.g. 2 chains: coordinates where the two happen to lie close get a tiny scale and
            // all but stop (the smoke profile on 2 chains: theta[1]'s sd 4e-9, max R-hat 2.9)
            result.warn("MEADS estimates each coordinate's scale from the spread of the chains; with only "
                    + options.chains() + " chains it is noisy and coordinates whose chains lie close together can "
                    + "all but stop: use " + FEW_CHAINS + " chains or more");
        }
        boolean adaptive = options.meads().mode() == MeadsMode.ADAPTIVE;
        if (adaptive && options.meads().samplingDamping() != MeadsOptions.defaults().samplingDamping()) {
            result.warn("the sampling damping (meads.sampling-damping = " + options.meads().samplingDamping()
                    + ") applies to GHMC with frozen parameters only; adaptive sampling damps its folds at the "
                    + "paper's rate throughout, so it was not used");
        }
        // adaptive sampling goes on with the same adaptation, whose trace then has room for both
        MeadsAdaptation meads = new MeadsAdaptation(ensemble, options.meads().withIterations(meadsIterations(options)),
                RandomStreams.forPurpose(options.seed(), "fold-shuffle"), chainRandom);
        int total = options.meads().iterations();
        long evaluations = ensemble.gradientEvaluations();
        long alone = ensemble.pool().soloSections();
        long t0 = System.nanoTime();
        while (meads.iteration() < total) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            meads.iterate();
            progress.update(MEADS_WARMUP, meads.iteration(), total);
        }
        result.addStage(new StageReport(MEADS_WARMUP, seconds(t0), ensemble.gradientEvaluations() - evaluations,
                meads.iteration(), total, ensemble.pool().soloSections() - alone));
        GhmcParameters frozen = adaptive ? null : meads.frozenParameters();
        recordMeads(meads, frozen, result);
        for (EscapeEvent e : meads.escapeEvents()) {
            if (e.donor() < 0) {
                result.warn("MEADS warmup: " + e + "; not restarted");
            }
        }
        if (meads.guardedScaleCoordinates() > 0) {
            result.warn("MEADS warmup: " + meads.guardedScaleCoordinates() + " times a coordinate had zero spread "
                    + "within a fold and its scale was set to 1");
        }
        if (meads.iteration() < total) {
            result.finish(false, MEADS_WARMUP);
            return null;
        }
        // (adaptive sampling after no warmup has no step size yet: its folds start from 1)
        double step = adaptive ? meads.averagedFoldParameters().stepSize() : frozen.stepSize();
        if (step < COLLAPSED_STEP_SIZE) {
            result.warn(String.format("MEADS step size collapsed to %.3g after warmup (below %.0e): the chains "
                    + "probably started far from the posterior; use the spread initialisation "
                    + "(init = spread) or a longer NUTS warmup", step, COLLAPSED_STEP_SIZE));
        }
        return meads;
    }

    /** What MEADS did so far: its trace, the folds' latest parameters (copies), escapes, guarded scales. */
    private static void recordMeads(MeadsAdaptation meads, GhmcParameters frozen, PipelineResult result) {
        List<GhmcParameters> folds = new ArrayList<>();
        for (int k = 0; k < meads.folds(); k++) {
            GhmcParameters p = meads.foldParameters(k);
            folds.add(new GhmcParameters(p.stepSize(), p.scale(), p.alpha(), p.delta()));
        }
        result.setMeads(meads.trace(), folds, frozen, meads.escapeEvents(), meads.guardedScaleCoordinates());
    }

    private void sample(GhmcEnsemble ensemble, MeadsAdaptation meads, PipelineResult result) {
        int n = options.chains();
        long[] acceptBefore = new long[n];
        long[] divergeBefore = new long[n];
        long[] nonFiniteBefore = new long[n];
        long[] transitionsBefore = new long[n];
        for (int c = 0; c < n; c++) {
            acceptBefore[c] = ensemble.acceptances(c);
            divergeBefore[c] = ensemble.divergences(c);
            nonFiniteBefore[c] = ensemble.nonFiniteRejections(c);
            transitionsBefore[c] = ensemble.transitions(c);
        }
        long evaluations = ensemble.gradientEvaluations();
        long alone = ensemble.pool().soloSections();
        long t0 = System.nanoTime();
        Draws draws;
        long iterations;
        if (options.meads().mode() == MeadsMode.ADAPTIVE) {
            AdaptiveSampler sampler = new AdaptiveSampler(meads, ensemble, density);
            draws = sampler.sample(options.draws(), options.thin(), progress, cancelled, drawListener);
            iterations = sampler.iterationsRun();
            result.setSamplingParameters(sampler.firstDrawParameters());
            recordMeads(meads, null, result); // its trace and parameters now run to the last iteration
        } else {
            GhmcSampler sampler = new GhmcSampler(ensemble, density, result.frozenParameters());
            draws = sampler.sample(options.draws(), options.thin(), progress, cancelled, drawListener);
            iterations = sampler.iterationsRun();
        }
        // in iterations, as the other stages (with thinning, draws × thin of them)
        result.addStage(new StageReport(SAMPLING, seconds(t0), ensemble.gradientEvaluations() - evaluations,
                iterations, options.samplingIterations(), ensemble.pool().soloSections() - alone));
        result.setDraws(draws);
        double[] acceptance = new double[n];
        long[] divergences = new long[n];
        long[] nonFinite = new long[n];
        for (int c = 0; c < n; c++) {
            long steps = ensemble.transitions(c) - transitionsBefore[c];
            acceptance[c] = steps == 0 ? Double.NaN : (double) (ensemble.acceptances(c) - acceptBefore[c]) / steps;
            divergences[c] = ensemble.divergences(c) - divergeBefore[c];
            nonFinite[c] = ensemble.nonFiniteRejections(c) - nonFiniteBefore[c];
        }
        result.setSamplingStatistics(acceptance, divergences, nonFinite);
        long totalDivergences = java.util.Arrays.stream(divergences).sum();
        if (totalDivergences > 0) {
            result.warn(totalDivergences + " divergent transitions while sampling");
        }
        EscapeGuard check = new EscapeGuard(n, density.dimension(), options.meads().escapeDistance(),
                options.meads().escapeLogDensity(), options.meads().escapeDivergences());
        List<EscapeEvent> outliers = check.find(ensemble.state(), options.samplingIterations());
        if (!outliers.isEmpty()) {
            result.warn(outliers.size() + " chains ended far from the others (e.g. " + outliers.get(0)
                    + "); check R-hat");
        }
        boolean complete = draws.iterations() == options.draws();
        result.finish(complete, complete ? null : SAMPLING);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
