package dev.meads.engine.meads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.block.ChainBlock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each way a chain counts as escaped, and no false alarm on a healthy heavy-tailed ensemble. */
class EscapeGuardTest {
    private static final int N = 32;
    private static final int D = 4;

    private static ChainBlock healthy(long seed) {
        ChainBlock b = new ChainBlock(N, D);
        SplittableRandom r = new SplittableRandom(seed);
        for (int c = 0; c < N; c++) {
            double lp = 0;
            for (int j = 0; j < D; j++) {
                double x = r.nextGaussian();
                b.positions()[c * D + j] = x;
                b.gradients()[c * D + j] = -x;
                lp -= 0.5 * x * x;
            }
            b.logDensities()[c] = lp;
        }
        return b;
    }

    private static EscapeGuard guard() {
        return new EscapeGuard(N, D, 100, 25, 8);
    }

    @Test
    void healthyEnsembleHasNoEvents() {
        assertTrue(guard().find(healthy(1), 0).isEmpty());
    }

    @Test
    void exponentialTailsAreNotEscapes() {
        // log-scale coordinate with an exponential left tail: a chain 20 robust sd out is legitimate
        ChainBlock b = healthy(2);
        b.positions()[5 * D + 1] = -20.0;
        b.logDensities()[5] -= 18.0;
        assertTrue(guard().find(b, 0).isEmpty());
    }

    @Test
    void lowLogDensity() {
        ChainBlock b = healthy(3);
        b.logDensities()[7] = -500;
        List<EscapeEvent> e = guard().find(b, 4);
        assertEquals(1, e.size());
        assertEquals(7, e.get(0).chain());
        assertEquals(EscapeEvent.Reason.LOW_LOG_DENSITY, e.get(0).reason());
        assertEquals(4, e.get(0).iteration());
    }

    @Test
    void extremePositionInAFlatDirection() {
        ChainBlock b = healthy(4);
        b.positions()[9 * D + 3] = 1e4; // far out, but the log density does not show it
        List<EscapeEvent> e = guard().find(b, 0);
        assertEquals(1, e.size());
        assertEquals(EscapeEvent.Reason.EXTREME_POSITION, e.get(0).reason());
        assertEquals(3, e.get(0).coordinate());
    }

    @Test
    void repeatedDivergences() {
        ChainBlock b = healthy(5);
        EscapeGuard g = guard();
        for (int t = 0; t < 16; t++) {
            g.record(11, t % 2 == 0);
            g.record(12, t < 7);
        }
        List<EscapeEvent> e = g.find(b, 0);
        assertEquals(1, e.size(), e.toString());
        assertEquals(11, e.get(0).chain());
        assertEquals(EscapeEvent.Reason.REPEATED_DIVERGENCES, e.get(0).reason());
        g.reset(11);
        assertTrue(g.find(b, 0).isEmpty());
    }

    @Test
    void nonFiniteState() {
        ChainBlock b = healthy(6);
        b.gradients()[2 * D] = Double.NaN;
        List<EscapeEvent> e = guard().find(b, 0);
        assertEquals(1, e.size());
        assertEquals(EscapeEvent.Reason.NON_FINITE_STATE, e.get(0).reason());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {4, 7, 16, 64})
    void sameEventsAsSortingEachCoordinate(int chains) {
        // the sorting-network quartiles against the definition: sort each coordinate's column
        int d = 21;
        SplittableRandom r = new SplittableRandom(chains);
        for (int trial = 0; trial < 20; trial++) {
            ChainBlock b = new ChainBlock(chains, d);
            for (int i = 0; i < chains * d; i++) {
                b.positions()[i] = r.nextGaussian() * Math.exp(r.nextGaussian());
                b.gradients()[i] = r.nextGaussian();
            }
            for (int c = 0; c < chains; c++) {
                b.logDensities()[c] = -Math.abs(r.nextGaussian());
            }
            int outlier = r.nextInt(chains);
            b.positions()[outlier * d + r.nextInt(d)] = r.nextBoolean() ? 1e5 : -1e5;
            if (trial % 3 == 0) {
                b.positions()[r.nextInt(chains) * d + 4] = Double.NaN;
            }
            EscapeGuard g = new EscapeGuard(chains, d, 100, 25, 8);
            assertEquals(reference(b, chains, d, 100), g.find(b, trial).stream()
                    .filter(e -> e.reason() == EscapeEvent.Reason.EXTREME_POSITION)
                    .map(e -> e.chain() + ":" + e.coordinate() + ":" + Double.doubleToLongBits(e.detail())).toList());
        }
    }

    /** Positional events by the plain algorithm: per coordinate, sort the column, type-7 quartiles. */
    private static List<String> reference(ChainBlock b, int chains, int d, double distance) {
        double[] median = new double[d];
        double[] spread = new double[d];
        double[] column = new double[chains];
        for (int j = 0; j < d; j++) {
            for (int c = 0; c < chains; c++) {
                column[c] = b.positions()[c * d + j];
            }
            java.util.Arrays.sort(column);
            median[j] = quantile(column, 0.5);
            spread[j] = (quantile(column, 0.75) - quantile(column, 0.25)) / 1.349;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int c = 0; c < chains; c++) {
            double worst = 0.0;
            int where = -1;
            for (int j = 0; j < d; j++) {
                if (spread[j] > 0) {
                    double z = Math.abs(b.positions()[c * d + j] - median[j]) / spread[j];
                    if (!(z <= worst)) {
                        worst = z;
                        where = j;
                    }
                }
            }
            if (!(worst <= distance)) {
                out.add(c + ":" + where + ":" + Double.doubleToLongBits(worst));
            }
        }
        return out;
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
