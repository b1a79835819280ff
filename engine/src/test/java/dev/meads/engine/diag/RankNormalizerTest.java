package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed-key sort is exact, also for values that differ only in their lowest bits, and ranks average ties. */
class RankNormalizerTest {

    private static void assertSortedLike(double[] y) {
        RankNormalizer r = new RankNormalizer();
        r.sort(y, y.length);
        double[] expected = y.clone();
        Arrays.sort(expected);
        double[] got = Arrays.copyOf(r.sorted(), y.length);
        for (int i = 0; i < y.length; i++) {
            // Arrays.sort puts -0.0 before 0.0; both orders are equal values.
            assertEquals(expected[i], got[i], 0.0, "position " + i);
            assertEquals(y[r.order()[i]], got[i], 0.0);
        }
        boolean[] seen = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            seen[r.order()[i]] = true;
        }
        for (boolean s : seen) {
            assertTrue(s, "order is a permutation");
        }
    }

    @Test
    void sortsValuesThatCollideInTheTruncatedKey() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[] y = new double[5000];
        for (int i = 0; i < y.length; i++) {
            double base = rnd.nextBoolean() ? 1.0 : -2.5;
            // Neighbours a few ulps apart share every key bit above the 13 index bits.
            y[i] = base + rnd.nextInt(4000) * Math.ulp(base);
        }
        assertSortedLike(y);
    }

    @Test
    void sortsMixedSignsZerosAndTies() {
        SplittableRandom rnd = new SplittableRandom(10);
        double[] y = new double[3001];
        for (int i = 0; i < y.length; i++) {
            int kind = rnd.nextInt(5);
            y[i] = switch (kind) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> rnd.nextInt(7) - 3;
                case 3 -> Double.MAX_VALUE * (rnd.nextBoolean() ? 1 : -1);
                default -> rnd.nextGaussian() * 1e-300;
            };
        }
        assertSortedLike(y);
        assertSortedLike(new double[] {5});
    }

    @Test
    void foldedOrderMatchesSortingAbsoluteDeviations() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] y = new double[999];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextInt(50) * 0.5 - 10; // many ties, values on both sides of the median
        }
        RankNormalizer r = new RankNormalizer();
        r.sort(y, y.length);
        double median = Quantiles.type7(r.sorted(), y.length, 0.5);
        r.sortFolded(median);
        double[] expected = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            expected[i] = Math.abs(y[i] - median);
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, Arrays.copyOf(r.foldSorted(), y.length), 0.0);
        for (int i = 0; i < y.length; i++) {
            assertEquals(Math.abs(y[r.foldOrder()[i]] - median), r.foldSorted()[i], 0.0);
        }
    }

    @Test
    void zScaleSkipsDroppedDrawsAndAveragesTies() {
        // Values 20, 20, 30 kept and 10 (index 3, past the 3 retained) dropped: ranks 1.5, 1.5, 3.
        double[] y = {20, 20, 30, 10};
        RankNormalizer r = new RankNormalizer();
        r.sort(y, 4);
        double[] z = new double[3];
        r.zScale(r.order(), r.sorted(), 4, 3, z);
        double tied = RankNormalizer.zOfRank(1.5, 3);
        assertEquals(tied, z[0], 0.0);
        assertEquals(tied, z[1], 0.0);
        assertEquals(RankNormalizer.zOfRank(3, 3), z[2], 0.0);
        assertEquals(NormalQuantile.inverseCdf((3 - 0.375) / 3.25), z[2], 0.0);
    }

    @Test
    void tiesOfEverySizeGetTheZScoreOfTheirAverageRank() {
        // Runs of 1 to 6 equal values, some of whose elements lie past the retained ones (dropped):
        // every kept element must get Φ⁻¹ of its run's average rank among the kept ones.
        assertTiesAveraged(3000, 2800, 12);
        // No dropped elements (even chain lengths), and runs at both ends of the order.
        assertTiesAveraged(3000, 3000, 13);
        assertTiesAveraged(7, 7, 14);
    }

    @Test
    void repeatedDrawsLikeRejectedProposalsRankAsTies() {
        // A chain that repeats its last value a third of the time, with values that also
        // collide in the truncated sort key (a few ulps apart): sorted exactly, ties averaged.
        SplittableRandom rnd = new SplittableRandom(15);
        double[] y = new double[4000];
        double v = 1.0;
        for (int i = 0; i < y.length; i++) {
            if (rnd.nextInt(3) != 0) {
                v = rnd.nextBoolean() ? 1.0 + rnd.nextInt(64) * Math.ulp(1.0) : rnd.nextGaussian();
            }
            y[i] = v;
        }
        assertSortedLike(y);
        RankNormalizer r = new RankNormalizer();
        r.sort(y, y.length);
        double[] z = new double[y.length];
        r.zScale(r.order(), r.sorted(), y.length, y.length, z);
        for (int i = 0; i < y.length; i += 7) {
            int below = 0;
            int equal = 0;
            for (double other : y) {
                below += other < y[i] ? 1 : 0;
                equal += other == y[i] ? 1 : 0;
            }
            assertEquals(RankNormalizer.zOfRank(below + (equal + 1) / 2.0, y.length), z[i], 0.0, "element " + i);
        }
    }

    private static void assertTiesAveraged(int n, int retained, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(Math.max(2, n * 3 / 10)) * 0.25;
        }
        RankNormalizer r = new RankNormalizer();
        r.sort(y, n);
        double[] z = new double[retained];
        r.zScale(r.order(), r.sorted(), n, retained, z);
        for (int i = 0; i < retained; i++) {
            int below = 0;
            int equal = 0;
            for (int j = 0; j < retained; j++) {
                below += y[j] < y[i] ? 1 : 0;
                equal += y[j] == y[i] ? 1 : 0;
            }
            double averageRank = below + (equal + 1) / 2.0;
            assertEquals(RankNormalizer.zOfRank(averageRank, retained), z[i], 0.0, "element " + i);
        }
    }
}
