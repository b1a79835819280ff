package dev.meads.models.radon;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.fail;

/** Shared helpers of the radon tests: small datasets, random points, comparisons. */
final class RadonTestSupport {

    private RadonTestSupport() {
    }

    /**
     * A small dataset with awkward features: real-valued floors, a county with no
     * observations (index 3), a county with one, and J = 11 (not a multiple of any vector length).
     */
    static RadonData awkwardData(RandomGenerator rng) {
        int j = 11;
        int[] perCounty = {3, 1, 7, 0, 2, 12, 5, 4, 9, 1, 6};
        int n = 0;
        for (int k : perCounty) {
            n += k;
        }
        int[] county = new int[n];
        double[] floor = new double[n];
        double[] y = new double[n];
        for (int c = 0, i = 0; c < j; c++) {
            double alpha = 1 + 0.5 * rng.nextGaussian();
            for (int k = 0; k < perCounty[c]; k++, i++) {
                county[i] = c;
                floor[i] = 2 * rng.nextDouble() - 0.5;
                y[i] = alpha - 0.7 * floor[i] + 0.4 * rng.nextGaussian();
            }
        }
        return new RadonData(j, county, floor, y, null, "awkward test data");
    }

    /** A point near the posterior's bulk for data like the notebook's. */
    static double[] typicalPoint(int counties, RandomGenerator rng) {
        double[] x = new double[counties + 4];
        x[0] = 1.3 + 0.3 * rng.nextGaussian();
        x[1] = Math.log(0.4) + 0.3 * rng.nextGaussian();
        for (int c = 0; c < counties; c++) {
            x[2 + c] = x[0] + 0.5 * rng.nextGaussian();
        }
        x[counties + 2] = -0.7 + 0.3 * rng.nextGaussian();
        x[counties + 3] = Math.log(0.5) + 0.3 * rng.nextGaussian();
        return x;
    }

    /** A point anywhere in a wide box (every coordinate uniform in [-3, 3]). */
    static double[] widePoint(int counties, RandomGenerator rng) {
        double[] x = new double[counties + 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = 6 * rng.nextDouble() - 3;
        }
        return x;
    }

    static void assertRelativelyClose(double expected, double actual, double rel, String what) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            fail(what + ": not finite: expected " + expected + ", got " + actual);
        }
        double diff = Math.abs(expected - actual);
        if (diff > rel * Math.max(Math.abs(expected), Math.abs(actual))) {
            fail(what + ": expected " + expected + ", got " + actual + " (relative difference "
                    + diff / Math.max(Math.abs(expected), Math.abs(actual)) + " > " + rel + ")");
        }
    }
}
