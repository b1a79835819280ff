package dev.meads.engine.simd;

import java.util.Arrays;

/** Copies each column and sorts it: the reference twin of {@link PanamaColumnRanks}. */
public final class ScalarColumnRanks implements ColumnRanks {
    private final int rows;
    private final int columns;
    private final double[] column;

    public ScalarColumnRanks(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("need at least one row and one column, got " + rows + " x " + columns);
        }
        this.rows = rows;
        this.columns = columns;
        this.column = new double[rows];
    }

    @Override
    public void select(double[] x, int[] ranks, double[] out) {
        for (int j = 0; j < columns; j++) {
            selectColumn(x, j, ranks, out);
        }
    }

    /** Column {@code j} alone (also the fallback of the vector twin). */
    void selectColumn(double[] x, int j, int[] ranks, double[] out) {
        if (rows > INSERTION_SORT_ROWS) {
            for (int r = 0; r < rows; r++) {
                column[r] = x[r * columns + j];
            }
            Arrays.sort(column);
        } else {
            insertionSortColumn(x, j);
        }
        for (int q = 0; q < ranks.length; q++) {
            out[q * columns + j] = column[ranks[q]];
        }
    }

    /**
     * Most rows an ensemble's column may have for {@link #insertionSortColumn}: up to 64 chains
     * an insertion sort takes about as long as {@link Arrays#sort(double[])}, whose general code
     * C2 compiles six times in a fresh JVM (77 ms of compile time while MEADS runs, on radon).
     */
    static final int INSERTION_SORT_ROWS = 64;

    /** Column {@code j} into {@link #column} in {@link Arrays#sort(double[])}'s order of values (NaN last). */
    private void insertionSortColumn(double[] x, int j) {
        double[] c = column;
        int n = 0;
        int nanFrom = rows;
        for (int r = 0; r < rows; r++) {
            double v = x[r * columns + j];
            if (v == v) {
                int k = n++;
                while (k > 0 && c[k - 1] > v) {
                    c[k] = c[k - 1];
                    k--;
                }
                c[k] = v;
            } else {
                c[--nanFrom] = v;
            }
        }
    }
}
