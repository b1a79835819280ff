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
}
