package dev.meads.models.vecmath;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.UnaryOperator;

/** Test helpers: apply a vector function to an array, and reference values in 40-digit arithmetic. */
final class VectorArrays {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755001343602552541206800");

    private VectorArrays() {
    }

    /** {@code f} lane by lane over {@code xs}; the last vector is padded with {@code pad}. */
    static double[] apply(UnaryOperator<DoubleVector> f, double[] xs, double pad) {
        int l = S.length();
        int n = (xs.length + l - 1) / l * l;
        double[] in = java.util.Arrays.copyOf(xs, n);
        java.util.Arrays.fill(in, xs.length, n, pad);
        double[] out = new double[n];
        for (int k = 0; k < n; k += l) {
            f.apply(DoubleVector.fromArray(S, in, k)).intoArray(out, k);
        }
        return java.util.Arrays.copyOf(out, xs.length);
    }

    /** Distance in units in the last place of {@code reference}. */
    static double ulps(double value, double reference) {
        if (value == reference) {
            return 0.0;
        }
        return Math.abs(value - reference) / Math.ulp(reference);
    }

    /** {@code exp(-x)} for {@code 0 <= x <= 745}, correctly rounded for normal results (series on the reduced argument). */
    static double expNegativeExact(double x) {
        long n = Math.round(x / 0.6931471805599453);
        BigDecimal r = new BigDecimal(x).subtract(LN2.multiply(BigDecimal.valueOf(n)), MC).negate();
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 30; k++) { // |r| <= ln2/2: 0.35^30/30! < 1e-45
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        // sum is in [0.7, 1.42]; scaling by a power of two is exact for normal results.
        return Math.scalb(sum.doubleValue(), (int) -n);
    }

    /** {@code log(1+e)} for {@code 0 <= e <= 1}: {@code 2 atanh(e/(2+e))} by its series. */
    static double log1pExact(double e) {
        BigDecimal be = new BigDecimal(e);
        BigDecimal t = be.divide(BigDecimal.valueOf(2).add(be), MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal power = t;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < 45; k++) { // t <= 1/3: (1/9)^45 < 1e-42
            sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
            power = power.multiply(t2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2)).doubleValue();
    }
}
