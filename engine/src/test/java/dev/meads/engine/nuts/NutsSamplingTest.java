package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NUTS with a fixed step size and metric leaves known targets invariant: moments agree with
 * the truth within Monte Carlo error (batch-means MCSE, fixed seeds, |z| below {@value #Z}).
 */
class NutsSamplingTest {
    /** Allowed |estimate − truth| / MCSE. */
    static final double Z = 4.0;

    private static NutsDraws sample(LogDensity model, NutsOptions options, InverseMetric metric, double eps, int n,
                                    long seed, double... x0) {
        NutsSampler s = new NutsSampler(model, options, RandomStreams.forChain(seed, "nuts-test", 0));
        s.setPosition(x0);
        s.setStepSize(eps);
        s.setMetric(metric);
        return s.sample(n);
    }

    private static double[] column(NutsDraws draws, int j, int power) {
        double[] out = new double[draws.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.pow(draws.position(i, j), power);
        }
        return out;
    }

    private static void assertMoment(double truth, double[] series, String what) {
        BatchMeans bm = BatchMeans.of(series, 100);
        assertTrue(bm.z(truth) < Z, what + ": " + bm + ", truth " + truth + ", z = " + bm.z(truth));
    }

    @ParameterizedTest
    @CsvSource({"0.2, 10", "1.5, 10", "1.0, 1"})
    void standardNormalMomentsAreRight(double eps, int maxDepth) {
        NutsDraws d = sample(TestTargets.IndependentNormal.standard(1), NutsOptions.defaults().withMaxDepth(maxDepth),
                DiagonalInverseMetric.unit(1), eps, 100_000, 17, 0.3);
        assertEquals(100_000, d.size());
        assertMoment(0.0, column(d, 0, 1), "mean");
        assertMoment(1.0, column(d, 0, 2), "variance");
        assertMoment(3.0, column(d, 0, 4), "E x^4 (kurtosis of a unit normal)");
        assertEquals(0, d.divergentCount());
    }

    @Test
    void correlatedGaussianWithTheTrueCovarianceAsDenseMetric() {
        TestTargets.CorrelatedNormal2 model = new TestTargets.CorrelatedNormal2(0.95);
        NutsDraws d = sample(model, NutsOptions.defaults(), new DenseInverseMetric(model.covariance(), 2), 0.8,
                40_000, 23, 1.0, -1.0);
        assertMoment(0.0, column(d, 0, 1), "mean x1");
        assertMoment(0.0, column(d, 1, 1), "mean x2");
        assertMoment(1.0, column(d, 0, 2), "var x1");
        assertMoment(1.0, column(d, 1, 2), "var x2");
        double[] cross = new double[d.size()];
        for (int i = 0; i < cross.length; i++) {
            cross[i] = d.position(i, 0) * d.position(i, 1);
        }
        assertMoment(0.95, cross, "covariance");
        // With the exact metric the problem is isotropic: short trees, no divergences.
        assertTrue(d.meanTreeDepth() < 3.5, "mean tree depth " + d.meanTreeDepth());
        assertEquals(0, d.divergentCount());
    }

    @Test
    void subtreeChecksShortenTrajectoriesWithoutBias() {
        int dim = 100;
        LogDensity model = TestTargets.IndependentNormal.standard(dim);
        double[] x0 = new double[dim];
        double[] depth = new double[2];
        UTurnCheck[] checks = {UTurnCheck.FULL, UTurnCheck.SPAN_ONLY};
        for (int c = 0; c < 2; c++) {
            NutsDraws d = sample(model, NutsOptions.defaults().withUTurnCheck(checks[c]), DiagonalInverseMetric.unit(dim),
                    0.9, 3000, 29, x0);
            depth[c] = d.meanTreeDepth();
            // Per draw: the average over coordinates of x_j and of x_j², each with truth 0 and 1.
            double[] mean = new double[d.size()];
            double[] square = new double[d.size()];
            for (int i = 0; i < d.size(); i++) {
                for (int j = 0; j < dim; j++) {
                    double v = d.position(i, j);
                    mean[i] += v / dim;
                    square[i] += v * v / dim;
                }
            }
            assertMoment(0.0, mean, checks[c] + " pooled mean");
            assertMoment(1.0, square, checks[c] + " pooled variance");
        }
        // Prototype: about 2.7 with the seam checks versus 3.85 with the span check alone.
        assertTrue(depth[0] < depth[1] - 0.5, "mean tree depth full " + depth[0] + " vs span-only " + depth[1]);
        assertTrue(depth[0] > 2.3 && depth[0] < 3.1, "full-check mean depth " + depth[0]);
        assertTrue(depth[1] > 3.5 && depth[1] < 4.2, "span-only mean depth " + depth[1]);
    }
}
