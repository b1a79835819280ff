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
    void inRangeFormGivesTheSameBitsWithinTheCutoff() {
        double[] xs = arguments(100_000, 7);
        double[] checked = VectorArrays.apply(VectorExp::expNegative, xs, 0.0);
        double[] unchecked = VectorArrays.apply(VectorExp::expNegativeInRange, xs, 0.0);
        for (int k = 0; k < xs.length; k++) {
            assertEquals(Double.doubleToRawLongBits(checked[k]), Double.doubleToRawLongBits(unchecked[k]),
                    "x=" + xs[k]);
        }
        // Beyond the cutoff only the checked form is defined; the unchecked one is not zero there.
        double[] beyond = VectorArrays.apply(VectorExp::expNegativeInRange, new double[] {720.0}, 0.0);
        assertTrue(beyond[0] != 0.0, "the check is what makes exp(-720) zero: " + beyond[0]);
    }

    @Test
    void zeroBeyondCutoffTurnsTheInRangeFormIntoTheCheckedOne() {
        int n = 4 * VectorArrays.S.length();
        double[] s = new double[n];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            s[i] = (i % 2 == 0 ? 1 : -1) * switch (i % 5) {
                case 0 -> random.nextDouble(0, 40);
                case 1 -> random.nextDouble(708.0, 708.7);
                case 2 -> random.nextDouble(708.71, 2000);
                case 3 -> i % 3 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
                default -> VectorExp.UNDERFLOW_CUTOFF;
            };
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(s[i]);
        }
        double[] e = VectorArrays.apply(VectorExp::expNegativeInRange, abs, 0.0);
        double[] checked = VectorArrays.apply(VectorExp::expNegative, abs, 0.0);
        VectorExp.zeroBeyondCutoff(s, e, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(checked[i]), Double.doubleToRawLongBits(e[i]), "s=" + s[i]);
        }
    }

    @Test
    void oneStepReductionStaysWithinItsBound() {
        double[] xs = arguments(100_000, 11);
        double[] values = VectorArrays.apply(VectorExp::expNegativeInRangeOneStepReduction, xs, 0.0);
        double worstSmallX = 0; // in ulp, for x <= 5, where the IRT kernel's logits mostly are
        double worstExcess = 0; // relative error beyond the bound's |n| part, in units of 1e-16
        for (int k = 0; k < xs.length; k++) {
            double exact = VectorArrays.expNegativeExact(xs[k]);
            if (exact < Double.MIN_NORMAL) {
                int at = k;
                double reference = Math.exp(-xs[k]); // the bound's relative part, plus subnormal rounding
                assertTrue(Math.abs(values[k] - reference) <= 2.4e-14 * reference + 2 * Double.MIN_VALUE,
                        () -> "subnormal exp(-x) at x=" + xs[at] + ": " + values[at]);
                continue;
            }
            long n = Math.round(xs[k] / 0.6931471805599453);
            double relative = Math.abs(values[k] - exact) / exact;
            worstExcess = Math.max(worstExcess, (relative - n * 2.4e-17) / 1e-16);
            if (xs[k] <= 5) {
                worstSmallX = Math.max(worstSmallX, VectorArrays.ulps(values[k], exact));
            }
        }
        assertTrue(worstExcess <= 3.5, "relative error beyond |n| 2.4e-17: " + worstExcess + "e-16");
        assertTrue(worstSmallX <= 2.0, "max error for x <= 5: " + worstSmallX + " ulp");
        // The one-step reduction is a different function: the |n| term shows far from 0.
        double[] far = VectorArrays.apply(VectorExp::expNegativeInRangeOneStepReduction, new double[] {600.3}, 0.0);
        double exact = VectorArrays.expNegativeExact(600.3);
        assertTrue(Math.abs(far[0] - exact) / exact > 1e-15, "error at x=600.3: " + Math.abs(far[0] - exact) / exact);
    }

    @Test
    void zeroBeyondCutoffAlsoServesTheOneStepReduction() {
        double[] s = {-0.5, 3.0, -708.71, 800.0, Double.NEGATIVE_INFINITY, Double.NaN, 1e300, -2.0};
        double[] abs = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            abs[i] = Math.abs(s[i]);
        }
        int n = (s.length + VectorArrays.S.length() - 1) / VectorArrays.S.length() * VectorArrays.S.length();
        double[] padded = java.util.Arrays.copyOf(s, n);
        double[] e = java.util.Arrays.copyOf(
                VectorArrays.apply(VectorExp::expNegativeInRangeOneStepReduction, abs, 0.0), n);
        VectorExp.zeroBeyondCutoff(padded, e, 0, n);
        assertEquals(Math.exp(-0.5), e[0], 2 * Math.ulp(Math.exp(-0.5)));
        assertEquals(Math.exp(-3.0), e[1], 2 * Math.ulp(Math.exp(-3.0)));
        assertEquals(0.0, e[2]);
        assertEquals(0.0, e[3]);
        assertEquals(0.0, e[4]);
        assertTrue(Double.isNaN(e[5]));
        assertEquals(0.0, e[6]);
        assertEquals(Math.exp(-2.0), e[7], 2 * Math.ulp(Math.exp(-2.0)));
    }

    @Test
    void nanPropagates() {
        double[] values = VectorArrays.apply(VectorExp::expNegative, new double[] {Double.NaN, 1.0}, 0.0);
        assertTrue(Double.isNaN(values[0]));
        assertEquals(Math.exp(-1.0), values[1], Math.ulp(Math.exp(-1.0)));
    }

    @Test
    void generalExpWithinOneUlpOfTheCorrectlyRoundedValue() {
        SplittableRandom random = new SplittableRandom(6);
        double[] xs = new double[10_000];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = switch (k % 3) {
                case 0 -> random.nextDouble(VectorExp.EXP_UNDERFLOW, 709.78);
                case 1 -> random.nextDouble(-20, 20);
                default -> random.nextDouble(-1, 1);
            };
        }
        double[] values = VectorArrays.apply(VectorExp::exp, xs, 0.0);
        double worst = 0;
        for (int k = 0; k < xs.length; k++) {
            // exp(x) = 1 / exp(-x) is not what the reference computes: for x > 0 use exp(-(-x)).
            double exact = xs[k] <= 0 ? VectorArrays.expNegativeExact(-xs[k]) : expPositiveExact(xs[k]);
            worst = Math.max(worst, VectorArrays.ulps(values[k], exact));
        }
        assertTrue(worst <= 1.0, "max error " + worst + " ulp");
    }

    /** {@code exp(x)} for {@code 0 < x <= 709.78}, correctly rounded (same series as the negative case). */
    private static double expPositiveExact(double x) {
        java.math.MathContext mc = new java.math.MathContext(40);
        java.math.BigDecimal ln2 = new java.math.BigDecimal("0.6931471805599453094172321214581765680755001343602552541206800");
        long n = Math.round(x / 0.6931471805599453);
        java.math.BigDecimal r = new java.math.BigDecimal(x).subtract(ln2.multiply(java.math.BigDecimal.valueOf(n)), mc);
        java.math.BigDecimal term = java.math.BigDecimal.ONE;
        java.math.BigDecimal sum = java.math.BigDecimal.ONE;
        for (int k = 1; k < 30; k++) {
            term = term.multiply(r, mc).divide(java.math.BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return Math.scalb(sum.doubleValue(), (int) n);
    }

    @Test
    void generalExpAgreesWithMathExpAndHandlesTheEnds() {
        SplittableRandom random = new SplittableRandom(7);
        double[] xs = new double[200_000];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = random.nextDouble(VectorExp.EXP_UNDERFLOW, 709.78);
        }
        double[] values = VectorArrays.apply(VectorExp::exp, xs, 0.0);
        for (int k = 0; k < xs.length; k++) {
            int at = k;
            assertTrue(VectorArrays.ulps(values[k], Math.exp(xs[k])) <= 2.0,
                    () -> "exp(" + xs[at] + ") gives " + values[at] + ", Math.exp " + Math.exp(xs[at]));
        }
        double[] ends = {0.0, -708.01, -745, -1e300, Double.NEGATIVE_INFINITY, 709.79, 710, 1e300,
                Double.POSITIVE_INFINITY, Double.NaN, 709.78, -707.99};
        double[] e = VectorArrays.apply(VectorExp::exp, ends, 0.0);
        assertEquals(1.0, e[0]);
        for (int k = 1; k <= 4; k++) {
            assertEquals(0.0, e[k], "x=" + ends[k]);
        }
        for (int k = 5; k <= 8; k++) {
            assertEquals(Double.POSITIVE_INFINITY, e[k], "x=" + ends[k]);
        }
        assertTrue(Double.isNaN(e[9]));
        assertTrue(VectorArrays.ulps(e[10], Math.exp(709.78)) <= 1.0, "near overflow: " + e[10]);
        assertTrue(VectorArrays.ulps(e[11], Math.exp(-707.99)) <= 1.0, "near underflow: " + e[11]);
    }
}
