package dev.meads.engine.diag;

/**
 * Sample moments over a slice of an array, as R computes them: the mean with a second,
 * correcting pass over the residuals, the variance with the n−1 denominator around that mean.
 * Sums use four independent accumulators so that long slices are not bound by add latency.
 */
final class Moments {
    private Moments() {
    }

    /** Σ x_i over {@code x[off .. off+n)}. */
    static double sum(double[] x, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off;
        int end = off + n;
        for (; i + 3 < end; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < end; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ (x_i − center) over the slice. */
    static double sumOfDeviations(double[] x, int off, int n, double center) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off;
        int end = off + n;
        for (; i + 3 < end; i += 4) {
            s0 += x[i] - center;
            s1 += x[i + 1] - center;
            s2 += x[i + 2] - center;
            s3 += x[i + 3] - center;
        }
        for (; i < end; i++) {
            s0 += x[i] - center;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ (x_i − center)² over the slice. */
    static double sumOfSquaredDeviations(double[] x, int off, int n, double center) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off;
        int end = off + n;
        for (; i + 3 < end; i += 4) {
            double d0 = x[i] - center;
            double d1 = x[i + 1] - center;
            double d2 = x[i + 2] - center;
            double d3 = x[i + 3] - center;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < end; i++) {
            double d = x[i] - center;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Mean of {@code x[off .. off+n)}, refined by the mean residual (n ≥ 1). */
    static double mean(double[] x, int off, int n) {
        double mean = sum(x, off, n) / n;
        return mean + sumOfDeviations(x, off, n, mean) / n;
    }

    /** Sample variance (n−1 denominator) of {@code x[off .. off+n)}; NaN for n < 2. */
    static double variance(double[] x, int off, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        return sumOfSquaredDeviations(x, off, n, mean(x, off, n)) / (n - 1);
    }

    /**
     * One pass over {@code x[0 .. n)} for the facts every summary needs: writes
     * {sum, min, max, finite (1/0)} into {@code out[0..3]}. "finite" is computed as Σ v·0 = 0,
     * which fails exactly when some v is NaN or infinite.
     */
    static void scan(double[] x, int n, double[] out) {
        double sum = 0;
        double zero = 0;
        double min = n > 0 ? x[0] : Double.NaN;
        double max = min;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            sum += v;
            zero += v * 0.0;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        out[0] = sum;
        out[1] = min;
        out[2] = max;
        out[3] = zero == 0 ? 1 : 0;
    }

    /**
     * {@code out[0] = Σ (x_i − center)} and {@code out[1] = Σ (x_i − center)²} over
     * {@code x[0 .. n)}, in one pass: the refinement of a mean and the squares around it.
     */
    static void deviations(double[] x, int n, double center, double[] out) {
        double residual = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - center;
            residual += d;
            squares += d * d;
        }
        out[0] = residual;
        out[1] = squares;
    }
}
