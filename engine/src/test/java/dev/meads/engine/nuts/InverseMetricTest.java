package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.rng.RandomStreams;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Momentum draws, velocities and kinetic energies of the two metric shapes. */
class InverseMetricTest {
    private static final double[] MINV = {2.0, 0.6, -0.3, 0.6, 1.0, 0.2, -0.3, 0.2, 0.5};

    @Test
    void denseFactorAndMomentumSolveAreConsistent() {
        DenseInverseMetric m = new DenseInverseMetric(MINV, 3);
        double[] l = m.choleskyFactor();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[i * 3 + k] * l[j * 3 + k];
                }
                assertEquals(MINV[i * 3 + j], s, 1e-14, "L Lᵀ entry " + i + "," + j);
            }
        }
        double[] xi = {0.7, -1.2, 0.4};
        double[] p = new double[3];
        m.sampleMomentum(new ScriptedRandom(new double[0], xi, false), p);
        // Lᵀ p = ξ  ⇔  Minv p = L ξ
        double[] v = new double[3];
        m.velocity(p, v);
        for (int i = 0; i < 3; i++) {
            double lxi = 0;
            for (int k = 0; k < 3; k++) {
                lxi += l[i * 3 + k] * xi[k];
            }
            assertEquals(lxi, v[i], 1e-13, "Minv p = L xi, row " + i);
        }
        double kinetic = 0.5 * (xi[0] * xi[0] + xi[1] * xi[1] + xi[2] * xi[2]); // ½ pᵀ Minv p = ½ |ξ|²
        assertEquals(kinetic, m.kineticEnergy(p, v), 1e-13);
    }

    @Test
    void denseMomentumHasCovarianceMinvInverse() {
        DenseInverseMetric m = new DenseInverseMetric(MINV, 3);
        RandomGenerator rng = RandomStreams.forPurpose(7, "metric-test");
        int n = 200_000;
        double[] p = new double[3];
        double[] v = new double[3];
        double[] pv = new double[9]; // E[p vᵀ] = E[p pᵀ] Minv = I
        for (int i = 0; i < n; i++) {
            m.sampleMomentum(rng, p);
            m.velocity(p, v);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    pv[a * 3 + b] += p[a] * v[b] / n;
                }
            }
        }
        // Each entry is a mean of products of unit-scale normals: sd ≤ sqrt(2/n) ≈ 0.0032.
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(a == b ? 1.0 : 0.0, pv[a * 3 + b], 0.016, "E[p (Minv p)ᵀ] entry " + a + "," + b);
            }
        }
    }

    @Test
    void diagonalMomentumDriftAndEnergy() {
        DiagonalInverseMetric m = new DiagonalInverseMetric(new double[] {4.0, 0.25});
        double[] p = new double[2];
        m.sampleMomentum(new ScriptedRandom(new double[0], new double[] {1.0, -2.0}, false), p);
        assertEquals(0.5, p[0], 0);
        assertEquals(-4.0, p[1], 0);
        double[] v = new double[2];
        m.velocity(p, v);
        assertEquals(2.0, v[0], 0);
        assertEquals(-1.0, v[1], 0);
        assertEquals(0.5 * (0.5 * 2.0 + 4.0 * 1.0), m.kineticEnergy(p, v), 1e-15);
        double[] x = {1.0, 1.0};
        m.drift(0.5, p, x, new double[2]);
        assertEquals(2.0, x[0], 1e-15);
        assertEquals(0.5, x[1], 1e-15);
    }

    @Test
    void badMetricsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DiagonalInverseMetric(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new DiagonalInverseMetric(new double[] {1, Double.NaN}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DenseInverseMetric(new double[] {1, 0.5, 0.4, 1}, 2));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DenseInverseMetric(new double[] {1, 2, 2, 1}, 2));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    }
}
