package dev.meads.engine.nuts;

import dev.meads.engine.model.LogDensity;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * One NUTS chain with Stan's window adaptation: the entry point for running NUTS.
 *
 * <pre>{@code
 * NutsSampler chain = new NutsSampler(model, NutsOptions.defaults(), RandomStreams.forPurpose(seed, "nuts-init"));
 * WarmupResult warm = chain.warmup(x0, 500, progress, cancelled);   // adapts ε and Minv in place
 * NutsDraws draws = chain.sample(200, progress, cancelled);         // fixed ε and Minv
 * double[] seeds = draws.positions(draws.size() - nSeed, draws.size());
 * }</pre>
 *
 * For sampling with given settings instead of a warmup, call {@link #setPosition},
 * {@link #setStepSize} and {@link #setMetric}, then {@link #sample}. Calls continue the same
 * chain and the same random stream. Not thread-safe.
 */
public final class NutsSampler {
    private final NutsOptions options;
    private final NutsKernel kernel;

    /**
     * @param model   the target (used by this chain only)
     * @param options tree and adaptation settings
     * @param rng     the chain's random stream
     */
    public NutsSampler(LogDensity model, NutsOptions options, RandomGenerator rng) {
        this.options = options;
        this.kernel = new NutsKernel(model, options, options.metricKind().unit(model.dimension()),
                options.initialStepSize(), rng);
    }

    /**
     * Stan's warmup from {@code initialPoint}: step-size search, then {@code iterations}
     * transitions with dual averaging and windowed metric adaptation. The chain keeps the
     * adapted step size, metric and final state for {@link #sample}.
     *
     * <p>The cancellation check runs before each iteration; when it answers true the warmup
     * stops, the step size is finalised from what was learnt so far and the result says
     * {@code cancelled}.
     *
     * @param initialPoint finite unconstrained point with finite log density and gradient
     * @param iterations   warmup iterations {@code W >= 0} (metric adaptation needs {@code W >= 20})
     * @param progress     called after every iteration
     * @param cancelled    polled before every iteration
     * @throws IllegalArgumentException naming the model if the initial point is not usable
     * @throws IllegalStateException    if the step-size search or the metric estimate fails
     */
    public WarmupResult warmup(double[] initialPoint, int iterations, NutsProgress progress,
                               BooleanSupplier cancelled) {
        if (iterations < 0) {
            throw new IllegalArgumentException("warmup iterations must be >= 0, got " + iterations);
        }
        long evaluationsBefore = kernel.gradientEvaluations();
        kernel.setPosition(initialPoint);
        WindowAdaptation adaptation = new WindowAdaptation(kernel, iterations, options);
        adaptation.begin();
        int done = 0;
        int divergences = 0;
        double sumAccept = 0;
        boolean stopped = false;
        for (int c = 0; c < iterations; c++) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            kernel.transition();
            divergences += kernel.divergent() ? 1 : 0;
            sumAccept += kernel.acceptStat();
            adaptation.afterTransition(c);
            done = c + 1;
            progress.onIteration(NutsProgress.Stage.WARMUP, done, iterations);
        }
        adaptation.finish();
        return new WarmupResult(kernel.stepSize(), kernel.metric(), kernel.positionView(), kernel.logDensity(),
                iterations, done, stopped, adaptation.schedule().slowWindows(), adaptation.metricUpdates(),
                divergences, done > 0 ? sumAccept / done : Double.NaN,
                kernel.gradientEvaluations() - evaluationsBefore);
    }

    /** {@link #warmup(double[], int, NutsProgress, BooleanSupplier)} without progress or cancellation. */
    public WarmupResult warmup(double[] initialPoint, int iterations) {
        return warmup(initialPoint, iterations, NutsProgress.NONE, () -> false);
    }

    /**
     * {@code n} NUTS draws with the current step size and metric, continuing from the current
     * state. The cancellation check runs before each draw; a cancelled run keeps the draws made.
     *
     * @throws IllegalStateException if the chain has no position yet
     */
    public NutsDraws sample(int n, NutsProgress progress, BooleanSupplier cancelled) {
        if (n < 0) {
            throw new IllegalArgumentException("number of draws must be >= 0, got " + n);
        }
        long evaluationsBefore = kernel.gradientEvaluations();
        NutsDraws draws = new NutsDraws(kernel.dimension(), n, kernel.stepSize());
        boolean stopped = false;
        for (int i = 0; i < n; i++) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            kernel.transition();
            draws.record(kernel);
            progress.onIteration(NutsProgress.Stage.SAMPLING, i + 1, n);
        }
        draws.finish(stopped, kernel.gradientEvaluations() - evaluationsBefore);
        return draws;
    }

    /** {@link #sample(int, NutsProgress, BooleanSupplier)} without progress or cancellation. */
    public NutsDraws sample(int n) {
        return sample(n, NutsProgress.NONE, () -> false);
    }

    /** Moves the chain to {@code x}; see {@link NutsKernel#setPosition(double[])}. */
    public void setPosition(double[] x) {
        kernel.setPosition(x);
    }

    /** Sets the step size for the following transitions. */
    public void setStepSize(double eps) {
        kernel.setStepSize(eps);
    }

    /** The current step size. */
    public double stepSize() {
        return kernel.stepSize();
    }

    /** Sets the inverse metric for the following transitions. */
    public void setMetric(InverseMetric metric) {
        kernel.setMetric(metric);
    }

    /** The current inverse metric. */
    public InverseMetric metric() {
        return kernel.metric();
    }

    /** The current position (a new array). */
    public double[] position() {
        return kernel.position();
    }

    /** The settings this chain was built with. */
    public NutsOptions options() {
        return options;
    }

    /** The transition kernel, for single steps and their statistics. */
    public NutsKernel kernel() {
        return kernel;
    }

    /** Model evaluations since construction. */
    public long gradientEvaluations() {
        return kernel.gradientEvaluations();
    }
}
