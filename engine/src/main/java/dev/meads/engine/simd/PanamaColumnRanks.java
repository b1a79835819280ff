package dev.meads.engine.simd;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector twin of {@link ScalarColumnRanks}: the columns are taken 8 at a time (one vector lane
 * per column, one vector per row) through Batcher's odd–even merge sorting network, whose
 * compare-exchange is a lanewise comparison and two blends, so no lane ever moves and no shuffles
 * are needed. For 64 rows that is 543 compare-exchanges of 8 columns, against 8 sorts of 64
 * values. (Lanewise {@code min}/{@code max} would do too, but their Java semantics for −0.0 and
 * NaN cost several instructions each on x86: the guard took 56 instead of 26 µs for 64 × 160.)
 *
 * <p>The network is built for the next power of two and the missing rows count as +∞; a
 * comparator that touches such a row changes nothing and is dropped. A comparison sees −0.0 and
 * 0.0 as equal, so they may come out in either order (the only difference from the scalar
 * twin); a group of columns holding a NaN goes to the scalar twin (NaN sorts last there), and so
 * do the columns beyond the last full vector.
 */
public final class PanamaColumnRanks implements ColumnRanks {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final int rows;
    private final int columns;
    /** Comparator k exchanges rows {@code low[k] < high[k]}. */
    private final int[] low;
    private final int[] high;
    private final double[] group;
    private final ScalarColumnRanks fallback;

    private PanamaColumnRanks(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.fallback = new ScalarColumnRanks(rows, columns);
        this.group = new double[rows * L];
        List<int[]> network = oddEvenMergeNetwork(rows);
        this.low = new int[network.size()];
        this.high = new int[network.size()];
        for (int k = 0; k < low.length; k++) {
            low[k] = network.get(k)[0];
            high[k] = network.get(k)[1];
        }
    }

    /** The vector twin for a {@code rows × columns} block. */
    public static PanamaColumnRanks create(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("need at least one row and one column, got " + rows + " x " + columns);
        }
        return new PanamaColumnRanks(rows, columns);
    }

    /** Number of compare-exchanges per group of columns. */
    public int comparators() {
        return low.length;
    }

    /**
     * Batcher's odd–even merge sort for the next power of two {@code N ≥ rows}, keeping only
     * comparators between real rows: for p = 1, 2, 4, ... and k = p, p/2, ..., 1, compare
     * {@code i+j} with {@code i+j+k} for {@code j = k mod p, k mod p + 2k, ...} and
     * {@code i < k} when both lie in the same block of {@code 2p}.
     */
    static List<int[]> oddEvenMergeNetwork(int rows) {
        int size = Integer.highestOneBit(Math.max(1, rows - 1)) << 1;
        List<int[]> out = new ArrayList<>();
        for (int p = 1; p < size; p <<= 1) {
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < size; j += 2 * k) {
                    for (int i = 0; i < k && i + j + k < size; i++) {
                        int a = i + j;
                        int b = i + j + k;
                        if (a / (2 * p) == b / (2 * p) && b < rows) {
                            out.add(new int[] {a, b});
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void select(double[] x, int[] ranks, double[] out) {
        int j0 = 0;
        for (; j0 + L <= columns; j0 += L) {
            if (!load(x, j0)) {
                for (int j = j0; j < j0 + L; j++) {
                    fallback.selectColumn(x, j, ranks, out);
                }
                continue;
            }
            sortGroup();
            for (int q = 0; q < ranks.length; q++) {
                DoubleVector.fromArray(S, group, ranks[q] * L).intoArray(out, q * columns + j0);
            }
        }
        for (int j = j0; j < columns; j++) {
            fallback.selectColumn(x, j, ranks, out);
        }
    }

    /** Copies columns {@code j0 .. j0+L} of every row into the group; false if one is NaN. */
    private boolean load(double[] x, int j0) {
        VectorMask<Double> nan = S.maskAll(false);
        for (int r = 0; r < rows; r++) {
            DoubleVector v = DoubleVector.fromArray(S, x, r * columns + j0);
            nan = nan.or(v.test(VectorOperators.IS_NAN));
            v.intoArray(group, r * L);
        }
        return !nan.anyTrue();
    }

    private void sortGroup() {
        double[] g = group;
        for (int k = 0; k < low.length; k++) {
            int a = low[k] * L;
            int b = high[k] * L;
            DoubleVector va = DoubleVector.fromArray(S, g, a);
            DoubleVector vb = DoubleVector.fromArray(S, g, b);
            VectorMask<Double> swap = vb.compare(VectorOperators.LT, va);
            va.blend(vb, swap).intoArray(g, a);
            vb.blend(va, swap).intoArray(g, b);
        }
    }
}
