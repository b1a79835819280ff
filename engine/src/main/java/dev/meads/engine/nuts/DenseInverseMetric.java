package dev.meads.engine.nuts;

import dev.meads.engine.simd.Kernels;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A dense inverse metric {@code Minv = L Lᵀ} (Cholesky through EJML, once at construction).
 * Momentum {@code p = L⁻ᵀ ξ} (so {@code Cov(p) = Minv⁻¹}), velocity {@code v = Minv p}; both
 * are row-by-row dot products on the vector kernels, {@code O(d²)} per call.
 */
public final class DenseInverseMetric implements InverseMetric {
    private final int d;
    /** {@code Minv}, row-major. */
    private final double[] minv;
    /** {@code Lᵀ}, row-major: upper triangular, so the back substitution reads rows. */
    private final double[] upper;
    private final Kernels kernels = Kernels.get();

    /**
     * @param rowMajor {@code Minv} as {@code d × d} row-major values: finite, symmetric and
     *                 positive definite
     * @param d        dimension
     * @throws IllegalArgumentException if the matrix is not finite, not symmetric (relative
     *                                  tolerance 1e-10) or not positive definite
     */
    public DenseInverseMetric(double[] rowMajor, int d) {
        if (d < 1 || rowMajor.length != d * d) {
            throw new IllegalArgumentException("dense inverse metric needs d >= 1 and d*d values, got d = " + d
                    + " and " + rowMajor.length + " values");
        }
        this.d = d;
        this.minv = rowMajor.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = minv[i * d + j];
                double b = minv[j * d + i];
                if (!Double.isFinite(a)) {
                    throw new IllegalArgumentException("dense inverse metric entry (" + i + ", " + j
                            + ") is not finite: " + a);
                }
                if (Math.abs(a - b) > 1e-10 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("dense inverse metric is not symmetric at (" + i + ", " + j
                            + "): " + a + " vs " + b);
                }
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        DMatrixRMaj a = new DMatrixRMaj(d, d, true, minv.clone());
        if (!chol.decompose(a)) {
            throw new IllegalArgumentException("dense inverse metric is not positive definite (Cholesky failed)");
        }
        DMatrixRMaj lower = chol.getT(null);
        this.upper = new double[d * d];
        for (int i = 0; i < d; i++) {
            double diag = lower.get(i, i);
            if (!(diag > 0) || !Double.isFinite(diag)) {
                throw new IllegalArgumentException("dense inverse metric is not positive definite: Cholesky pivot "
                        + i + " is " + diag);
            }
            for (int k = 0; k <= i; k++) {
                upper[k * d + i] = lower.get(i, k);
            }
        }
    }

    /** The identity in {@code d} dimensions. */
    public static DenseInverseMetric unit(int d) {
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) {
            m[j * d + j] = 1.0;
        }
        return new DenseInverseMetric(m, d);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public void sampleMomentum(RandomGenerator rng, double[] p) {
        for (int i = 0; i < d; i++) {
            p[i] = rng.nextGaussian();
        }
        // Solve Lᵀ p = ξ in place: rows from the bottom, p[k > i] are already final.
        for (int i = d - 1; i >= 0; i--) {
            int row = i * d;
            double s = kernels.dot(upper, row + i + 1, p, i + 1, d - i - 1);
            p[i] = (p[i] - s) / upper[row + i];
        }
    }

    @Override
    public void velocity(double[] p, double[] v) {
        for (int i = 0; i < d; i++) {
            v[i] = kernels.dot(minv, i * d, p, 0, d);
        }
    }

    @Override
    public void drift(double h, double[] p, double[] x, double[] scratch) {
        velocity(p, scratch);
        kernels.axpy(h, scratch, 0, x, 0, x, 0, d);
    }

    @Override
    public double kineticEnergy(double[] p, double[] v) {
        return 0.5 * kernels.dot(p, 0, v, 0, d);
    }

    @Override
    public MetricKind kind() {
        return MetricKind.DENSE;
    }

    @Override
    public double[] diagonal() {
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = minv[j * d + j];
        }
        return out;
    }

    @Override
    public double[] matrix() {
        return minv.clone();
    }

    /** The lower Cholesky factor {@code L} of {@code Minv}, row-major (a new array). */
    public double[] choleskyFactor() {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k <= i; k++) {
                l[i * d + k] = upper[k * d + i];
            }
        }
        return l;
    }

    @Override
    public String toString() {
        return "DenseInverseMetric[" + d + " x " + d + "]";
    }
}
