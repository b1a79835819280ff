package dev.meads.engine.nuts;

/**
 * Stan's warmup for one NUTS chain (ALGORITHMS §5.5): dual averaging of the step size every
 * iteration, Welford estimates of the metric in the slow windows of a {@link WindowSchedule},
 * and after each window the new metric, a fresh step-size search and a restart of dual
 * averaging around {@code log(10·ε)}.
 *
 * <p>Drive it with {@link #begin()}, then for each iteration {@code c = 0 .. W−1} one kernel
 * transition followed by {@link #afterTransition(int)}, then {@link #finish()}.
 */
public final class WindowAdaptation {
    private final NutsKernel kernel;
    private final WindowSchedule schedule;
    private final MetricEstimator estimator;
    private final DualAveraging dualAveraging;
    private final double userStepSize;
    private int metricUpdates;

    /**
     * @param kernel  the chain being warmed up, already at its initial position; its current
     *                metric is the starting metric
     * @param warmup  number of warmup iterations {@code W}
     * @param options adaptation settings (schedule, dual averaging, metric kind, {@code ε₀})
     */
    public WindowAdaptation(NutsKernel kernel, int warmup, NutsOptions options) {
        this.kernel = kernel;
        this.schedule = WindowSchedule.of(warmup, options);
        this.estimator = options.metricKind().estimator(kernel.dimension());
        this.userStepSize = options.initialStepSize();
        // Stan's quirk: μ comes from the user's ε₀, not from the searched step size.
        this.dualAveraging = DualAveraging.of(options, Math.log(10 * userStepSize));
    }

    /** Searches the first step size from the user's {@code ε₀} (μ stays at {@code log(10·ε₀)}). */
    public void begin() {
        kernel.setStepSize(kernel.searchStepSize(userStepSize));
    }

    /** Learns from the transition just made at warmup iteration {@code c}. */
    public void afterTransition(int c) {
        kernel.setStepSize(dualAveraging.update(kernel.acceptStat()));
        if (schedule.collects(c)) {
            estimator.add(kernel.positionView());
        }
        if (schedule.endsWindow(c)) {
            kernel.setMetric(estimator.regularisedEstimate());
            estimator.reset();
            schedule.advance(c);
            metricUpdates++;
            double eps = kernel.searchStepSize(kernel.stepSize());
            kernel.setStepSize(eps);
            dualAveraging.restart(Math.log(10 * eps));
        }
    }

    /** Sets the final step size {@code exp(x̄)}; keeps the current one if the last segment had no updates. */
    public void finish() {
        if (dualAveraging.iterations() > 0) {
            kernel.setStepSize(dualAveraging.averagedStepSize());
        }
    }

    /** The schedule in use. */
    public WindowSchedule schedule() {
        return schedule;
    }

    /** The step-size learner (read by tests). */
    DualAveraging dualAveraging() {
        return dualAveraging;
    }

    /** Number of metric updates so far (slow windows closed). */
    public int metricUpdates() {
        return metricUpdates;
    }
}
