package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Normal quantile, log-gamma, incomplete beta and Beta quantile against values printed by
 * R 4.2.2 ({@code qnorm}, {@code lgamma}, {@code pbeta}, {@code qbeta}, 17 significant digits).
 */
class SpecialFunctionsTest {

    private static void relClose(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), Double.MIN_NORMAL),
                () -> what + ": expected " + expected + " got " + actual);
    }

    @Test
    void normalQuantileMatchesR() {
        double[][] cases = {
            {1e-300, -37.047096299361201},
            {9.9999999999999995e-21, -9.2623400897984052},
            {1e-10, -6.3613409024040557},
            {0.001, -3.0902323061678132},
            {0.024250000000000001, -1.9729610513118845},
            {0.074999999999999997, -1.4395314709384557},
            {0.1586553, -0.99999980961110624},
            {0.29999999999999999, -0.52440051270804067},
            {0.69999999999999996, 0.52440051270804067},
            {0.84134469999999995, 0.99999980961110602},
            {0.92500000000000004, 1.4395314709384559},
            {0.97499999999999998, 1.9599639845400536},
            {0.999, 3.0902323061678132},
            {0.99999999989999999, 6.3613408896974208},
        };
        for (double[] c : cases) {
            relClose(c[1], NormalQuantile.inverseCdf(c[0]), 4e-16, "qnorm(" + c[0] + ")");
        }
        assertEquals(0.0, NormalQuantile.inverseCdf(0.5));
        assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.inverseCdf(0));
        assertEquals(Double.POSITIVE_INFINITY, NormalQuantile.inverseCdf(1));
        assertTrue(Double.isNaN(NormalQuantile.inverseCdf(-0.1)));
        assertTrue(Double.isNaN(NormalQuantile.inverseCdf(Double.NaN)));
    }

    @Test
    void logGammaMatchesR() {
        double[][] cases = {
            {0.5, 0.57236494292470008}, {1e-5, 11.512919692895826}, {3.7, 1.4280723266653881},
            {12.5, 18.734347511936448}, {57001, 567202.36751181982}, {1e6, 12815504.569147611},
        };
        for (double[] c : cases) {
            relClose(c[1], BetaDistribution.logGamma(c[0]), 1e-14, "lgamma(" + c[0] + ")");
        }
        // Near its zeros log Γ is accurate in absolute, not relative, terms.
        assertEquals(0.0, BetaDistribution.logGamma(1), 4e-15);
        assertEquals(0.0, BetaDistribution.logGamma(2), 4e-15);
    }

    @Test
    void incompleteBetaMatchesR() {
        double[][] cases = {
            {0.3, 2, 3, 0.34829999999999989},
            {0.05, 3.5, 48.5, 0.3525033515484659},
            {0.95, 57001, 3001, 0.50448352770164684},
            {0.5, 0.5, 0.5, 0.5},
            {0.999, 0.3, 2.5, 0.99999999466489253},
            {1e-5, 1.5, 20, 2.1670507989501046e-06},
        };
        for (double[] c : cases) {
            relClose(c[3], BetaDistribution.cdf(c[0], c[1], c[2]), 1e-12, "pbeta" + java.util.Arrays.toString(c));
        }
        assertEquals(0.0, BetaDistribution.cdf(0, 2, 3));
        assertEquals(1.0, BetaDistribution.cdf(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> BetaDistribution.cdf(0.5, 0, 1));
        // Density: Beta(2, 3) at 0.3 is 12·0.3·0.7² = 1.764; the large-shape branch integrates to ~1.
        relClose(1.764, BetaDistribution.density(0.3, 2, 3), 1e-13, "dbeta(0.3, 2, 3)");
        double a = 3001;
        double b = 57001;
        double lo = BetaDistribution.quantile(1e-9, a, b);
        double hi = BetaDistribution.quantile(1 - 1e-9, a, b);
        int steps = 4000;
        double h = (hi - lo) / steps;
        double integral = 0;
        for (int i = 0; i <= steps; i++) {
            double w = i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += w * BetaDistribution.density(lo + i * h, a, b);
        }
        relClose(1 - 2e-9, integral * h / 3, 1e-9, "integral of the Beta(3001, 57001) density");
    }

    @Test
    void betaQuantileMatchesR() {
        double[][] cases = {
            {0.1586553, 3.5, 48.5, 0.034008862011144253},
            {0.8413447, 3.5, 48.5, 0.10079506582009001},
            {0.5, 2, 3, 0.38572756813238951},
            {0.1, 0.5, 0.5, 0.024471741852423217},
            {0.9, 0.3, 2.5, 0.3337756389359624},
            {0.1586553, 57001, 3001, 0.94909517461225701},
            {0.8413447, 3000.5, 3000.5, 0.50645443314539951},
            {0.001, 1, 1, 0.001},
            {0.999, 7.25, 1.5, 0.99837996693360576},
        };
        for (double[] c : cases) {
            relClose(c[3], BetaDistribution.quantile(c[0], c[1], c[2]), 1e-12, "qbeta" + java.util.Arrays.toString(c));
        }
        assertEquals(0.0, BetaDistribution.quantile(0, 2, 3));
        assertEquals(1.0, BetaDistribution.quantile(1, 2, 3));
        assertTrue(Double.isNaN(BetaDistribution.quantile(1.5, 2, 3)));
    }

    @Test
    void betaQuantileInvertsCdfOverAGrid() {
        for (double a : new double[] {0.2, 1, 3.5, 40, 5000}) {
            for (double b : new double[] {0.4, 1, 7, 300}) {
                for (double p : new double[] {1e-6, 0.01, 0.1586553, 0.5, 0.8413447, 0.99}) {
                    double x = BetaDistribution.quantile(p, a, b);
                    relClose(p, BetaDistribution.cdf(x, a, b), 1e-9, "cdf(quantile) a=" + a + " b=" + b + " p=" + p);
                }
            }
        }
    }
}
