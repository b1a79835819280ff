package dev.meads.engine.nuts;

/**
 * Settings of the NUTS transition and of Stan's window adaptation. Defaults follow CmdStan
 * ({@link #defaults()}); the {@code with…} methods return modified copies.
 *
 * @param maxDepth         maximum tree depth, at most {@code 2^maxDepth − 1} leapfrog steps per
 *                         transition; in {@code [1, 30]} (default 10)
 * @param maxDeltaH        divergence threshold on {@code H − H0} (default 1000)
 * @param uTurnCheck       which U-turn checks to apply (default {@link UTurnCheck#FULL})
 * @param metricKind       shape of the metric adapted during warmup (default diagonal)
 * @param initialStepSize  the user's step size {@code ε₀} before the search heuristic (default 1)
 * @param targetAcceptance dual-averaging target {@code δ} in (0, 1) (default 0.8)
 * @param gamma            dual-averaging {@code γ} (default 0.05)
 * @param t0               dual-averaging {@code t0} (default 10)
 * @param kappa            dual-averaging {@code κ} in (0, 1] (default 0.75)
 * @param initBuffer       fast initial warmup buffer (default 75)
 * @param termBuffer       fast terminal warmup buffer (default 50)
 * @param baseWindow       first slow window (default 25)
 */
public record NutsOptions(int maxDepth, double maxDeltaH, UTurnCheck uTurnCheck, MetricKind metricKind,
                          double initialStepSize, double targetAcceptance, double gamma, double t0, double kappa,
                          int initBuffer, int termBuffer, int baseWindow) {

    /** Largest accepted {@code maxDepth}: leapfrog counts stay within an {@code int}. */
    public static final int MAX_DEPTH_LIMIT = 30;

    /** Validates every setting; throws {@link IllegalArgumentException} naming the bad one. */
    public NutsOptions {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be in [1, " + MAX_DEPTH_LIMIT + "], got " + maxDepth);
        }
        if (!(maxDeltaH > 0)) {
            throw new IllegalArgumentException("maxDeltaH must be > 0, got " + maxDeltaH);
        }
        if (uTurnCheck == null || metricKind == null) {
            throw new IllegalArgumentException("uTurnCheck and metricKind must not be null");
        }
        if (!(initialStepSize > 0) || !Double.isFinite(initialStepSize)) {
            throw new IllegalArgumentException("initialStepSize must be finite and > 0, got " + initialStepSize);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("targetAcceptance must be in (0, 1), got " + targetAcceptance);
        }
        if (!(gamma > 0) || !(t0 >= 0) || !(kappa > 0 && kappa <= 1)) {
            throw new IllegalArgumentException("dual averaging needs gamma > 0, t0 >= 0 and kappa in (0, 1], got gamma = "
                    + gamma + ", t0 = " + t0 + ", kappa = " + kappa);
        }
        if (initBuffer < 0 || termBuffer < 0 || baseWindow < 1) {
            throw new IllegalArgumentException("window adaptation needs initBuffer >= 0, termBuffer >= 0 and baseWindow >= 1, got "
                    + initBuffer + ", " + termBuffer + ", " + baseWindow);
        }
    }

    /** CmdStan's defaults: depth 10, ΔH 1000, full U-turn checks, diagonal metric, ε₀ = 1, δ = 0.8, 75/50/25. */
    public static NutsOptions defaults() {
        return new NutsOptions(10, 1000.0, UTurnCheck.FULL, MetricKind.DIAGONAL, 1.0, 0.8, 0.05, 10.0, 0.75,
                75, 50, 25);
    }

    /** A copy with another tree-depth limit. */
    public NutsOptions withMaxDepth(int depth) {
        return new NutsOptions(depth, maxDeltaH, uTurnCheck, metricKind, initialStepSize, targetAcceptance, gamma, t0,
                kappa, initBuffer, termBuffer, baseWindow);
    }

    /** A copy with another divergence threshold. */
    public NutsOptions withMaxDeltaH(double deltaH) {
        return new NutsOptions(maxDepth, deltaH, uTurnCheck, metricKind, initialStepSize, targetAcceptance, gamma, t0,
                kappa, initBuffer, termBuffer, baseWindow);
    }

    /** A copy with other U-turn checks. */
    public NutsOptions withUTurnCheck(UTurnCheck check) {
        return new NutsOptions(maxDepth, maxDeltaH, check, metricKind, initialStepSize, targetAcceptance, gamma, t0,
                kappa, initBuffer, termBuffer, baseWindow);
    }

    /** A copy adapting another metric shape. */
    public NutsOptions withMetricKind(MetricKind kind) {
        return new NutsOptions(maxDepth, maxDeltaH, uTurnCheck, kind, initialStepSize, targetAcceptance, gamma, t0,
                kappa, initBuffer, termBuffer, baseWindow);
    }

    /** A copy with another user step size {@code ε₀}. */
    public NutsOptions withInitialStepSize(double eps) {
        return new NutsOptions(maxDepth, maxDeltaH, uTurnCheck, metricKind, eps, targetAcceptance, gamma, t0,
                kappa, initBuffer, termBuffer, baseWindow);
    }

    /** A copy with another dual-averaging target {@code δ}. */
    public NutsOptions withTargetAcceptance(double delta) {
        return new NutsOptions(maxDepth, maxDeltaH, uTurnCheck, metricKind, initialStepSize, delta, gamma, t0,
                kappa, initBuffer, termBuffer, baseWindow);
    }

    /** A copy with other initial buffer, terminal buffer and first slow window. */
    public NutsOptions withWindows(int init, int term, int base) {
        return new NutsOptions(maxDepth, maxDeltaH, uTurnCheck, metricKind, initialStepSize, targetAcceptance, gamma,
                t0, kappa, init, term, base);
    }
}
