package dev.meads.engine.diag;

/**
 * Column-averaged autocovariances of the 0/1 indicator {@code x ≤ threshold} of a matrix, from
 * bit sets: for column c with p = (ones)/L,
 * {@code Σ_{i<L-t} (I_i − p)(I_{i+t} − p) = N11(t) − p·(Σ_{i≥t} I_i + Σ_{i<L-t} I_i) + (L−t)p²},
 * where N11(t) counts i with I_i = I_{i+t} = 1 (a popcount of the bit set AND its shift). Each lag
 * costs about L/64 word operations per column instead of L multiply-adds; the tail ESS needs two
 * such matrices per quantity.
 *
 * <p>Reuses its bit sets; not thread-safe.
 */
final class IndicatorAutocovariance implements LagSource {
    private long[] bits = new long[0];
    /** before[c*words + w] = set bits of column c in its words 0..w-1. */
    private int[] before = new int[0];
    private int[] ones = new int[0];
    private int columns;
    private int length;
    private int words;

    /**
     * Loads the indicator of {@code x ≤ threshold} for {@code k} columns of {@code length}
     * (column c at {@code [c*length, ...)}) and returns the total number of ones.
     */
    long reset(double[] x, int k, int length, double threshold) {
        this.columns = k;
        this.length = length;
        this.words = (length + 63) >>> 6;
        int needed = k * words;
        if (bits.length < needed) {
            bits = new long[needed];
            before = new int[needed];
        }
        if (ones.length < k) {
            ones = new int[k];
        }
        long total = 0;
        for (int c = 0; c < k; c++) {
            int base = c * words;
            int off = c * length;
            int count = 0;
            for (int w = 0; w < words; w++) {
                int start = w << 6;
                int n = Math.min(length, start + 64) - start;
                int src = off + start;
                // Branch-free (the outcome is unpredictable), four independent OR chains.
                long w0 = 0;
                long w1 = 0;
                long w2 = 0;
                long w3 = 0;
                int i = 0;
                for (; i + 3 < n; i += 4) {
                    w0 |= (x[src + i] <= threshold ? 1L : 0L) << i;
                    w1 |= (x[src + i + 1] <= threshold ? 1L : 0L) << (i + 1);
                    w2 |= (x[src + i + 2] <= threshold ? 1L : 0L) << (i + 2);
                    w3 |= (x[src + i + 3] <= threshold ? 1L : 0L) << (i + 3);
                }
                for (; i < n; i++) {
                    w0 |= (x[src + i] <= threshold ? 1L : 0L) << i;
                }
                long word = (w0 | w1) | (w2 | w3);
                bits[base + w] = word;
                before[base + w] = count;
                count += Long.bitCount(word);
            }
            ones[c] = count;
            total += count;
        }
        return total;
    }

    /** Mean of column c of the indicator. */
    double columnMean(int c) {
        return ones[c] / (double) length;
    }

    @Override
    public double lag(int t) {
        double sum = 0;
        for (int c = 0; c < columns; c++) {
            int base = c * words;
            double p = ones[c] / (double) length;
            long both = overlap(base, t);
            long firstPart = prefixCount(base, length - t);          // Σ_{i<L-t} I_i
            long lastPart = ones[c] - prefixCount(base, t);          // Σ_{i≥t} I_i
            sum += both - p * (firstPart + lastPart) + (length - t) * p * p;
        }
        return sum / ((double) length * columns);
    }

    /** Number of set bits among the first {@code n} bits of the column at word {@code base}. */
    private long prefixCount(int base, int n) {
        int full = n >>> 6;
        int rest = n & 63;
        if (rest == 0) {
            return full == 0 ? 0 : before[base + full - 1] + Long.bitCount(bits[base + full - 1]);
        }
        return before[base + full] + Long.bitCount(bits[base + full] & ((1L << rest) - 1));
    }

    /** Number of i with bit i and bit i+t both set (bits past the column length are zero). */
    private long overlap(int base, int t) {
        int shiftWords = t >>> 6;
        int shiftBits = t & 63;
        long count = 0;
        for (int w = 0; w + shiftWords < words; w++) {
            int src = base + w + shiftWords;
            long shifted = bits[src] >>> shiftBits;
            if (shiftBits != 0 && w + shiftWords + 1 < words) {
                shifted |= bits[src + 1] << (64 - shiftBits);
            }
            count += Long.bitCount(bits[base + w] & shifted);
        }
        return count;
    }
}
