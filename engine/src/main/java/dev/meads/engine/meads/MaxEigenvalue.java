package dev.meads.engine.meads;

import dev.meads.engine.simd.Kernels;

/**
 * Estimates the largest eigenvalue of the covariance of zero-mean rows as
 * {@code tr(C²)/tr(C)} from their Gram matrix (ALGORITHMS.md §2): with {@code G = X Xᵀ},
 * {@code F = Σ G_ij²}, {@code D = Σ G_ii²} and {@code T = Σ G_ii}, the U-statistic is
 * {@code [(F − D)/(n(n−1))] / [T/n]} and the plug-in {@code [F/n²] / [T/n]}.
 *
 * <p>The cost is the {@code n(n+1)/2} dot products of length {@code d}; they run on the given
 * {@link Kernels} (vector or scalar twin), four rows against four at a time
 * ({@link Kernels#dots4x4}), which reads each row a quarter as often as one dot at a time and
 * keeps 16 independent sums in flight. The products are then added up in the order of the
 * plain double loop over {@code i < j}, so the estimate does not depend on the blocking.
 * Callers center or scale rows beforehand. Not thread-safe (it keeps scratch space).
 */
public final class MaxEigenvalue {
    private static final int B = 4;
    private final Kernels kernels;
    /** Gram entries of one strip of 4 rows: {@code strip[p*n + j] = G(i0+p, j)} for j ≥ i0. */
    private double[] strip;
    private final double[] block = new double[B * B];

    public MaxEigenvalue(Kernels kernels) {
        this(kernels, 0);
    }

    /**
     * With scratch for up to {@code maxRows} rows from the start. Scratch grows on demand, but a
     * growth after C2 compiled {@link #estimate} without it costs a deoptimisation (JFR showed one
     * when the second worker's instance first ran late in MEADS).
     */
    public MaxEigenvalue(Kernels kernels, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        }
        this.kernels = kernels;
        this.strip = new double[B * maxRows];
    }

    /**
     * The estimate for {@code n ≥ 2} rows of length {@code d} stored contiguously in
     * {@code rows[0 .. n*d)}. Returns 0 when every row is zero, NaN when a value is not finite.
     */
    public double estimate(double[] rows, int n, int d, EigenEstimator estimator) {
        if (n < 2) {
            throw new IllegalArgumentException("the eigenvalue estimate needs at least 2 rows, got " + n);
        }
        if (strip.length < B * n) {
            strip = new double[B * n];
        }
        double f = 0.0;
        double diagonalSquares = 0.0;
        double trace = 0.0;
        for (int i0 = 0; i0 < n; i0 += B) {
            int rowsHere = Math.min(B, n - i0);
            fillStrip(rows, n, d, i0, rowsHere);
            for (int p = 0; p < rowsHere; p++) {
                int i = i0 + p;
                double gii = strip[p * n + i];
                trace += gii;
                diagonalSquares += gii * gii;
                for (int j = i + 1; j < n; j++) {
                    double gij = strip[p * n + j];
                    f += 2.0 * gij * gij;
                }
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

    /** Gram entries {@code G(i0+p, j)} for {@code p < rowsHere}, {@code j ≥ i0}, into the strip. */
    private void fillStrip(double[] rows, int n, int d, int i0, int rowsHere) {
        int j0 = i0;
        if (rowsHere == B) {
            for (; j0 + B <= n; j0 += B) {
                kernels.dots4x4(rows, i0 * d, rows, j0 * d, d, d, block, 0);
                for (int p = 0; p < B; p++) {
                    System.arraycopy(block, p * B, strip, p * n + j0, B);
                }
            }
        }
        for (int p = 0; p < rowsHere; p++) {
            for (int j = j0; j < n; j++) {
                strip[p * n + j] = kernels.dot(rows, (i0 + p) * d, rows, j * d, d);
            }
        }
    }
}
