package dev.meads.models.vecmath;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorLogTest {
    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755001343602552541206800");

    /** {@code log(x)} in 40 digits: {@code x = 2^k m}, {@code m} in [1, 2), {@code log(m) = 2 atanh((m-1)/(m+1))} by its series. */
    private static double logExact(double x) {
        int k = Math.getExponent(x);
        BigDecimal m = new BigDecimal(Math.scalb(x, -k));
        BigDecimal t = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal power = t;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 80; n++) { // t < 1/3: (1/9)^80 is far below 1e-40
            sum = sum.add(power.divide(BigDecimal.valueOf(2L * n + 1), MC), MC);
            power = power.multiply(t2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2)).add(LN2.multiply(BigDecimal.valueOf(k)), MC).doubleValue();
    }

    @Test
    void withinTwoUlpFromTheSmallestToTheLargestNormal() {
        SplittableRandom random = new SplittableRandom(7);
        double[] xs = new double[12_000];
        for (int n = 0; n < xs.length; n++) {
            xs[n] = switch (n % 4) {
                case 0 -> random.nextDouble(0.5, 2.0); // around the switch at sqrt(2) and near 1
                case 1 -> Math.exp(random.nextDouble(0, 256 * Math.log(2))); // products of up to 256 factors in [1, 2]
                case 2 -> Math.exp(random.nextDouble(-708, 709)); // any normal
                default -> 1.0 + Math.scalb(random.nextDouble(), -random.nextInt(1, 52)); // just above 1
            };
        }
        xs[0] = 1.0;
        xs[1] = Double.MIN_NORMAL;
        xs[2] = Double.MAX_VALUE;
        xs[3] = Math.sqrt(2.0);
        xs[4] = Math.nextUp(Math.sqrt(2.0));
        xs[5] = Math.nextDown(1.0);
        xs[6] = Math.nextUp(1.0);
        double[] values = VectorArrays.apply(VectorLog::log, xs, 1.0);
        double worst = 0;
        double worstAt = 0;
        for (int n = 0; n < xs.length; n++) {
            double exact = logExact(xs[n]);
            double error = exact == 0.0 ? Math.abs(values[n]) : VectorArrays.ulps(values[n], exact);
            if (error > worst) {
                worst = error;
                worstAt = xs[n];
            }
        }
        assertTrue(worst <= 2.0, "max error " + worst + " ulp at " + worstAt);
        assertEquals(0.0, values[0]);
    }

    /** {@code log(1+x)} in 40 digits; above 1 from the exact sum {@code 1+x} scaled into [1, 2). */
    private static double log1pExact(double x) {
        if (x <= 1.0) {
            return VectorArrays.log1pExact(x); // without forming 1 + x, which would round tiny x away
        }
        BigDecimal u = BigDecimal.ONE.add(new BigDecimal(x));
        int k = Math.getExponent(u.doubleValue());
        BigDecimal m = u.multiply(new BigDecimal(Math.scalb(1.0, -k)), MC); // in [1, 2], up to the rounding of the exponent
        BigDecimal t = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal power = t;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 90; n++) {
            sum = sum.add(power.divide(BigDecimal.valueOf(2L * n + 1), MC), MC);
            power = power.multiply(t2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2)).add(LN2.multiply(BigDecimal.valueOf(k)), MC).doubleValue();
    }

    @Test
    void log1pWithinFourUlpFromZeroToHuge() {
        SplittableRandom random = new SplittableRandom(11);
        double[] xs = new double[8_000];
        for (int n = 0; n < xs.length; n++) {
            xs[n] = switch (n % 3) {
                case 0 -> random.nextDouble(); // [0, 1)
                case 1 -> Math.exp(random.nextDouble(-740, 0)); // tiny to 1, down to subnormal
                default -> Math.exp(random.nextDouble(0, 690)); // 1 to 1e300 (r squared of a half-Cauchy ratio up to 1e150)
            };
        }
        xs[0] = 0.0;
        xs[1] = Double.MIN_VALUE;
        xs[2] = 0x1p-53;
        xs[3] = 0x1p-52;
        xs[4] = 1.0;
        xs[5] = 1e300;
        double[] values = VectorArrays.apply(VectorLog::log1p, xs, 0.0);
        double worst = 0;
        double worstAt = 0;
        for (int n = 0; n < xs.length; n++) {
            double exact = log1pExact(xs[n]);
            double error = exact == 0.0 ? Math.abs(values[n]) : VectorArrays.ulps(values[n], exact);
            if (error > worst) {
                worst = error;
                worstAt = xs[n];
            }
        }
        assertTrue(worst <= 4.0, "max error " + worst + " ulp at " + worstAt);
        assertEquals(0.0, values[0]);
        assertEquals(Double.MIN_VALUE, values[1]);
    }

    @Test
    void powersOfTwoAreExactMultiplesOfLn2() {
        double[] xs = {2.0, 4.0, 0x1p100, 0x1p-100, 0x1p1023};
        double[] values = VectorArrays.apply(VectorLog::log, xs, 1.0);
        for (int n = 0; n < xs.length; n++) {
            assertTrue(VectorArrays.ulps(values[n], logExact(xs[n])) <= 0.5, xs[n] + ": " + values[n]);
        }
    }
}
