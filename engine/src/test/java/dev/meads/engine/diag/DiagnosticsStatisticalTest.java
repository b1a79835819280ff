package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.simd.Kernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistical checks of ALGORITHMS.md §8.5 on targets with known answers, fixed seeds.
 *
 * <p>Margins. For iid draws Geyer's truncation usually stops at T = 2, τ̂ ≈ 1 + 2ρ̂₁ + ρ̂₂ with
 * sd(ρ̂) ≈ 1/√S, so sd(ESS)/ESS ≈ √5/√4000 ≈ 3.5%; keeping a pair only while its sum is positive
 * biases τ̂ up, ESS down by a few percent. One seed's ESS is therefore held to ±15% (≈ 3 sd
 * around the biased centre) and the mean over five seeds (sd ≈ 1.6%) to the ±10% of §8.5. For
 * AR(1) with φ = 0.9 and S = 80000 the ESS estimate's relative sd is about 4–5% (the sum runs
 * over ~2/(1−φ) lags of ρ̂ with sd ≈ √(τ/S) each), so ±20% is about 4 sd.
 */
class DiagnosticsStatisticalTest {

    private static double[] iidNormal(long seed, int chains, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[chains * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        return y;
    }

    /** Stationary AR(1) chains with unit innovations, each started from N(0, 1/(1−φ²)). */
    private static double[] ar1(long seed, double phi, int chains, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[chains * n];
        for (int c = 0; c < chains; c++) {
            double v = r.nextGaussian() / Math.sqrt(1 - phi * phi);
            for (int i = 0; i < n; i++) {
                v = phi * v + r.nextGaussian();
                y[c * n + i] = v;
            }
        }
        return y;
    }

    @Test
    void iidNormalDrawsLookConverged() {
        Diagnostics diag = new Diagnostics();
        double bulkSum = 0;
        double meanSum = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] y = iidNormal(seed, 4, 1000);
            double rhat = diag.rhat(y, 4, 1000);
            assertTrue(rhat < 1.01 && rhat >= 0.99, "seed " + seed + ": rhat " + rhat);
            double bulk = diag.essBulk(y, 4, 1000);
            double essMean = diag.essMean(y, 4, 1000);
            assertEquals(4000, bulk, 600, "seed " + seed + ": ess_bulk");
            assertEquals(4000, essMean, 600, "seed " + seed + ": ess_mean");
            bulkSum += bulk;
            meanSum += essMean;
        }
        assertEquals(4000, bulkSum / 5, 400, "ess_bulk averaged over seeds");
        assertEquals(4000, meanSum / 5, 400, "ess_mean averaged over seeds");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void iidNormalMcseAndTailEss(long seed) {
        double[] y = iidNormal(seed, 4, 1000);
        Diagnostics diag = new Diagnostics();
        // The mean's MCSE is sd/sqrt(ESS) ≈ 1/sqrt(4000).
        assertEquals(1 / Math.sqrt(4000), diag.mcseMean(y, 4, 1000), 0.1 / Math.sqrt(4000));
        // Tail ESS of indicators is noisier but of the same order.
        double tail = diag.essTail(y, 4, 1000);
        assertTrue(tail > 2800 && tail < 5200, "ess_tail " + tail);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void ar1EssMatchesTheory(long seed) {
        double phi = 0.9;
        int chains = 4;
        int n = 20000;
        double[] y = ar1(seed, phi, chains, n);
        double expected = chains * n * (1 - phi) / (1 + phi);
        Diagnostics diag = new Diagnostics();
        double ess = diag.essMean(y, chains, n);
        assertEquals(expected, ess, 0.2 * expected, "ess_mean");
        assertEquals(expected, diag.essBulk(y, chains, n), 0.2 * expected, "ess_bulk");
        assertTrue(diag.rhat(y, chains, n) < 1.01);
        // The FFT path (forced) and direct dot products give the same estimate.
        double viaFft = new Diagnostics(Kernels.get(), 0).essMean(y, chains, n);
        assertEquals(ess, viaFft, 1e-9 * ess);
    }

    @Test
    void slowlyMixingChainSwitchesToFftAndAgreesWithDirectSums() {
        // φ = 0.995 needs hundreds of lags: the default engine goes past its direct-lag limit.
        double[] y = ar1(21, 0.995, 4, 4000);
        double viaDefault = new Diagnostics().essBulk(y, 4, 4000);
        double direct = new Diagnostics(Kernels.get(), Integer.MAX_VALUE).essBulk(y, 4, 4000);
        assertEquals(direct, viaDefault, 1e-9 * direct);
        assertTrue(direct < 400, "strongly autocorrelated chains: ess " + direct);
    }

    @Test
    void shiftedChainMeansGiveLargeRhat() {
        double[] y = iidNormal(7, 4, 1000);
        for (int i = 0; i < 1000; i++) {
            y[3 * 1000 + i] += 1.0;
        }
        Diagnostics diag = new Diagnostics();
        // B/W ≈ n·var(means)/1 = 1000·0.1875 → R̂ ≈ sqrt(1 + 0.1875) ≈ 1.09 for the basic statistic.
        assertTrue(diag.rhat(y, 4, 1000) > 1.05, "rhat " + diag.rhat(y, 4, 1000));
        assertTrue(diag.rhatBasic(y, 4, 1000) > 1.05);
        assertTrue(diag.rhatUnsplit(y, 4, 1000) > 1.05);
        assertTrue(diag.rhatNested(y, 4, 1000, 2) > 1.01);
    }

    @Test
    void differentScalesAreCaughtByTheFoldedTail() {
        double[] y = iidNormal(8, 4, 1000);
        for (int i = 0; i < 1000; i++) {
            y[3 * 1000 + i] *= 3.0;
        }
        Diagnostics diag = new Diagnostics();
        double bulk = diag.rhatBulk(y, 4, 1000);
        double tail = diag.rhatTail(y, 4, 1000);
        assertTrue(bulk < 1.01, "bulk rhat " + bulk);
        assertTrue(tail > 1.05, "tail rhat " + tail);
        assertEquals(tail, diag.rhat(y, 4, 1000));
    }
}
