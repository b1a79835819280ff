package dev.meads.engine.nuts;

import java.util.Arrays;

/** Welford's running per-coordinate variance, giving a regularised diagonal inverse metric. */
public final class WelfordVariance implements MetricEstimator {
    private final double[] mean;
    private final double[] m2;
    private int n;

    /** An empty estimator for {@code d} coordinates. */
    public WelfordVariance(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + d);
        }
        this.mean = new double[d];
        this.m2 = new double[d];
    }

    @Override
    public void add(double[] x) {
        n++;
        double invN = 1.0 / n;
        for (int j = 0; j < mean.length; j++) {
            double delta = x[j] - mean[j];
            mean[j] += delta * invN;
            m2[j] += delta * (x[j] - mean[j]);
        }
    }

    @Override
    public void reset() {
        n = 0;
        Arrays.fill(mean, 0.0);
        Arrays.fill(m2, 0.0);
    }

    @Override
    public int count() {
        return n;
    }

    /** The unregularised sample variances ({@code n − 1} denominator), a new array. */
    public double[] sampleVariance() {
        requireTwo();
        double[] out = new double[mean.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = m2[j] / (n - 1.0);
        }
        return out;
    }

    @Override
    public DiagonalInverseMetric regularisedEstimate() {
        double[] var = sampleVariance();
        double w = n / (n + SHRINK_WEIGHT);
        double shift = SHRINK_TARGET * (SHRINK_WEIGHT / (n + SHRINK_WEIGHT));
        for (int j = 0; j < var.length; j++) {
            var[j] = w * var[j] + shift;
            if (!Double.isFinite(var[j])) {
                throw new IllegalStateException("numerical overflow in metric adaptation: variance of coordinate "
                        + j + " is " + var[j] + " after " + n + " draws");
            }
        }
        return new DiagonalInverseMetric(var);
    }

    private void requireTwo() {
        if (n < 2) {
            throw new IllegalStateException("a variance estimate needs at least 2 draws, got " + n);
        }
    }
}
