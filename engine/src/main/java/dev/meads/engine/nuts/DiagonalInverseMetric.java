package dev.meads.engine.nuts;

import dev.meads.engine.simd.Kernels;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A diagonal inverse metric {@code Minv = diag(m)}: momentum {@code p_j = ξ_j / sqrt(m_j)},
 * velocity {@code v_j = m_j p_j}. The position update and the kinetic energy run on the
 * vector kernels.
 */
public final class DiagonalInverseMetric implements InverseMetric {
    private final double[] minv;
    private final double[] invSqrt;
    private final Kernels kernels = Kernels.get();

    /**
     * @param diagonal the diagonal of {@code Minv}; every entry finite and {@code > 0}
     * @throws IllegalArgumentException naming the first bad entry
     */
    public DiagonalInverseMetric(double[] diagonal) {
        if (diagonal.length == 0) {
            throw new IllegalArgumentException("inverse metric needs at least one coordinate");
        }
        this.minv = diagonal.clone();
        this.invSqrt = new double[minv.length];
        for (int j = 0; j < minv.length; j++) {
            double m = minv[j];
            if (!(m > 0) || !Double.isFinite(m)) {
                throw new IllegalArgumentException("diagonal inverse metric entry " + j
                        + " must be finite and > 0, got " + m);
            }
            invSqrt[j] = 1.0 / Math.sqrt(m);
        }
    }

    /** The identity in {@code d} dimensions. */
    public static DiagonalInverseMetric unit(int d) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new DiagonalInverseMetric(ones);
    }

    @Override
    public int dimension() {
        return minv.length;
    }

    @Override
    public void sampleMomentum(RandomGenerator rng, double[] p) {
        for (int j = 0; j < minv.length; j++) {
            p[j] = rng.nextGaussian() * invSqrt[j];
        }
    }

    @Override
    public void velocity(double[] p, double[] v) {
        for (int j = 0; j < minv.length; j++) {
            v[j] = minv[j] * p[j];
        }
    }

    @Override
    public void drift(double h, double[] p, double[] x, double[] scratch) {
        kernels.axpyScaled(h, minv, 0, p, 0, x, 0, x, 0, minv.length);
    }

    @Override
    public double kineticEnergy(double[] p, double[] v) {
        return kernels.kineticEnergy(p, 0, minv, 0, minv.length);
    }

    @Override
    public MetricKind kind() {
        return MetricKind.DIAGONAL;
    }

    @Override
    public double[] diagonal() {
        return minv.clone();
    }

    @Override
    public double[] matrix() {
        int d = minv.length;
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) {
            m[j * d + j] = minv[j];
        }
        return m;
    }

    @Override
    public String toString() {
        return "DiagonalInverseMetric" + Arrays.toString(minv);
    }
}
