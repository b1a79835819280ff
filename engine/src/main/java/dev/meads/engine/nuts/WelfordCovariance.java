package dev.meads.engine.nuts;

import java.util.Arrays;

/** Welford's running covariance matrix, giving a regularised dense inverse metric. */
public final class WelfordCovariance implements MetricEstimator {
    private final int d;
    private final double[] mean;
    private final double[] delta;
    /** Sum of centred outer products, row-major {@code d × d}. */
    private final double[] m2;
    private int n;

    /** An empty estimator for {@code d} coordinates. */
    public WelfordCovariance(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + d);
        }
        this.d = d;
        this.mean = new double[d];
        this.delta = new double[d];
        this.m2 = new double[d * d];
    }

    @Override
    public void add(double[] x) {
        n++;
        double invN = 1.0 / n;
        for (int j = 0; j < d; j++) {
            delta[j] = x[j] - mean[j];
            mean[j] += delta[j] * invN;
        }
        for (int i = 0; i < d; i++) {
            double after = x[i] - mean[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                m2[row + j] += after * delta[j];
            }
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

    /**
     * The unregularised sample covariance ({@code n − 1} denominator), row-major, a new array.
     * The running sum is symmetric only up to rounding, so the two triangles are averaged.
     */
    public double[] sampleCovariance() {
        if (n < 2) {
            throw new IllegalStateException("a covariance estimate needs at least 2 draws, got " + n);
        }
        double[] out = new double[d * d];
        double scale = 1.0 / (n - 1.0);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.5 * (m2[i * d + j] + m2[j * d + i]) * scale;
                out[i * d + j] = s;
                out[j * d + i] = s;
            }
        }
        return out;
    }

    @Override
    public DenseInverseMetric regularisedEstimate() {
        double[] cov = sampleCovariance();
        double w = n / (n + SHRINK_WEIGHT);
        double shift = SHRINK_TARGET * (SHRINK_WEIGHT / (n + SHRINK_WEIGHT));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = w * cov[i * d + j] + (i == j ? shift : 0.0);
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("numerical overflow in metric adaptation: covariance entry ("
                            + i + ", " + j + ") is " + v + " after " + n + " draws");
                }
                cov[i * d + j] = v;
            }
        }
        try {
            return new DenseInverseMetric(cov, d);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("metric adaptation produced an unusable dense metric after " + n
                    + " draws: " + e.getMessage(), e);
        }
    }
}
