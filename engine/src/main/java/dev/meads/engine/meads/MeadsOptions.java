package dev.meads.engine.meads;

/**
 * Settings of MEADS adaptation (ALGORITHMS.md §3) and of its escaped-chain guard.
 *
 * @param folds                 K, the number of folds (1 allowed, non-exact warmup mode)
 * @param iterations            warmup iterations T
 * @param stepSizeMultiplier    ε = min(1, multiplier / sqrt(λ̂)); 0.5 in the paper
 * @param dampingSlowdown       floor on εγ of slowdown / t; 1 in the paper
 * @param estimator             the largest-eigenvalue estimator
 * @param samplingDamping       factor on the damping rate γ of the frozen sampling-phase
 *                              parameters (warmup, and adaptive sampling throughout, use the
 *                              paper's γ = 1/sqrt(Λ)); 0.5 by default, see
 *                              {@link MeadsAdaptation#frozenParameters()}
 * @param guard                 whether escaped chains are detected and restarted during warmup
 * @param escapeDistance        a chain whose coordinate lies more than this many robust
 *                              standard deviations (IQR / 1.349 over all chains) from the
 *                              ensemble median has escaped
 * @param escapeLogDensity      a chain whose log density lies more than this many robust
 *                              standard deviations below the ensemble median has escaped
 * @param escapeDivergences     a chain with at least this many divergent transitions among its
 *                              last {@link EscapeGuard#WINDOW} has escaped
 * @param mode                  whether the draws come from GHMC with frozen parameters after
 *                              the {@code iterations} of warmup, or from further MEADS
 *                              iterations (adaptive sampling, which needs K ≥ 2)
 */
public record MeadsOptions(int folds, int iterations, double stepSizeMultiplier, double dampingSlowdown,
                           double samplingDamping, EigenEstimator estimator, boolean guard, double escapeDistance, double escapeLogDensity,
                           int escapeDivergences, MeadsMode mode) {

    /** The paper's settings: K = 4, 1000 iterations, multiplier 0.5, slowdown 1, U-statistic, guard on; tune then freeze. */
    public static MeadsOptions defaults() {
        return new MeadsOptions(4, 1000, 0.5, 1.0, 0.5, EigenEstimator.USTAT, true, 100.0, 25.0, 8,
                MeadsMode.TUNE_THEN_FREEZE);
    }

    public MeadsOptions {
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be at least 1, got " + folds);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("MEADS iterations must be non-negative, got " + iterations);
        }
        if (!(stepSizeMultiplier > 0) || !Double.isFinite(stepSizeMultiplier)) {
            throw new IllegalArgumentException("step size multiplier must be positive, got " + stepSizeMultiplier);
        }
        if (!(dampingSlowdown >= 0) || !Double.isFinite(dampingSlowdown)) {
            throw new IllegalArgumentException("damping slowdown must be non-negative, got " + dampingSlowdown);
        }
        if (!(samplingDamping > 0) || !Double.isFinite(samplingDamping)) {
            throw new IllegalArgumentException("sampling damping factor must be positive, got " + samplingDamping);
        }
        if (!(escapeDistance > 0)) {
            throw new IllegalArgumentException("escape distance must be positive, got " + escapeDistance);
        }
        if (!(escapeLogDensity > 0)) {
            throw new IllegalArgumentException("escape log-density distance must be positive, got " + escapeLogDensity);
        }
        if (escapeDivergences < 1 || escapeDivergences > EscapeGuard.WINDOW) {
            throw new IllegalArgumentException("escape divergences must be in [1, " + EscapeGuard.WINDOW + "], got "
                    + escapeDivergences);
        }
        if (mode == null) {
            throw new IllegalArgumentException("MEADS mode must not be null");
        }
        if (mode == MeadsMode.ADAPTIVE && folds < 2) {
            // with one fold every chain moves with parameters computed from its own state
            throw new IllegalArgumentException("adaptive sampling keeps MEADS iterations as draws, which is exact "
                    + "only with at least 2 folds (a frozen fold supplies each moving fold's parameters); got "
                    + folds + " fold");
        }
    }

    public MeadsOptions withFolds(int k) {
        return new MeadsOptions(k, iterations, stepSizeMultiplier, dampingSlowdown, samplingDamping, estimator, guard,
                escapeDistance, escapeLogDensity, escapeDivergences, mode);
    }

    public MeadsOptions withIterations(int t) {
        return new MeadsOptions(folds, t, stepSizeMultiplier, dampingSlowdown, samplingDamping, estimator, guard,
                escapeDistance, escapeLogDensity, escapeDivergences, mode);
    }

    public MeadsOptions withEstimator(EigenEstimator e) {
        return new MeadsOptions(folds, iterations, stepSizeMultiplier, dampingSlowdown, samplingDamping, e, guard,
                escapeDistance, escapeLogDensity, escapeDivergences, mode);
    }

    public MeadsOptions withGuard(boolean on) {
        return new MeadsOptions(folds, iterations, stepSizeMultiplier, dampingSlowdown, samplingDamping, estimator, on,
                escapeDistance, escapeLogDensity, escapeDivergences, mode);
    }

    public MeadsOptions withSamplingDamping(double factor) {
        return new MeadsOptions(folds, iterations, stepSizeMultiplier, dampingSlowdown, factor, estimator, guard,
                escapeDistance, escapeLogDensity, escapeDivergences, mode);
    }

    public MeadsOptions withMode(MeadsMode m) {
        return new MeadsOptions(folds, iterations, stepSizeMultiplier, dampingSlowdown, samplingDamping, estimator, guard,
                escapeDistance, escapeLogDensity, escapeDivergences, m);
    }

    /** Checks that {@code chains} chains can be split into the folds (before any work). */
    public void validateChains(int chains) {
        if (chains < 2) {
            throw new IllegalArgumentException("MEADS needs at least 2 chains, got " + chains);
        }
        if (chains % folds != 0) {
            throw new IllegalArgumentException(chains + " chains cannot be split into " + folds
                    + " equal folds: choose a number of chains divisible by " + folds);
        }
        if (chains / folds < 2) {
            throw new IllegalArgumentException("each of the " + folds + " folds needs at least 2 chains; "
                    + chains + " chains give " + chains / folds);
        }
    }
}
