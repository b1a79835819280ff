package dev.meads.engine.meads;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.simd.Kernels;
import java.util.Arrays;

/**
 * What MEADS estimates from one fold's current states (ALGORITHMS.md §3.1): the per-coordinate
 * population standard deviation σ, the step size its chains' scaled gradients imply
 * ({@code min(1, mult/sqrt(λ̂(g ⊙ σ)))}), and the largest eigenvalue Λ of its standardised
 * positions, which sets the damping.
 *
 * <p>Guards (§3.2): a zero or non-finite σ is replaced by 1 and counted; a non-finite
 * eigenvalue keeps the previous value.
 *
 * <p>Cost per call, m chains of d coordinates: two passes for the moments, two m × d row
 * blocks and their Gram matrices ({@link MaxEigenvalue}); the passes are {@link Kernels} loops
 * over coordinates. Public for the benchmarks; MEADS itself is the user.
 */
public final class FoldStatistics {
    private final int d;
    private final double[] scale;
    private final double[] inverseScale;
    private final double[] mean;
    private final Kernels kernels = Kernels.get();
    private double stepSize = Double.NaN;
    private double positionEigenvalue = Double.NaN;
    private int guardedCoordinates;

    /** Statistics of folds of chains in {@code dimension} coordinates. */
    public FoldStatistics(int dimension) {
        this.d = dimension;
        this.scale = new double[dimension];
        this.inverseScale = new double[dimension];
        this.mean = new double[dimension];
    }

    /**
     * Recomputes the statistics from chains {@code chains[from .. from+m)} of {@code block},
     * using {@code rows} (at least m·d long) as scratch. Returns λ̂ of the scaled gradients.
     */
    public double compute(ChainBlock block, int[] chains, int from, int m, MeadsOptions options, MaxEigenvalue eigen,
                          double[] rows) {
        double[] x = block.positions();
        double[] g = block.gradients();
        Arrays.fill(mean, 0.0);
        Arrays.fill(scale, 0.0);
        for (int k = 0; k < m; k++) {
            kernels.axpy(1.0, x, chains[from + k] * d, mean, 0, mean, 0, d); // mean += x, exactly
        }
        double inverseM = 1.0 / m;
        divideMeans(inverseM);
        for (int k = 0; k < m; k++) {
            kernels.addSquaredDeviations(x, chains[from + k] * d, mean, 0, scale, 0, d);
        }
        guardedCoordinates = finishScales(inverseM);
        // scaled gradients, not centred
        for (int k = 0; k < m; k++) {
            kernels.multiply(g, chains[from + k] * d, scale, 0, rows, k * d, d);
        }
        double lambdaGradient = eigen.estimate(rows, m, d, options.estimator());
        if (Double.isFinite(lambdaGradient)) {
            stepSize = Math.min(1.0, options.stepSizeMultiplier() / Math.sqrt(lambdaGradient));
        }
        // standardised, centred positions
        for (int k = 0; k < m; k++) {
            kernels.standardise(x, chains[from + k] * d, mean, 0, inverseScale, 0, rows, k * d, d);
        }
        double lambdaPosition = eigen.estimate(rows, m, d, options.estimator());
        if (Double.isFinite(lambdaPosition)) {
            positionEigenvalue = lambdaPosition;
        }
        return lambdaGradient;
    }

    // The two loops over coordinates live in their own methods so that compute's own loops stay
    // short: a fresh JVM then compiles compute once, not also twice on stack replacement (three
    // C2 compilations of 60-120 ms each, measured with JFR).

    private void divideMeans(double inverseM) {
        for (int j = 0; j < d; j++) {
            mean[j] *= inverseM;
        }
    }

    /** σ from the summed squared deviations, with the guard; returns how many were guarded. */
    private int finishScales(double inverseM) {
        int guarded = 0;
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(scale[j] * inverseM);
            if (!(s > 0) || !Double.isFinite(s)) {
                s = 1.0;
                guarded++;
            }
            scale[j] = s;
            inverseScale[j] = 1.0 / s;
        }
        return guarded;
    }

    /** Per-coordinate σ (the array itself). */
    public double[] scale() {
        return scale;
    }

    /** The step size implied by this fold's scaled gradients (NaN until first computed finite). */
    public double stepSize() {
        return stepSize;
    }

    /** Λ, the largest eigenvalue estimate of the fold's standardised positions. */
    public double positionEigenvalue() {
        return positionEigenvalue;
    }

    /** Coordinates whose σ was zero or non-finite at the latest call (and were set to 1). */
    public int guardedCoordinates() {
        return guardedCoordinates;
    }

    /**
     * Damping for a fold with this position eigenvalue moving with step size {@code eps} at
     * 1-based iteration {@code t}: {@code α = 1 − exp(−2εγ)}, {@code γ = max(1/sqrt(Λ), slowdown/(tε))}.
     */
    static double alpha(double positionEigenvalue, double eps, int t, double slowdown) {
        return alpha(positionEigenvalue, eps, t, slowdown, 1.0);
    }

    /** As {@link #alpha(double, double, int, double)} with the damping rate scaled: γ = factor/sqrt(Λ). */
    static double alpha(double positionEigenvalue, double eps, int t, double slowdown, double factor) {
        double gamma = Math.max(factor / Math.sqrt(positionEigenvalue), slowdown / (t * eps));
        double a = -Math.expm1(-2.0 * eps * gamma);
        if (!(a > 0)) {
            a = Double.MIN_NORMAL;
        }
        return Math.min(1.0, a);
    }
}
