package dev.meads.engine.simd;

/**
 * Order statistics of every column of a row-major block, e.g. per-coordinate quantiles across
 * the chains of an ensemble (rows = chains, columns = coordinates). For each column the values
 * are ordered as {@link java.util.Arrays#sort(double[])} orders them (NaN last) and the
 * requested ranks are read out; −0.0 and 0.0 count as equal, so which of the two a rank between
 * them gives is unspecified. Two twins: {@link ScalarColumnRanks} (copy and sort each column)
 * and {@link PanamaColumnRanks} (a sorting network run on 8 columns at once); they give equal
 * values. Instances keep scratch space: one per thread.
 */
public interface ColumnRanks {

    /**
     * For each column {@code j < d} of the {@code rows × d} block {@code x} (row r at
     * {@code x[r*d .. r*d+d)}), writes the value of 0-based sorted rank {@code ranks[q]} to
     * {@code out[q*d + j]}.
     */
    void select(double[] x, int[] ranks, double[] out);

    /** The implementation for the current thread (see {@link Kernels#get()}), for blocks of {@code rows × columns}. */
    static ColumnRanks create(int rows, int columns) {
        return KernelProvider.vectorAvailable() ? PanamaColumnRanks.create(rows, columns)
                : new ScalarColumnRanks(rows, columns);
    }
}
