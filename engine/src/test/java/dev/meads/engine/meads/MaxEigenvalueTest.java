package dev.meads.engine.meads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.simd.Kernels;
import dev.meads.engine.simd.ScalarKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The estimator of ALGORITHMS.md §2 and the checks of §8.2. */
class MaxEigenvalueTest {
    private final MaxEigenvalue vector = new MaxEigenvalue(Kernels.get());
    private final MaxEigenvalue scalar = new MaxEigenvalue(new ScalarKernels());

    @Test
    void smallExample() {
        double[] x = {1, 0, 0, 1, 1, 1};
        assertEquals(0.5, vector.estimate(x, 3, 2, EigenEstimator.USTAT), 1e-15);
        assertEquals(5.0 / 6.0, vector.estimate(x, 3, 2, EigenEstimator.PLUGIN), 1e-15);
        // centred rows: mean (2/3, 2/3)
        double[] c = {1 / 3.0, -2 / 3.0, -2 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0};
        assertEquals(1 / 6.0, vector.estimate(c, 3, 2, EigenEstimator.USTAT), 1e-12);
        assertEquals(0.2777777777777778, vector.estimate(c, 3, 2, EigenEstimator.PLUGIN), 1e-12);
    }

    @Test
    void degenerateInputs() {
        assertEquals(0.0, vector.estimate(new double[6], 3, 2, EigenEstimator.USTAT));
        assertTrue(Double.isNaN(vector.estimate(new double[] {1, Double.NaN, 0, 1}, 2, 2, EigenEstimator.USTAT)));
        assertThrows(IllegalArgumentException.class, () -> vector.estimate(new double[2], 1, 2, EigenEstimator.USTAT));
    }

    @Test
    void scratchSizedUpFrontGivesTheSameEstimatesAndStillGrows() {
        SplittableRandom r = new SplittableRandom(9);
        int d = 11;
        double[] x = new double[40 * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        MaxEigenvalue sized = new MaxEigenvalue(Kernels.get(), 16);
        for (int n : new int[] {16, 5, 40, 16}) { // 40 rows need more than the scratch sized for 16
            for (EigenEstimator e : EigenEstimator.values()) {
                assertEquals(vector.estimate(x, n, d, e), sized.estimate(x, n, d, e), n + " rows, " + e);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new MaxEigenvalue(Kernels.get(), -1));
    }

    @Test
    void symmetriesAndScaling() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 12;
        int d = 7;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (EigenEstimator e : EigenEstimator.values()) {
            double base = vector.estimate(x, n, d, e);
            // row permutation: swap rows 0 and 5
            double[] p = x.clone();
            System.arraycopy(x, 5 * d, p, 0, d);
            System.arraycopy(x, 0, p, 5 * d, d);
            assertEquals(base, vector.estimate(p, n, d, e), 1e-12 * base);
            // rotation of two columns by 0.7 rad
            double[] q = x.clone();
            double cos = Math.cos(0.7);
            double sin = Math.sin(0.7);
            for (int i = 0; i < n; i++) {
                double a = x[i * d + 1];
                double b = x[i * d + 4];
                q[i * d + 1] = cos * a - sin * b;
                q[i * d + 4] = sin * a + cos * b;
            }
            assertEquals(base, vector.estimate(q, n, d, e), 1e-12 * base);
            double[] s = x.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] *= 3.0;
            }
            assertEquals(9.0 * base, vector.estimate(s, n, d, e), 1e-12 * base);
        }
    }

    @Test
    void monteCarloAgainstKnownEigenvalues() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 2000;
        double[] x = new double[n * 3];
        for (int i = 0; i < n; i++) {
            x[i * 3] = r.nextGaussian();
            x[i * 3 + 1] = 2 * r.nextGaussian();
            x[i * 3 + 2] = 3 * r.nextGaussian();
        }
        // tr(C²)/tr(C) = 98/14 = 7
        assertEquals(7.0, vector.estimate(x, n, 3, EigenEstimator.USTAT), 0.35);
        assertEquals(7.0, vector.estimate(x, n, 3, EigenEstimator.PLUGIN), 0.35);

        // iid N(0, I_100), 16 rows: U-statistic near 1, plug-in near 1 + d/n = 7.25 (the bias)
        double ustat = 0;
        double plugin = 0;
        int reps = 50;
        double[] y = new double[16 * 100];
        for (int rep = 0; rep < reps; rep++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextGaussian();
            }
            ustat += vector.estimate(y, 16, 100, EigenEstimator.USTAT) / reps;
            plugin += vector.estimate(y, 16, 100, EigenEstimator.PLUGIN) / reps;
        }
        assertEquals(1.0, ustat, 0.15);
        assertEquals(7.25, plugin, 0.3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 160, 230})
    void vectorKernelMatchesScalarTwin(int d) {
        SplittableRandom r = new SplittableRandom(d);
        int n = 16;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * Math.exp(r.nextGaussian());
        }
        for (EigenEstimator e : EigenEstimator.values()) {
            double s = scalar.estimate(x, n, d, e);
            double v = vector.estimate(x, n, d, e);
            assertEquals(s, v, 1e-12 * Math.abs(s), "d=" + d + " " + e);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 7, 8, 9, 16, 17, 64})
    void blockedGramGivesTheSameBitsAsOneDotAtATime(int n) {
        SplittableRandom r = new SplittableRandom(n * 7L);
        for (int d : new int[] {1, 9, 89, 160}) {
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian() * Math.exp(r.nextGaussian());
            }
            for (Kernels k : new Kernels[] {Kernels.get(), new ScalarKernels()}) {
                // the plain double loop of ALGORITHMS.md §2
                double f = 0;
                double diagonalSquares = 0;
                double trace = 0;
                for (int i = 0; i < n; i++) {
                    double gii = k.sumOfSquares(x, i * d, d);
                    trace += gii;
                    diagonalSquares += gii * gii;
                    for (int j = i + 1; j < n; j++) {
                        double gij = k.dot(x, i * d, x, j * d, d);
                        f += 2.0 * gij * gij;
                    }
                }
                double meanTrace = trace / n;
                double ustat = (f / ((double) n * (n - 1))) / meanTrace;
                double plugin = ((f + diagonalSquares) / ((double) n * n)) / meanTrace;
                MaxEigenvalue blocked = new MaxEigenvalue(k);
                assertEquals(ustat, blocked.estimate(x, n, d, EigenEstimator.USTAT), 0.0, "n=" + n + " d=" + d);
                assertEquals(plugin, blocked.estimate(x, n, d, EigenEstimator.PLUGIN), 0.0, "n=" + n + " d=" + d);
            }
        }
    }
}
