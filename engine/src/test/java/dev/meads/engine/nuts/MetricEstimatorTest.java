package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Welford estimates and Stan's regularisation {@code n/(n+5)·S + 1e-3·5/(n+5)·I} (ALGORITHMS §5.4). */
class MetricEstimatorTest {

    private static double[][] data(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double common = r.nextDouble(-1, 1);
            for (int j = 0; j < d; j++) {
                x[i][j] = 100 + (j + 1) * r.nextDouble(-1, 1) + common; // offset tests the centring
            }
        }
        return x;
    }

    private static double twoPassCov(double[][] x, int a, int b) {
        int n = x.length;
        double ma = 0, mb = 0;
        for (double[] row : x) {
            ma += row[a];
            mb += row[b];
        }
        ma /= n;
        mb /= n;
        double s = 0;
        for (double[] row : x) {
            s += (row[a] - ma) * (row[b] - mb);
        }
        return s / (n - 1);
    }

    @Test
    void diagonalEstimateIsRegularisedSampleVariance() {
        int n = 37;
        int d = 4;
        double[][] x = data(n, d, 11);
        WelfordVariance w = new WelfordVariance(d);
        for (double[] row : x) {
            w.add(row);
        }
        assertEquals(n, w.count());
        double[] minv = w.regularisedEstimate().diagonal();
        for (int j = 0; j < d; j++) {
            double s = twoPassCov(x, j, j);
            assertEquals(s, w.sampleVariance()[j], 1e-12 * s);
            assertEquals(n / (n + 5.0) * s + 1e-3 * 5.0 / (n + 5.0), minv[j], 1e-12 * s);
        }
    }

    @Test
    void denseEstimateIsRegularisedSampleCovariance() {
        int n = 50;
        int d = 3;
        double[][] x = data(n, d, 12);
        WelfordCovariance w = new WelfordCovariance(d);
        for (double[] row : x) {
            w.add(row);
        }
        double[] minv = w.regularisedEstimate().matrix();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = twoPassCov(x, a, b);
                double expected = n / (n + 5.0) * s + (a == b ? 1e-3 * 5.0 / (n + 5.0) : 0.0);
                assertEquals(expected, minv[a * d + b], 1e-11, "entry " + a + "," + b);
                assertEquals(minv[b * d + a], minv[a * d + b], 0.0, "symmetric");
            }
        }
    }

    @Test
    void constantCoordinateGetsTheShrinkageFloorNotZero() {
        int n = 25;
        WelfordVariance diag = new WelfordVariance(2);
        WelfordCovariance dense = new WelfordCovariance(2);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            double[] x = {3.25, r.nextGaussian()};
            diag.add(x);
            dense.add(x);
        }
        double floor = 1e-3 * 5.0 / (n + 5.0);
        assertEquals(floor, diag.regularisedEstimate().diagonal()[0], 1e-18);
        double[] m = dense.regularisedEstimate().matrix();
        assertEquals(floor, m[0], 1e-18);
        assertEquals(0.0, m[1], 1e-18);
    }

    @Test
    void resetStartsAFreshWindow() {
        WelfordVariance w = new WelfordVariance(1);
        w.add(new double[] {1e6});
        w.add(new double[] {-1e6});
        w.reset();
        assertEquals(0, w.count());
        w.add(new double[] {1});
        w.add(new double[] {3});
        assertEquals(2.0, w.sampleVariance()[0], 1e-15);
    }

    @Test
    void tooFewDrawsOrOverflowAreReported() {
        WelfordVariance w = new WelfordVariance(1);
        w.add(new double[] {1});
        assertThrows(IllegalStateException.class, w::regularisedEstimate);
        w.add(new double[] {Double.POSITIVE_INFINITY});
        IllegalStateException e = assertThrows(IllegalStateException.class, w::regularisedEstimate);
        assertTrue(e.getMessage().contains("numerical overflow"), e.getMessage());
        WelfordCovariance c = new WelfordCovariance(2);
        c.add(new double[] {1, 2});
        c.add(new double[] {1e200, -1e200});
        c.add(new double[] {-1e200, 1e200});
        e = assertThrows(IllegalStateException.class, c::regularisedEstimate);
        assertTrue(e.getMessage().contains("numerical overflow"), e.getMessage());
    }
}
