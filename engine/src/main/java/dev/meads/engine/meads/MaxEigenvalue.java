package dev.meads.engine.meads;

import dev.meads.engine.simd.Kernels;

/**
 * Estimates the largest eigenvalue of the covariance of zero-mean rows as
 * {@code tr(C²)/tr(C)} from their Gram matrix (ALGORITHMS.md §2): with {@code G = X Xᵀ},
 * {@code F = Σ G_ij²}, {@code D = Σ G_ii²} and {@code T = Σ G_ii}, the U-statistic is
 * {@code [(F − D)/(n(n−1))] / [T/n]} and the plug-in {@code [F/n²] / [T/n]}.
 *
 * <p>The cost is the {@code n(n+1)/2} dot products of length {@code d}; they run on the given
 * {@link Kernels} (vector or scalar twin). Callers center or scale rows beforehand.
 */
public final class MaxEigenvalue {
    private final Kernels kernels;

    public MaxEigenvalue(Kernels kernels) {
        this.kernels = kernels;
    }

    /**
     * The estimate for {@code n ≥ 2} rows of length {@code d} stored contiguously in
     * {@code rows[0 .. n*d)}. Returns 0 when every row is zero, NaN when a value is not finite.
     */
    public double estimate(double[] rows, int n, int d, EigenEstimator estimator) {
        if (n < 2) {
            throw new IllegalArgumentException("the eigenvalue estimate needs at least 2 rows, got " + n);
        }
        double f = 0.0;
        double diagonalSquares = 0.0;
        double trace = 0.0;
        for (int i = 0; i < n; i++) {
            double gii = kernels.sumOfSquares(rows, i * d, d);
            trace += gii;
            diagonalSquares += gii * gii;
            for (int j = i + 1; j < n; j++) {
                double gij = kernels.dot(rows, i * d, rows, j * d, d);
                f += 2.0 * gij * gij;
            }
        }
        if (!Double.isFinite(trace) || !Double.isFinite(f)) {
            return Double.NaN;
        }
        if (trace == 0.0) {
            return 0.0;
        }
        double meanTrace = trace / n;
        return switch (estimator) {
            case USTAT -> (f / ((double) n * (n - 1))) / meanTrace;
            case PLUGIN -> ((f + diagonalSquares) / ((double) n * n)) / meanTrace;
        };
    }
}
