package dev.meads.engine.meads;

import dev.meads.engine.block.ChainBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds chains that have left the rest of the ensemble, so that one escaped chain cannot
 * inflate a fold's σ and drive every step size towards zero (the collapse seen in the Python
 * implementation). A chain has escaped when
 * <ul>
 *   <li>one of its coordinates lies more than {@code distance} robust standard deviations
 *       (interquartile range / 1.349 over all chains) from the ensemble median, or</li>
 *   <li>at least {@code divergences} of its last {@link #WINDOW} transitions diverged, or</li>
 *   <li>its log density or gradient is not finite.</li>
 * </ul>
 * Robust statistics over all chains make the test insensitive to the few chains it looks for.
 */
public final class EscapeGuard {
    /** Number of recent transitions remembered per chain. */
    public static final int WINDOW = 16;

    private final int chains;
    private final int d;
    private final double distance;
    private final int divergences;
    private final int[] history; // bit i set: transition i ago diverged
    private final double[] column;
    private final double[] median;
    private final double[] spread;

    public EscapeGuard(int chains, int dimension, double distance, int divergences) {
        this.chains = chains;
        this.d = dimension;
        this.distance = distance;
        this.divergences = divergences;
        this.history = new int[chains];
        this.column = new double[chains];
        this.median = new double[dimension];
        this.spread = new double[dimension];
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
     * The chains of {@code block} that have escaped, at most one event per chain, in chain order.
     * Needs at least 4 chains for the positional test (quartiles); with fewer only the other
     * tests apply.
     */
    public List<EscapeEvent> find(ChainBlock block, int iteration) {
        List<EscapeEvent> events = new ArrayList<>();
        double[] x = block.positions();
        double[] g = block.gradients();
        double[] lp = block.logDensities();
        boolean positional = chains >= 4;
        if (positional) {
            for (int j = 0; j < d; j++) {
                for (int c = 0; c < chains; c++) {
                    column[c] = x[c * d + j];
                }
                Arrays.sort(column, 0, chains);
                median[j] = quantile(0.5);
                spread[j] = (quantile(0.75) - quantile(0.25)) / 1.349;
            }
        }
        for (int c = 0; c < chains; c++) {
            if (!Double.isFinite(lp[c]) || !finite(g, c * d)) {
                events.add(new EscapeEvent(iteration, c, EscapeEvent.Reason.NON_FINITE_STATE, lp[c], -1));
                continue;
            }
            int recent = Integer.bitCount(history[c]);
            if (recent >= divergences) {
                events.add(new EscapeEvent(iteration, c, EscapeEvent.Reason.REPEATED_DIVERGENCES, recent, -1));
                continue;
            }
            if (positional) {
                double worst = 0.0;
                for (int j = 0; j < d; j++) {
                    double s = spread[j];
                    if (s > 0) {
                        double z = Math.abs(x[c * d + j] - median[j]) / s;
                        if (!(z <= worst)) {
                            worst = z;
                        }
                    }
                }
                if (!(worst <= distance)) {
                    events.add(new EscapeEvent(iteration, c, EscapeEvent.Reason.EXTREME_POSITION, worst, -1));
                }
            }
        }
        return events;
    }

    private double quantile(double q) {
        double h = (chains - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, chains - 1);
        return column[lo] + (h - lo) * (column[hi] - column[lo]);
    }

    private boolean finite(double[] a, int off) {
        for (int j = off; j < off + d; j++) {
            if (!Double.isFinite(a[j])) {
                return false;
            }
        }
        return true;
    }
}
