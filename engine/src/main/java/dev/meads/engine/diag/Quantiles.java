package dev.meads.engine.diag;

/**
 * Type-7 sample quantiles (R's default, NumPy's "linear") of sorted values, with R's arithmetic:
 * index h = 1 + (S−1)q (1-based), Q = (1 − f)·x[⌊h⌋] + f·x[⌈h⌉] with f = h − ⌊h⌋, and no
 * interpolation when the two neighbours are equal.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The q-quantile of {@code sorted[0 .. s)} (ascending, s ≥ 1, 0 ≤ q ≤ 1).
     *
     * @throws IllegalArgumentException for q outside [0, 1] or s < 1
     */
    public static double type7(double[] sorted, int s, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + q);
        }
        if (s < 1) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        double index = 1 + (s - 1) * q;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double low = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != low) {
            double f = index - lo;
            return (1 - f) * low + f * sorted[hi - 1];
        }
        return low;
    }
}
