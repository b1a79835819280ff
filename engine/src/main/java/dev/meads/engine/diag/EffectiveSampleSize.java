package dev.meads.engine.diag;

import dev.meads.engine.simd.Kernels;

/**
 * The core effective-sample-size estimator (ALGORITHMS.md §7.6; Vehtari et al. 2021): the
 * multi-chain autocorrelation ρ(t) = 1 − (W − a[t]) / var⁺, truncated by Geyer's initial
 * positive sequence, made monotone, with the antithetic correction r[T] and the cap
 * ESS ≤ S·log10(S). Input is a matrix of {@code k} columns (chains, usually split) of length
 * {@code L}, column c contiguous at {@code [c*L, (c+1)*L)}.
 *
 * <p>Owns its scratch (centred copy, ρ values, column means); reuses it across calls. Not
 * thread-safe.
 */
final class EffectiveSampleSize {
    /** R's {@code .Machine$double.eps}: values spanning less than this count as constant. */
    static final double CONSTANT_TOLERANCE = 2.220446049250313e-16;

    private final Autocovariance autocovariance;
    private double[] centred = new double[0];
    private double[] rho = new double[0];
    private double[] means = new double[0];

    /** Estimator whose autocovariance switches to FFT at {@code directLagLimit} (negative: a size-based default). */
    EffectiveSampleSize(Kernels kernels, int directLagLimit) {
        this.autocovariance = new Autocovariance(kernels, directLagLimit);
    }

    /** ESS of the {@code k × L} matrix {@code x}; NaN if L < 3, any value is non-finite, or all are equal. */
    double compute(double[] x, int k, int length) {
        int s = k * length;
        if (length < 3 || k < 1 || !finiteAndVarying(x, 0, s)) {
            return Double.NaN;
        }
        ensure(s, length, k);
        for (int c = 0; c < k; c++) {
            int off = c * length;
            double mean = Moments.mean(x, off, length);
            means[c] = mean;
            for (int i = 0; i < length; i++) {
                centred[off + i] = x[off + i] - mean;
            }
        }
        autocovariance.reset(centred, k, length);
        double a0 = autocovariance.lag(0);
        double w = a0 * length / (length - 1);
        double varPlus = w * (length - 1) / length;
        if (k > 1) {
            varPlus += Moments.variance(means, 0, k);
        }

        double[] r = rho;
        r[0] = 1;
        r[1] = 1 - (w - autocovariance.lag(1)) / varPlus;
        int t = 0;
        double even = 1;
        double odd = r[1];
        // Geyer's initial positive sequence: sum pairs while positive.
        while (t < length - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
            t += 2;
            even = 1 - (w - autocovariance.lag(t)) / varPlus;
            odd = 1 - (w - autocovariance.lag(t + 1)) / varPlus;
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
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = off, end = off + n; i < end; i++) {
            double v = x[i];
            sum += v; // NaN or ±∞ anywhere makes the sum non-finite
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!Double.isFinite(sum) && !allFinite(x, off, n)) {
            return false;
        }
        return n > 0 && Math.abs(max - min) >= CONSTANT_TOLERANCE;
    }

    /** True when no value is NaN or infinite. */
    static boolean allFinite(double[] x, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
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
