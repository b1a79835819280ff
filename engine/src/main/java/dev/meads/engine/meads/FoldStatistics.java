package dev.meads.engine.meads;

import dev.meads.engine.block.ChainBlock;

/**
 * What MEADS estimates from one fold's current states (ALGORITHMS.md §3.1): the per-coordinate
 * population standard deviation σ, the step size its chains' scaled gradients imply
 * ({@code min(1, mult/sqrt(λ̂(g ⊙ σ)))}), and the largest eigenvalue Λ of its standardised
 * positions, which sets the damping.
 *
 * <p>Guards (§3.2): a zero or non-finite σ is replaced by 1 and counted; a non-finite
 * eigenvalue keeps the previous value.
 */
final class FoldStatistics {
    private final int d;
    private final double[] scale;
    private final double[] mean;
    private double stepSize = Double.NaN;
    private double positionEigenvalue = Double.NaN;
    private int guardedCoordinates;

    FoldStatistics(int dimension) {
        this.d = dimension;
        this.scale = new double[dimension];
        this.mean = new double[dimension];
    }

    /**
     * Recomputes the statistics from chains {@code chains[from .. from+m)} of {@code block},
     * using {@code rows} (at least m·d long) as scratch. Returns λ̂ of the scaled gradients.
     */
    double compute(ChainBlock block, int[] chains, int from, int m, MeadsOptions options, MaxEigenvalue eigen,
                 double[] rows) {
        double[] x = block.positions();
        double[] g = block.gradients();
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(scale, 0.0);
        for (int k = 0; k < m; k++) {
            int off = chains[from + k] * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[off + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= m;
        }
        for (int k = 0; k < m; k++) {
            int off = chains[from + k] * d;
            for (int j = 0; j < d; j++) {
                double e = x[off + j] - mean[j];
                scale[j] += e * e;
            }
        }
        guardedCoordinates = 0;
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(scale[j] / m);
            if (!(s > 0) || !Double.isFinite(s)) {
                s = 1.0;
                guardedCoordinates++;
            }
            scale[j] = s;
        }
        // scaled gradients, not centred
        for (int k = 0; k < m; k++) {
            int off = chains[from + k] * d;
            int r = k * d;
            for (int j = 0; j < d; j++) {
                rows[r + j] = g[off + j] * scale[j];
            }
        }
        double lambdaGradient = eigen.estimate(rows, m, d, options.estimator());
        if (Double.isFinite(lambdaGradient)) {
            stepSize = Math.min(1.0, options.stepSizeMultiplier() / Math.sqrt(lambdaGradient));
        }
        // standardised, centred positions
        for (int k = 0; k < m; k++) {
            int off = chains[from + k] * d;
            int r = k * d;
            for (int j = 0; j < d; j++) {
                rows[r + j] = (x[off + j] - mean[j]) / scale[j];
            }
        }
        double lambdaPosition = eigen.estimate(rows, m, d, options.estimator());
        if (Double.isFinite(lambdaPosition)) {
            positionEigenvalue = lambdaPosition;
        }
        return lambdaGradient;
    }

    /** Per-coordinate σ (the array itself). */
    double[] scale() {
        return scale;
    }

    /** The step size implied by this fold's scaled gradients (NaN until first computed finite). */
    double stepSize() {
        return stepSize;
    }

    /** Λ, the largest eigenvalue estimate of the fold's standardised positions. */
    double positionEigenvalue() {
        return positionEigenvalue;
    }

    int guardedCoordinates() {
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
