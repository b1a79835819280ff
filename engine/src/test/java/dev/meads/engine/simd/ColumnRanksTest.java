package dev.meads.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both twins read the same ranks as sorting each column with {@code Arrays.sort}. */
class ColumnRanksTest {

    private static double[] block(int rows, int columns, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[rows * columns];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (r.nextInt(12)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> 1.5; // ties
                case 3 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                default -> r.nextGaussian() * Math.exp(3 * r.nextGaussian());
            };
        }
        return x;
    }

    private static void check(double[] x, int rows, int columns) {
        int[] ranks = new int[rows];
        for (int q = 0; q < rows; q++) {
            ranks[q] = rows - 1 - q; // every rank, in an awkward order
        }
        double[] expected = new double[rows * columns];
        double[] column = new double[rows];
        for (int j = 0; j < columns; j++) {
            for (int r = 0; r < rows; r++) {
                column[r] = x[r * columns + j];
            }
            Arrays.sort(column);
            for (int q = 0; q < rows; q++) {
                expected[q * columns + j] = column[ranks[q]];
            }
        }
        for (ColumnRanks ranker : List.of(new ScalarColumnRanks(rows, columns),
                PanamaColumnRanks.create(rows, columns), ColumnRanks.create(rows, columns))) {
            double[] out = new double[rows * columns];
            ranker.select(x, ranks, out);
            for (int i = 0; i < out.length; i++) {
                // equal values (-0.0 and 0.0 count as equal), NaN where Arrays.sort puts it
                boolean same = expected[i] == out[i] || Double.isNaN(expected[i]) && Double.isNaN(out[i]);
                if (!same) {
                    assertEquals(expected[i], out[i],
                            ranker.getClass().getSimpleName() + " rows " + rows + " columns " + columns + " at " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,8", "2,9", "3,16", "4,7", "5,8", "16,160", "31,17", "32,8", "63,24", "64,160", "64,89", "65,16",
            "100,9"})
    void ranksMatchSortedColumns(int rows, int columns) {
        check(block(rows, columns, rows * 1000L + columns), rows, columns);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 8, 13})
    void columnsWithNaNSortItLast(int where) {
        int rows = 64;
        int columns = 16;
        double[] x = block(rows, columns, where);
        x[17 * columns + where] = Double.NaN;
        x[40 * columns + where] = Double.NaN;
        check(x, rows, columns);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8, 16, 17, 33, 64, 100})
    void networkSortsEveryZeroOnePattern(int rows) {
        // the 0-1 principle: a comparator network sorts everything iff it sorts all 0-1 inputs;
        // random 0-1 inputs (and all of them for small sizes) through the network itself
        List<int[]> network = PanamaColumnRanks.oddEvenMergeNetwork(rows);
        SplittableRandom r = new SplittableRandom(rows);
        int trials = rows <= 16 ? 1 << rows : 20_000;
        int[] v = new int[rows];
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < rows; i++) {
                v[i] = rows <= 16 ? (t >>> i) & 1 : r.nextInt(2);
            }
            for (int[] c : network) {
                if (v[c[0]] > v[c[1]]) {
                    int s = v[c[0]];
                    v[c[0]] = v[c[1]];
                    v[c[1]] = s;
                }
            }
            for (int i = 1; i < rows; i++) {
                if (v[i - 1] > v[i]) {
                    throw new AssertionError("rows " + rows + ": input " + t + " not sorted");
                }
            }
        }
        if (rows == 64) {
            assertEquals(543, network.size(), "Batcher's network for 64 inputs has 543 comparators");
        }
    }
}
