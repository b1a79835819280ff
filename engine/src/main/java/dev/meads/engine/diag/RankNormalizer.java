package dev.meads.engine.diag;

import java.util.Arrays;

/**
 * Sorting and rank normalisation (ALGORITHMS.md §7.2) of the draws of one quantity.
 *
 * <p>{@link #sort} orders all values once, keeping each value's source index: the keys are
 * order-preserving 64-bit images of the doubles whose lowest bits are replaced by the index, and
 * are sorted with {@link Arrays#sort(long[], int, int)}; runs whose truncated keys collide (values
 * within about 2^-(52-b) of each other, b = index bits) are re-sorted exactly on their low bits,
 * so the order is exact for every input. From that one sort come the quantiles, the ranks of the
 * draws ({@link #zScale}), and the order of the folded draws |y − median| by merging the two
 * halves around the median ({@link #sortFolded}), which avoids a second sort. Indices are
 * positions in whatever array was sorted; {@link Diagnostics} sorts the split layout so that an
 * index is directly the place of its z-score.
 *
 * <p>Owns its scratch; not thread-safe.
 */
final class RankNormalizer {
    private long[] keys = new long[0];
    private int[] order = new int[0];
    private double[] sorted = new double[0];
    private int[] foldOrder = new int[0];
    private double[] foldSorted = new double[0];
    private double[] runValuesBelow = new double[2];
    private double[] runValuesAbove = new double[2];
    private int[] runIndexBelow = new int[2];
    private int[] runIndexAbove = new int[2];
    /** See {@link #zByTwiceRank}. */
    private double[] zTable = new double[0];
    /** Scratch of {@link #scale}: per position, the kept elements before the end of its run of ties. */
    private int[] runEnds = new int[0];
    private int zTableCount = -1;
    private int count;

    /**
     * Sorts {@code y[0 .. s)}, which must all be finite.
     *
     * <p>Each pass over the values is a method of its own: a summary calls this a few hundred
     * times on tens of thousands of values, so a fresh JVM compiles its loops on stack
     * replacement, one compilation per loop of the method that holds it; small methods keep
     * each of those compilations small.
     */
    void sort(double[] y, int s) {
        ensure(s);
        count = s;
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(s - 1));
        long mask = (1L << bits) - 1;
        fillKeys(y, s, mask, keys);
        Arrays.sort(keys, 0, s);
        if (!gather(y, keys, s, mask, order, sorted)) {
            repairRuns(y, keys, s, bits, mask);
            gather(y, keys, s, mask, order, sorted);
        }
    }

    /** Keys: the ordered image of each value with its index in the low bits. */
    private static void fillKeys(double[] y, int s, long mask, long[] k) {
        for (int i = 0; i < s; i++) {
            k[i] = (orderedBits(y[i]) & ~mask) | i;
        }
    }

    /**
     * Re-sorts exactly every run of sorted keys whose high bits collide and whose values are out
     * of order. Only called when {@link #gather} found a descent: equal values (a rejected
     * proposal repeats a draw, so a third of a quantity's draws can be ties) collide too, but
     * their keys are already in the order wanted, by index.
     */
    private static void repairRuns(double[] y, long[] k, int s, int bits, long mask) {
        int start = 0;
        while (start < s) {
            long high = k[start] & ~mask;
            int end = start + 1;
            while (end < s && (k[end] & ~mask) == high) {
                end++;
            }
            if (end - start > 1) {
                repairRun(y, k, start, end, bits, mask, high);
            }
            start = end;
        }
    }

    /**
     * The indices and values in the order of the sorted keys; returns whether the values come
     * out non-decreasing, i.e. whether that order is already exact (values, then indices).
     */
    private static boolean gather(double[] y, long[] k, int s, long mask, int[] o, double[] v) {
        int descents = 0;
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            int idx = (int) (k[i] & mask);
            double value = y[idx];
            o[i] = idx;
            v[i] = value;
            descents |= value < previous ? 1 : 0;
            previous = value;
        }
        return descents == 0;
    }

    /**
     * Values in one run share their high key bits, so their true order is that of the low bits of
     * their ordered images; re-key them as (low bits, index) and sort the run again.
     */
    private static void repairRun(double[] y, long[] k, int start, int end, int bits, long mask, long high) {
        boolean ordered = true;
        for (int i = start + 1; i < end && ordered; i++) {
            ordered = y[(int) (k[i - 1] & mask)] <= y[(int) (k[i] & mask)];
        }
        if (ordered) {
            return;
        }
        for (int i = start; i < end; i++) {
            int idx = (int) (k[i] & mask);
            k[i] = ((orderedBits(y[idx]) & mask) << bits) | idx;
        }
        Arrays.sort(k, start, end);
        for (int i = start; i < end; i++) {
            k[i] = high | (k[i] & mask);
        }
    }

    /** A long whose signed order is the numeric order of the (non-NaN) double. */
    static long orderedBits(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    /** Number of values last sorted. */
    int count() {
        return count;
    }

    /** Source indices in ascending order of value (valid up to {@link #count()}). */
    int[] order() {
        return order;
    }

    /** The values in ascending order (valid up to {@link #count()}). */
    double[] sorted() {
        return sorted;
    }

    /** Source indices of |y − median| in ascending order, after {@link #sortFolded}. */
    int[] foldOrder() {
        return foldOrder;
    }

    /** |y − median| in ascending order, after {@link #sortFolded}. */
    double[] foldSorted() {
        return foldSorted;
    }

    /**
     * Orders the folded values |y − center| from the sorted values: those ≥ center ascend from
     * the first such value, those below it ascend going down from there; merge both runs.
     *
     * <p>The merge is bound by the latency of its loop-carried choice (load, compare, advance),
     * not by throughput, so it runs two independent merges in one loop: the smallest half from
     * the front and the largest half from the back, with tie rules that agree (at equal values
     * the up-run comes first). The runs are copied out between −∞/+∞ sentinels and the choice is
     * taken from the sign bit of a − b, so the loop has neither bounds tests nor unpredictable
     * branches.
     */
    void sortFolded(double center) {
        int s = count;
        int split = lowerBound(sorted, s, center);
        int below = split;
        int above = s - split;
        // Runs at [1 .. len], sentinel −∞ at 0 (for the back merge) and +∞ at len+1 (front merge).
        foldDown(sorted, order, split, center, runValuesBelow, runIndexBelow);
        foldUp(sorted, order, split, s, center, runValuesAbove, runIndexAbove);
        merge(runValuesBelow, runIndexBelow, below, runValuesAbove, runIndexAbove, above, foldSorted, foldOrder);
    }

    /** The values below {@code center} at {@code [0 .. split)}, folded, nearest first, between sentinels. */
    private static void foldDown(double[] v, int[] order, int split, double center, double[] f, int[] idx) {
        f[0] = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < split; j++) {
            f[j + 1] = Math.abs(v[split - 1 - j] - center);
            idx[j + 1] = order[split - 1 - j];
        }
        f[split + 1] = Double.POSITIVE_INFINITY;
    }

    /** The values from {@code split} on, folded, nearest first, between sentinels. */
    private static void foldUp(double[] v, int[] order, int split, int s, double center, double[] f, int[] idx) {
        int above = s - split;
        f[0] = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < above; j++) {
            f[j + 1] = Math.abs(v[split + j] - center);
            idx[j + 1] = order[split + j];
        }
        f[above + 1] = Double.POSITIVE_INFINITY;
    }

    /** Merges the two folded runs (see {@link #sortFolded}) into {@code out} and {@code outIndex}. */
    private static void merge(double[] fDown, int[] iDown, int below, double[] fUp, int[] iUp, int above,
            double[] out, int[] outIndex) {
        int s = below + above;
        int front = s / 2;
        int i = 1;              // next unconsumed of the down-run, front merge
        int j = 1;              // next unconsumed of the up-run, front merge
        int backI = below;      // last unconsumed of the down-run, back merge
        int backJ = above;      // last unconsumed of the up-run, back merge
        for (int k = 0; k < s - front; k++) {
            if (k < front) {
                double a = fDown[i];
                double b = fUp[j];
                int takeUp = 1 - (int) (Double.doubleToRawLongBits(a - b) >>> 63); // b <= a
                out[k] = Math.min(a, b);
                int ia = iDown[i];
                outIndex[k] = ia + takeUp * (iUp[j] - ia);
                j += takeUp;
                i += 1 - takeUp;
            }
            double a = fDown[backI];
            double b = fUp[backJ];
            int takeDown = 1 - (int) (Double.doubleToRawLongBits(a - b) >>> 63); // a >= b
            int o = s - 1 - k;
            out[o] = Math.max(a, b);
            int ib = iUp[backJ];
            outIndex[o] = ib + takeDown * (iDown[backI] - ib);
            backI -= takeDown;
            backJ -= 1 - takeDown;
        }
    }

    /** First position in {@code v[0 .. s)} holding a value ≥ {@code x}. */
    private static int lowerBound(double[] v, int s, double x) {
        int lo = 0;
        int hi = s;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Rank-normalises the values given in ascending order ({@code ord}, {@code vals}, length
     * {@code s}): element {@code ord[i]} is kept when {@code ord[i] < retained}, and its z-score
     * Φ⁻¹((r − 3/8)/(R + 1/4)) goes to {@code out[ord[i]]}, where r is its rank among the
     * {@code retained} kept elements, ties sharing their average rank. (The split layout puts the
     * dropped middle draws of odd chains after the retained ones.)
     */
    void zScale(int[] ord, double[] vals, int s, int retained, double[] out) {
        if (runEnds.length < s) {
            runEnds = new int[s];
        }
        scale(ord, vals, s, retained, zByTwiceRank(retained), runEnds, out);
    }

    /**
     * {@link #zScale} in two passes without branches on the values: a rejected proposal repeats
     * a draw, so runs of ties are frequent and irregular (a third of the IRT draws), and a loop
     * branching on them cannot predict its branches. A run of equal values at positions [a, b) has the
     * average rank (K(a) + 1 + K(b)) / 2 among the kept elements, where K(p) counts the kept
     * elements before position p: the backward pass stores K(b) of each position's run, the
     * forward pass carries K(a).
     */
    private static void scale(int[] ord, double[] vals, int s, int retained, double[] zByTwiceRank,
            int[] keptBeforeRunEnd, double[] out) {
        int keptAfter = 0;       // kept elements after position i
        int keptFromRunEnd = 0;  // kept elements from the end of i's run on
        double next = Double.NaN; // never equal to a value
        for (int i = s - 1; i >= 0; i--) {
            double v = vals[i];
            int inRun = v == next ? 1 : 0;
            keptFromRunEnd = keptAfter + inRun * (keptFromRunEnd - keptAfter);
            keptBeforeRunEnd[i] = retained - keptFromRunEnd;
            keptAfter += ord[i] < retained ? 1 : 0;
            next = v;
        }
        int keptBefore = 0;      // kept elements before position i
        int keptBeforeRun = 0;   // kept elements before i's run
        double previous = Double.NaN;
        for (int i = 0; i < s; i++) {
            double v = vals[i];
            int inRun = v == previous ? 1 : 0;
            keptBeforeRun = keptBefore + inRun * (keptBeforeRun - keptBefore);
            int idx = ord[i];
            if (idx < retained) { // false only for the few dropped middle draws
                // twice the average rank, minus 2: the table's index
                out[idx] = zByTwiceRank[keptBeforeRun + keptBeforeRunEnd[i] - 1];
                keptBefore++;
            }
            previous = v;
        }
    }

    /** Φ⁻¹ of the Blom-offset rank, (r − 3/8) / (S − 2·3/8 + 1). */
    static double zOfRank(double rank, int s) {
        return NormalQuantile.inverseCdf((rank - 0.375) / (s - 0.75 + 1));
    }

    /**
     * z-scores of the ranks 1, 1.5, 2, ..., s among s, at index 2·rank − 2 (whole ranks for
     * distinct values, half ranks for runs of an even number of ties), cached while s stays the
     * same.
     */
    private double[] zByTwiceRank(int s) {
        if (zTableCount != s) {
            if (zTable.length < 2 * s - 1) {
                zTable = new double[2 * s - 1];
            }
            for (int k = 0; k < 2 * s - 1; k++) {
                zTable[k] = zOfRank((k + 2) / 2.0, s);
            }
            zTableCount = s;
        }
        return zTable;
    }

    private void ensure(int s) {
        if (keys.length < s) {
            keys = new long[s];
            order = new int[s];
            sorted = new double[s];
            foldOrder = new int[s];
            foldSorted = new double[s];
            runEnds = new int[s];
            runValuesBelow = new double[s + 2];
            runValuesAbove = new double[s + 2];
            runIndexBelow = new int[s + 2];
            runIndexAbove = new int[s + 2];
        }
    }
}
