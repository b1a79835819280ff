package dev.meads.models.vecmath;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorLog1pTest {

    /** Arguments over the whole contract [0, 1]: uniform, and log-uniform down to the smallest subnormal. */
    private static double[] arguments(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] es = new double[count];
        for (int k = 0; k < count; k++) {
            es[k] = k % 2 == 0 ? random.nextDouble() : Math.exp(random.nextDouble(-744, 0));
        }
        es[0] = 0.0;
        es[1] = 1.0;
        es[2] = Double.MIN_VALUE;
        es[3] = Double.MIN_NORMAL;
        es[4] = Math.ulp(1.0);
        return es;
    }

    private static DoubleVector shared(DoubleVector e) {
        return VectorLog1p.log1pUnit(e, VectorLog1p.sharedReciprocal(e));
    }

    private static DoubleVector twiceInverse(DoubleVector e) {
        return VectorLog1p.twiceInverseOnePlus(e, VectorLog1p.sharedReciprocal(e));
    }

    @Test
    void standaloneWithinTwoUlpOfTheCorrectlyRoundedValue() {
        double[] es = arguments(8_000, 3);
        double[] values = VectorArrays.apply(VectorLog1p::log1pUnit, es, 0.5);
        double worst = 0;
        for (int k = 0; k < es.length; k++) {
            worst = Math.max(worst, VectorArrays.ulps(values[k], VectorArrays.log1pExact(es[k])));
        }
        assertTrue(worst <= 2.0, "max error " + worst + " ulp");
    }

    @Test
    void sharedReciprocalFormWithinFourUlp() {
        double[] es = arguments(8_000, 4);
        double[] values = VectorArrays.apply(VectorLog1pTest::shared, es, 0.5);
        double[] inverses = VectorArrays.apply(VectorLog1pTest::twiceInverse, es, 0.5);
        double worst = 0;
        double worstInverse = 0;
        for (int k = 0; k < es.length; k++) {
            worst = Math.max(worst, VectorArrays.ulps(values[k], VectorArrays.log1pExact(es[k])));
            double exactInverse = new java.math.BigDecimal(2).divide(
                    java.math.BigDecimal.ONE.add(new java.math.BigDecimal(es[k])), java.math.MathContext.DECIMAL128).doubleValue();
            worstInverse = Math.max(worstInverse, VectorArrays.ulps(inverses[k], exactInverse));
        }
        assertTrue(worst <= 4.0, "log1p: max error " + worst + " ulp");
        assertTrue(worstInverse <= 3.0, "2/(1+e): max error " + worstInverse + " ulp");
    }

    @Test
    void agreesWithMathLog1pOverTheWholeRange() {
        double[] es = arguments(400_000, 5);
        double[] standalone = VectorArrays.apply(VectorLog1p::log1pUnit, es, 0.5);
        double[] shared = VectorArrays.apply(VectorLog1pTest::shared, es, 0.5);
        for (int k = 0; k < es.length; k++) {
            double reference = Math.log1p(es[k]);
            int at = k;
            assertTrue(VectorArrays.ulps(standalone[k], reference) <= 3.0,
                    () -> "log1p(" + es[at] + ") gives " + standalone[at] + ", Math.log1p " + reference);
            assertTrue(VectorArrays.ulps(shared[k], reference) <= 5.0,
                    () -> "shared log1p(" + es[at] + ") gives " + shared[at] + ", Math.log1p " + reference);
        }
    }

    @Test
    void endpointsAndNaN() {
        double[] values = VectorArrays.apply(VectorLog1p::log1pUnit, new double[] {0.0, 1.0, Double.MIN_VALUE, Double.NaN}, 0.5);
        assertEquals(0.0, values[0]);
        assertEquals(Math.log(2.0), values[1], Math.ulp(Math.log(2.0)));
        assertEquals(Double.MIN_VALUE, values[2]);
        assertTrue(Double.isNaN(values[3]));
    }
}
