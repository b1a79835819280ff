package dev.meads.models.vecmath;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorExpTest {

    /** Arguments over the whole contract [0, cutoff]: uniform at three scales, log-uniform, and reduction boundaries. */
    private static double[] arguments(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] xs = new double[count];
        for (int k = 0; k < count; k++) {
            xs[k] = switch (k % 5) {
                case 0 -> random.nextDouble() * VectorExp.UNDERFLOW_CUTOFF;
                case 1 -> random.nextDouble() * 40;
                case 2 -> random.nextDouble();
                case 3 -> Math.exp(random.nextDouble(-745, Math.log(VectorExp.UNDERFLOW_CUTOFF)));
                default -> (random.nextInt(2040) + random.nextDouble(-1e-9, 1e-9)) * 0.6931471805599453 / 2;
            };
            xs[k] = Math.min(Math.max(xs[k], 0.0), VectorExp.UNDERFLOW_CUTOFF);
        }
        return xs;
    }

    @Test
    void withinOneUlpOfTheCorrectlyRoundedValue() {
        double[] xs = arguments(10_000, 1);
        double[] values = VectorArrays.apply(VectorExp::expNegative, xs, 0.0);
        double worst = 0;
        for (int k = 0; k < xs.length; k++) {
            double exact = VectorArrays.expNegativeExact(xs[k]);
            if (exact >= Double.MIN_NORMAL) {
                worst = Math.max(worst, VectorArrays.ulps(values[k], exact));
            }
        }
        assertTrue(worst <= 1.0, "max error " + worst + " ulp");
    }

    @Test
    void agreesWithMathExpOverTheWholeRange() {
        double[] xs = arguments(400_000, 2);
        double[] values = VectorArrays.apply(VectorExp::expNegative, xs, 0.0);
        for (int k = 0; k < xs.length; k++) {
            double reference = Math.exp(-xs[k]);
            int at = k;
            // Both are within one ulp of exp(-x); subnormal results (x > 708.4) within two subnormal steps.
            assertTrue(VectorArrays.ulps(values[k], reference) <= 2.0,
                    () -> "exp(-x) at x=" + xs[at] + " gives " + values[at] + ", Math.exp " + reference);
        }
    }

    @Test
    void exactAtZeroAndZeroBeyondTheCutoff() {
        double[] xs = {0.0, -0.0, 708.71, 709.0, 745.2, 1e10, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        double[] values = VectorArrays.apply(VectorExp::expNegative, xs, 0.0);
        assertEquals(1.0, values[0]);
        assertEquals(1.0, values[1]);
        for (int k = 2; k < xs.length; k++) {
            assertEquals(0.0, values[k], "x=" + xs[k]);
        }
    }

    @Test
    void subnormalResultsJustBelowTheCutoff() {
        double[] xs = {708.40, 708.45, 708.5, 708.6, 708.69};
        double[] values = VectorArrays.apply(VectorExp::expNegative, xs, 0.0);
        for (int k = 0; k < xs.length; k++) {
            double reference = Math.exp(-xs[k]);
            assertTrue(reference < Double.MIN_NORMAL && values[k] < Double.MIN_NORMAL);
            assertTrue(Math.abs(values[k] - reference) <= 2 * Double.MIN_VALUE,
                    "x=" + xs[k] + ": " + values[k] + " vs " + reference);
        }
    }

    @Test
    void nanPropagates() {
        double[] values = VectorArrays.apply(VectorExp::expNegative, new double[] {Double.NaN, 1.0}, 0.0);
        assertTrue(Double.isNaN(values[0]));
        assertEquals(Math.exp(-1.0), values[1], Math.ulp(Math.exp(-1.0)));
    }
}
