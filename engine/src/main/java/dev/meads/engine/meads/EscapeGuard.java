package dev.meads.engine.meads;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.simd.ColumnRanks;
import dev.meads.engine.simd.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds chains that have left the rest of the ensemble, so that one escaped chain cannot
 * inflate a fold's σ and drive every step size towards zero (the collapse seen in the Python
 * implementation). A chain has escaped when
 * <ul>
 *   <li>its log density lies more than {@code logDensityDistance} robust standard deviations
 *       (interquartile range / 1.349, at least 1) below the ensemble median, or</li>
 *   <li>one of its coordinates lies more than {@code distance} robust standard deviations
 *       from the ensemble median, or</li>
 *   <li>at least {@code divergences} of its last {@link #WINDOW} transitions diverged, or</li>
 *   <li>its log density or gradient is not finite.</li>
 * </ul>
 * Robust statistics over all chains make the test insensitive to the few chains it looks for.
 * The log-density test is the main one: a chain in a far tail of a legitimately heavy-tailed
 * coordinate is still in a region of reasonable density, while an escaped chain is not. The
 * positional test is a backstop for flat directions and is set far out (100 robust sd) because
 * exponential tails in unconstrained space put legitimate chains 20 robust sd out.
 */
public final class EscapeGuard {
    /** Number of recent transitions remembered per chain. */
    public static final int WINDOW = 16;
    /**
     * A chain whose every coordinate lies within this fraction of the positional limit (in
     * robust sd) cannot exceed the limit whatever the rounding of the division, so the exact
     * per-coordinate test runs only for the chains that fail this screen.
     */
    private static final double SCREEN = 0.99;

    private final int chains;
    private final int d;
    private final double distance;
    private final double logDensityDistance;
    private final int divergences;
    private final int[] history; // bit i set: transition i ago diverged
    private final double[] column;
    private final double[] median;
    private final double[] spread;
    /** Sorted ranks around the three quartiles (type 7), and their values per coordinate. */
    private final int[] quartileRanks;
    private final double[] quartileValues;
    private final ColumnRanks columnRanks;
    /** {@link #SCREEN}·distance·spread per coordinate: chains within it everywhere cannot be flagged. */
    private final double[] screen;
    private final Kernels kernels = Kernels.get();

    public EscapeGuard(int chains, int dimension, double distance, double logDensityDistance, int divergences) {
        this.chains = chains;
        this.d = dimension;
        this.distance = distance;
        this.logDensityDistance = logDensityDistance;
        this.divergences = divergences;
        this.history = new int[chains];
        this.column = new double[chains];
        this.median = new double[dimension];
        this.spread = new double[dimension];
        this.screen = new double[dimension];
        if (chains >= 4) {
            this.quartileRanks = new int[6];
            double[] q = {0.25, 0.5, 0.75};
            for (int i = 0; i < 3; i++) {
                double h = (chains - 1) * q[i];
                int lo = (int) Math.floor(h);
                quartileRanks[2 * i] = lo;
                quartileRanks[2 * i + 1] = Math.min(lo + 1, chains - 1);
            }
            this.quartileValues = new double[6 * dimension];
            this.columnRanks = ColumnRanks.create(chains, dimension);
        } else {
            this.quartileRanks = null;
            this.quartileValues = null;
            this.columnRanks = null;
        }
    }

    /** Records whether chain {@code c}'s latest transition diverged. */
    public void record(int c, boolean divergent) {
        history[c] = ((history[c] << 1) | (divergent ? 1 : 0)) & ((1 << WINDOW) - 1);
    }

    /** Forgets chain {@code c}'s divergence history (after a restart). */
    public void reset(int c) {
        history[c] = 0;
    }

    /**
     * The chains of {@code block} that have escaped, at most one event per chain, in chain order
     * (an immutable empty list when there are none, so that a check allocates nothing).
     * Needs at least 4 chains for the positional test (quartiles); with fewer only the other
     * tests apply.
     */
    public List<EscapeEvent> find(ChainBlock block, int iteration) {
        List<EscapeEvent> events = List.of(); // replaced by a list of our own at the first event
        double[] x = block.positions();
        double[] g = block.gradients();
        double[] lp = block.logDensities();
        boolean positional = chains >= 4;
        double lpMedian = Double.NaN;
        double lpSpread = Double.NaN;
        if (positional) {
            int finite = 0;
            for (int c = 0; c < chains; c++) {
                if (Double.isFinite(lp[c])) {
                    column[finite++] = lp[c];
                }
            }
            if (finite >= 4) {
                Arrays.sort(column, 0, finite);
                lpMedian = quantile(finite, 0.5);
                lpSpread = Math.max(1.0, (quantile(finite, 0.75) - quantile(finite, 0.25)) / 1.349);
            }
            // every coordinate's quartiles across the chains, 8 coordinates at a time
            columnRanks.select(x, quartileRanks, quartileValues);
            for (int j = 0; j < d; j++) {
                median[j] = quartile(1, j, 0.5);
                spread[j] = (quartile(2, j, 0.75) - quartile(0, j, 0.25)) / 1.349;
                screen[j] = SCREEN * distance * spread[j];
            }
        }
        for (int c = 0; c < chains; c++) {
            if (!Double.isFinite(lp[c]) || !kernels.allFinite(g, c * d, d)) {
                events = add(events,
                        new EscapeEvent(iteration, c, EscapeEvent.Reason.NON_FINITE_STATE, lp[c], -1, -1));
                continue;
            }
            int recent = Integer.bitCount(history[c]);
            if (recent >= divergences) {
                events = add(events,
                        new EscapeEvent(iteration, c, EscapeEvent.Reason.REPEATED_DIVERGENCES, recent, -1, -1));
                continue;
            }
            double below = (lpMedian - lp[c]) / lpSpread;
            if (below > logDensityDistance) {
                events = add(events, new EscapeEvent(iteration, c, EscapeEvent.Reason.LOW_LOG_DENSITY, below, -1, -1));
                continue;
            }
            if (positional && kernels.anyAbsDeviationBeyond(x, c * d, median, 0, screen, 0, d)) {
                double worst = 0.0;
                int where = -1;
                for (int j = 0; j < d; j++) {
                    double s = spread[j];
                    if (s > 0) {
                        double z = Math.abs(x[c * d + j] - median[j]) / s;
                        if (!(z <= worst)) {
                            worst = z;
                            where = j;
                        }
                    }
                }
                if (!(worst <= distance)) {
                    events = add(events,
                            new EscapeEvent(iteration, c, EscapeEvent.Reason.EXTREME_POSITION, worst, where, -1));
                }
            }
        }
        return events;
    }

    private static List<EscapeEvent> add(List<EscapeEvent> events, EscapeEvent e) {
        List<EscapeEvent> out = events.isEmpty() ? new ArrayList<>() : events;
        out.add(e);
        return out;
    }

    /**
     * Type-7 quantile {@code q} of coordinate j from its two sorted neighbours
     * {@code quartileValues[(2i)·d + j]} and {@code [(2i+1)·d + j]}: the same arithmetic as
     * {@link #quantile(int, double)} on a sorted column.
     */
    private double quartile(int i, int j, double q) {
        double h = (chains - 1) * q;
        int lo = (int) Math.floor(h);
        double low = quartileValues[2 * i * d + j];
        double high = quartileValues[(2 * i + 1) * d + j];
        return low + (h - lo) * (high - low);
    }

    /** Type-7 quantile of the first {@code n} sorted values of the scratch column. */
    private double quantile(int n, double q) {
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return column[lo] + (h - lo) * (column[hi] - column[lo]);
    }
}
