package dev.meads.engine.diag;

import dev.meads.engine.simd.Kernels;

/**
 * The core effective-sample-size estimator (ALGORITHMS.md §7.6; Vehtari et al. 2021): the
 * multi-chain autocorrelation ρ(t) = 1 − (W − a[t]) / var⁺, truncated by Geyer's initial
 * positive sequence, made monotone, with the antithetic correction r[T] and the cap
 * ESS ≤ S·log10(S). Input is a matrix of {@code k} columns (chains, usually split) of length
 * {@code L}, column c contiguous at {@code [c*L, (c+1)*L)}; or the 0/1 indicator of such a
 * matrix being ≤ a threshold, handled with bit sets.
 *
 * <p>After a dense computation the column means and the mean lag-0 autocovariance stay
 * available ({@link #columnMeans()}, {@link #meanLag0()}), from which R̂ of the same matrix
 * follows without another pass. Owns its scratch and reuses it across calls; not thread-safe.
 */
final class EffectiveSampleSize {
    /** R's {@code .Machine$double.eps}: values spanning less than this count as constant. */
    static final double CONSTANT_TOLERANCE = 2.220446049250313e-16;

    private final Autocovariance dense;
    private final IndicatorAutocovariance indicator = new IndicatorAutocovariance();
    private double[] centred = new double[0];
    private double[] rho = new double[0];
    private double[] means = new double[0];
    private double lag0;
    private boolean momentsValid;

    /** Estimator whose autocovariance switches to FFT at {@code directLagLimit} (negative: a size-based default). */
    EffectiveSampleSize(Kernels kernels, int directLagLimit) {
        this.dense = new Autocovariance(kernels, directLagLimit);
    }

    /** ESS of the {@code k × L} matrix {@code x}; NaN if L < 3, any value is non-finite, or all are equal. */
    double compute(double[] x, int k, int length) {
        momentsValid = false;
        if (length < 3 || k < 1 || !finiteAndVarying(x, 0, k * length)) {
            return Double.NaN;
        }
        return computeVarying(x, k, length);
    }

    /**
     * ESS of a matrix the caller knows to be finite and not constant (e.g. the rank-normalised
     * draws of non-constant input); NaN if L < 3.
     */
    double computeVarying(double[] x, int k, int length) {
        momentsValid = false;
        if (length < 3 || k < 1) {
            return Double.NaN;
        }
        int s = k * length;
        ensure(s, length, k);
        for (int c = 0; c < k; c++) {
            int off = c * length;
            double mean = Moments.sum(x, off, length) / length;
            means[c] = mean;
            for (int i = off, end = off + length; i < end; i++) {
                centred[i] = x[i] - mean;
            }
        }
        dense.reset(centred, k, length);
        lag0 = dense.lag(0);
        momentsValid = true;
        return geyer(dense, k, length, lag0, k > 1 ? Moments.variance(means, 0, k) : 0);
    }

    /**
     * ESS of the indicator {@code x ≤ threshold} of the {@code k × L} matrix {@code x} (finite
     * values); NaN if L < 3 or the indicator is constant.
     */
    double computeIndicator(double[] x, int k, int length, double threshold) {
        momentsValid = false;
        if (length < 3 || k < 1) {
            return Double.NaN;
        }
        long ones = indicator.reset(x, k, length, threshold);
        if (ones == 0 || ones == (long) k * length) {
            return Double.NaN;
        }
        ensure(k * length, length, k);
        for (int c = 0; c < k; c++) {
            means[c] = indicator.columnMean(c);
        }
        double a0 = indicator.lag(0);
        return geyer(indicator, k, length, a0, k > 1 ? Moments.variance(means, 0, k) : 0);
    }

    /** Column means of the last dense matrix (valid when {@link #momentsValid()}). */
    double[] columnMeans() {
        return means;
    }

    /** Mean over columns of (1/L)·Σ(x − column mean)² of the last dense matrix. */
    double meanLag0() {
        return lag0;
    }

    /** Whether the last call was a dense computation that got as far as the moments. */
    boolean momentsValid() {
        return momentsValid;
    }

    private double geyer(LagSource lags, int k, int length, double a0, double varianceOfMeans) {
        int s = k * length;
        double w = a0 * length / (length - 1);
        double varPlus = w * (length - 1) / length + varianceOfMeans;
        double[] r = rho;
        r[0] = 1;
        r[1] = 1 - (w - lags.lag(1)) / varPlus;
        int t = 0;
        double even = 1;
        double odd = r[1];
        // Geyer's initial positive sequence: sum pairs while positive.
        while (t < length - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
            t += 2;
            even = 1 - (w - lags.lag(t)) / varPlus;
            odd = 1 - (w - lags.lag(t + 1)) / varPlus;
            if (even + odd >= 0) {
                r[t] = even;
                r[t + 1] = odd;
            } else {
                r[t] = 0;
                r[t + 1] = 0;
            }
        }
        int maxT = t;
        if (even > 0) {
            r[maxT] = even;
        }
        // Geyer's initial monotone sequence.
        for (int t2 = 2; t2 <= maxT - 2; t2 += 2) {
            double prev = r[t2 - 2] + r[t2 - 1];
            if (r[t2] + r[t2 + 1] > prev) {
                r[t2] = prev / 2;
                r[t2 + 1] = prev / 2;
            }
        }
        double tau;
        if (maxT == 0) {
            tau = 2; // R's 1:0 indexing artefact in posterior, also Stan's rule for very short chains
        } else {
            double sum = 0;
            for (int i = 0; i < maxT; i++) {
                sum += r[i];
            }
            tau = -1 + 2 * sum + r[maxT];
        }
        tau = Math.max(tau, 1 / Math.log10((double) s));
        return s / tau;
    }

    /** True when every value is finite and they span at least {@link #CONSTANT_TOLERANCE}. */
    static boolean finiteAndVarying(double[] x, int off, int n) {
        if (n <= 0) {
            return false;
        }
        double min = x[off];
        double max = x[off];
        double zero = 0; // v * 0 is NaN exactly when v is NaN or infinite
        for (int i = off, end = off + n; i < end; i++) {
            double v = x[i];
            zero += v * 0.0;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return zero == 0 && max - min >= CONSTANT_TOLERANCE;
    }

    /** True when no value is NaN or infinite. */
    static boolean allFinite(double[] x, int off, int n) {
        double zero = 0;
        for (int i = off, end = off + n; i < end; i++) {
            zero += x[i] * 0.0;
        }
        return zero == 0;
    }

    private void ensure(int s, int length, int k) {
        if (centred.length < s) {
            centred = new double[s];
        }
        if (rho.length < length) {
            rho = new double[length];
        }
        if (means.length < k) {
            means = new double[k];
        }
    }
}
