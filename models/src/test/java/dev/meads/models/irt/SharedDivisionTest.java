package dev.meads.models.irt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/** The shared division against plain arithmetic, for every run length (8-, 4- and 1-vector steps). */
class SharedDivisionTest {
    private static final int L = DoubleVector.SPECIES_PREFERRED.length();

    @Test
    void inversesAndProductsAgreeWithPlainArithmeticOnEveryLength() {
        SplittableRandom random = new SplittableRandom(3);
        double worstInverseUlps = 0;
        for (int length = 0; length <= 37; length++) {
            int from = length % 3; // vectors before the run stay untouched
            int to = from + length;
            double[] e = new double[(to + 1) * L];
            for (int k = 0; k < e.length; k++) {
                e[k] = switch (k % 4) {
                    case 0 -> random.nextDouble();
                    case 1 -> Math.exp(-random.nextDouble(0, 40));
                    case 2 -> 1.0 - random.nextDouble() * 1e-12;
                    default -> 0.0;
                };
            }
            double[] twiceInverse = new double[e.length];
            double[] products = new double[3 * L];
            java.util.Arrays.fill(twiceInverse, -7.0);
            java.util.Arrays.fill(products, -7.0);
            SharedDivision.twiceInversesAndProduct(e, from, to, twiceInverse, products, L);
            for (int l = 0; l < L; l++) {
                BigDecimal exact = BigDecimal.ONE;
                for (int v = from; v < to; v++) {
                    double x = 1.0 + e[v * L + l]; // the factor as the kernel rounds it
                    exact = exact.multiply(new BigDecimal(x));
                }
                double product = products[L + l];
                double relative = Math.abs(new BigDecimal(product).subtract(exact)
                        .divide(exact, MathContext.DECIMAL64).doubleValue());
                assertTrue(relative <= (length + 1) * 0x1p-53, "length " + length + " lane " + l + ": product off by "
                        + relative);
                assertEquals(-7.0, products[l]); // only its own slot is written
                assertEquals(-7.0, products[2 * L + l]);
            }
            for (int k = 0; k < e.length; k++) {
                int v = k / L;
                if (v < from || v >= to) {
                    assertEquals(-7.0, twiceInverse[k], "vector " + v + " is outside the run");
                    continue;
                }
                double expected = 2.0 / (1.0 + e[k]);
                double ulps = Math.abs(twiceInverse[k] - expected) / Math.ulp(expected);
                worstInverseUlps = Math.max(worstInverseUlps, ulps);
            }
        }
        // Up to eight factors per division: a handful of roundings (3 ulp measured on this set).
        assertTrue(worstInverseUlps <= 4, "2/(1+e) within " + worstInverseUlps + " ulp");
    }
}
