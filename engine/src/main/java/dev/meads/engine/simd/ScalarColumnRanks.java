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
        for (int r = 0; r < rows; r++) {
            column[r] = x[r * columns + j];
        }
        Arrays.sort(column);
        for (int q = 0; q < ranks.length; q++) {
            out[q * columns + j] = column[ranks[q]];
        }
    }
}
