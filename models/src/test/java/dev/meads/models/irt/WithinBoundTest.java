package dev.meads.models.irt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The chain kernel's branch-free bound test agrees with {@code bound <= UNCHECKED_LOGIT_BOUND}. */
class WithinBoundTest {
    private static final double LIMIT = Irt2plBlockKernel.UNCHECKED_LOGIT_BOUND;

    private static void agrees(double bound) {
        assertEquals(bound <= LIMIT ? 1 : 0, Irt2plChainKernel.withinBound(bound), "bound " + bound
                + " (bits " + Long.toHexString(Double.doubleToRawLongBits(bound)) + ")");
    }

    @Test
    void edgesAgree() {
        for (double v : new double[] {0.0, -0.0, Double.MIN_VALUE, 1.0, LIMIT, Math.nextDown(LIMIT),
                Math.nextUp(LIMIT), 709.0, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -1.0}) {
            agrees(v);
        }
    }

    @Test
    void everyNanIsUnbounded() {
        // NaNs of either sign and any payload, as arithmetic on NaN inputs may leave them
        for (long bits : new long[] {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF0_0000_0000_0001L,
                0xFFF0_0000_0000_0001L, 0x7FFF_FFFF_FFFF_FFFFL, 0xFFFF_FFFF_FFFF_FFFFL}) {
            agrees(Double.longBitsToDouble(bits));
        }
        agrees(Double.NaN);
        agrees(0.0 * Double.POSITIVE_INFINITY);
    }

    @Test
    void randomValuesAroundTheLimitAgree() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            agrees(random.nextDouble(0, 2 * LIMIT));
            agrees(Double.longBitsToDouble(random.nextLong())); // any bits: tiny, huge, negative, NaN
            agrees(LIMIT + (random.nextInt(21) - 10) * Math.ulp(LIMIT));
        }
    }
}
