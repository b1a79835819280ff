package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ALGORITHMS.md §7.10: non-finite, constant and discrete draws, short chains, bad arguments. */
class DiagnosticsEdgeCaseTest {

    private static double[] iid(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            y[i] = r.nextGaussian();
        }
        return y;
    }

    /** Every R-hat, ESS and MCSE of the draws. */
    private static double[] allDiagnostics(Diagnostics d, double[] y, int m, int n) {
        return new double[] {
            d.rhat(y, m, n), d.rhatBulk(y, m, n), d.rhatTail(y, m, n), d.rhatBasic(y, m, n), d.rhatUnsplit(y, m, n),
            d.essBulk(y, m, n), d.essTail(y, m, n), d.essMean(y, m, n), d.essSd(y, m, n),
            d.essQuantile(y, m, n, 0.3), d.mcseMean(y, m, n), d.mcseSd(y, m, n), d.mcseQuantile(y, m, n, 0.5),
            d.rhatNested(y, m, n, 2),
        };
    }

    private static void assertAllNaN(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            assertTrue(Double.isNaN(values[i]), what + ": diagnostic #" + i + " = " + values[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteDrawGivesNaN(double bad) {
        double[] y = iid(1, 400);
        y[137] = bad;
        Diagnostics d = new Diagnostics();
        assertAllNaN(allDiagnostics(d, y, 4, 100), "draw " + bad);
        ParameterSummary s = d.summarise("x", y, 4, 100);
        assertTrue(Double.isNaN(s.rhat()) && Double.isNaN(s.essBulk()) && Double.isNaN(s.essTail())
                && Double.isNaN(s.mcseMean()));
        assertFalse(s.constant());
        if (Double.isNaN(bad)) {
            assertTrue(Double.isNaN(d.quantile(y, 4, 100, 0.5)));
            assertTrue(Double.isNaN(s.median()) && Double.isNaN(s.mean()));
        } else {
            // An infinite draw still has a well-defined median.
            assertTrue(Double.isFinite(d.quantile(y, 4, 100, 0.5)));
            assertEquals(d.quantile(y, 4, 100, 0.5), s.median());
        }
    }

    @Test
    void constantDrawsGiveNaNAndAreFlagged() {
        double[] y = new double[400];
        Arrays.fill(y, 3.25);
        Diagnostics d = new Diagnostics();
        assertAllNaN(allDiagnostics(d, y, 4, 100), "constant");
        assertTrue(Diagnostics.isConstant(y, 400));
        ParameterSummary s = d.summarise("c", y, 4, 100);
        assertTrue(s.constant());
        assertEquals(3.25, s.mean());
        assertEquals(0.0, s.sd());
        assertEquals(3.25, s.median());
        assertEquals(3.25, s.q5());
        assertTrue(Double.isNaN(s.rhat()) && Double.isNaN(s.essBulk()) && Double.isNaN(s.essTail()));
        // A spread below 2.22e-16 counts as constant too.
        double[] tiny = new double[400];
        tiny[7] = 1e-17;
        assertTrue(Diagnostics.isConstant(tiny, 400));
        assertAllNaN(allDiagnostics(d, tiny, 4, 100), "spread 1e-17");
        assertTrue(d.summarise("t", tiny, 4, 100).constant());
    }

    @Test
    void discreteDrawsWithTopQuantileAtTheMaximumGiveNaNTailEssWithoutThrowing() {
        SplittableRandom r = new SplittableRandom(3);
        double[] y = new double[400];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(2);
        }
        Diagnostics d = new Diagnostics();
        // Q95 = 1 = max, so y <= Q95 is always true: constant indicator, NaN (posterior's rule).
        assertTrue(Double.isNaN(d.essQuantile(y, 4, 100, 0.95)));
        assertTrue(Double.isNaN(d.essTail(y, 4, 100)));
        // Bulk ESS and R-hat work on tied ranks.
        assertTrue(Double.isFinite(d.essBulk(y, 4, 100)));
        double rhat = d.rhat(y, 4, 100);
        assertTrue(rhat > 0.99 && rhat < 1.05, "rhat " + rhat);
        ParameterSummary s = d.summarise("k", y, 4, 100);
        assertTrue(Double.isNaN(s.essTail()));
        assertEquals(d.essBulk(y, 4, 100), s.essBulk());
    }

    @Test
    void shortChains() {
        Diagnostics d = new Diagnostics();
        double[] y = iid(4, 64);
        // 3 draws per chain: a split chain has one row, no split R-hat; unsplit R-hat is defined.
        assertTrue(Double.isNaN(d.rhat(y, 4, 3)));
        assertTrue(Double.isNaN(d.rhatBasic(y, 4, 3)));
        assertTrue(Double.isFinite(d.rhatUnsplit(y, 4, 3)));
        // 4 draws per chain is the minimum for split R-hat.
        assertTrue(Double.isFinite(d.rhat(y, 4, 4)));
        // 5 draws: split chains of 2 rows, ESS needs 3.
        assertTrue(Double.isNaN(d.essBulk(y, 4, 5)));
        assertTrue(Double.isNaN(d.essMean(y, 4, 5)));
        // 6 draws: split chains of 3 rows, Geyer's loop cannot start, ESS = S/2.
        assertEquals(4 * 6 / 2.0, d.essMean(y, 4, 6), 1e-12);
        // One chain: no unsplit R-hat, but its two halves give a split R-hat.
        assertTrue(Double.isNaN(d.rhatUnsplit(y, 1, 64)));
        assertTrue(Double.isFinite(d.rhat(y, 1, 64)));
        assertTrue(Double.isFinite(d.essBulk(y, 1, 64)));
        // No draws at all.
        assertAllNaN(allDiagnostics(d, new double[0], 4, 0), "empty");
        ParameterSummary s = d.summarise("e", new double[0], 4, 0);
        assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.median()) && Double.isNaN(s.rhat()));
    }

    @Test
    void badArgumentsAreRejected() {
        Diagnostics d = new Diagnostics();
        double[] y = iid(5, 40);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.rhat(y, 0, 10));
        assertTrue(e.getMessage().contains("chains"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.essBulk(y, 4, 11));
        assertTrue(e.getMessage().contains("40"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.quantile(y, 4, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> d.essQuantile(y, 4, 10, -0.1));
        assertThrows(IllegalArgumentException.class, () -> d.mcseQuantile(y, 4, 10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.rhatNested(y, 4, 10, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> d.rhatNested(y, 4, 10, 3));
        // Unequal superchains or a single one: undefined, NaN.
        assertTrue(Double.isNaN(d.rhatNested(y, 4, 10, new int[] {0, 0, 0, 1})));
        assertTrue(Double.isNaN(d.rhatNested(y, 4, 10, 4)));
        // Any labels work; only the grouping matters.
        assertEquals(d.rhatNested(y, 4, 10, 2), d.rhatNested(y, 4, 10, new int[] {7, 7, -3, -3}), 1e-15);
    }

    @Test
    void longerArrayAndReusedScratchGiveTheSameAnswers() {
        double[] pm = ReferenceDatasets.pm();
        double[] a = ReferenceDatasets.sine(20);
        double[] b = ReferenceDatasets.sine(21);
        Diagnostics shared = new Diagnostics();
        double[] first = allDiagnostics(shared, pm, 4, 100);
        allDiagnostics(shared, a, 4, 20);
        allDiagnostics(shared, b, 4, 21);
        double[] again = allDiagnostics(shared, pm, 4, 100);
        double[] fresh = allDiagnostics(new Diagnostics(), pm, 4, 100);
        assertTrue(Arrays.equals(first, again) && Arrays.equals(first, fresh));
        // Extra values past chains*iterations are ignored.
        double[] padded = Arrays.copyOf(a, 200);
        Arrays.fill(padded, 80, 200, Double.NaN);
        assertTrue(Arrays.equals(allDiagnostics(shared, a, 4, 20), allDiagnostics(shared, padded, 4, 20)));
    }

    @Test
    void extremeQuantileProbabilities() {
        double[] y = iid(6, 400);
        Diagnostics d = new Diagnostics();
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[0], d.quantile(y, 4, 100, 0));
        assertEquals(sorted[399], d.quantile(y, 4, 100, 1));
        // q = 1 uses (S − 0.5)/S so that the indicator is not constant.
        assertTrue(Double.isFinite(d.essQuantile(y, 4, 100, 1)));
        assertTrue(Double.isFinite(d.essQuantile(y, 4, 100, 0)));
    }
}
