package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.rng.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stan-style window adaptation end to end, the step-size search, cancellation and bad input. */
class NutsWarmupTest {
    private static final double Z = 4.0;

    private static NutsSampler sampler(LogDensity model, NutsOptions options, long seed) {
        return new NutsSampler(model, options, RandomStreams.forChain(seed, "nuts-warmup-test", 0));
    }

    @Test
    void adaptsToScaledGaussianFromAFarStart() {
        int d = 10;
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = j + 1;
        }
        NutsSampler s = sampler(new TestTargets.IndependentNormal(sd), NutsOptions.defaults(), 41);
        double[] x0 = new double[d];
        Arrays.fill(x0, 5.0);
        WarmupResult w = s.warmup(x0, 1000);
        assertEquals(1000, w.iterationsCompleted());
        assertFalse(w.cancelled());
        assertEquals(5, w.metricUpdates());
        double[] minv = w.inverseMetric().diagonal();
        for (int j = 0; j < d; j++) {
            double ratio = minv[j] / (sd[j] * sd[j]);
            assertTrue(ratio > 0.75 && ratio < 1.25, "Minv / variance for coordinate " + j + ": " + ratio);
        }
        assertEquals(w.stepSize(), s.stepSize());

        NutsDraws draws = s.sample(2000);
        double accept = draws.meanAcceptStat();
        assertTrue(accept > 0.7 && accept < 0.95, "mean accept stat " + accept);
        assertTrue(draws.meanTreeDepth() > 2 && draws.meanTreeDepth() < 4, "mean tree depth " + draws.meanTreeDepth());
        for (int j = 0; j < d; j++) {
            double[] x = new double[draws.size()];
            double[] sq = new double[draws.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = draws.position(i, j) / sd[j];
                sq[i] = x[i] * x[i];
            }
            BatchMeans mean = BatchMeans.of(x, 20);
            BatchMeans var = BatchMeans.of(sq, 20);
            assertTrue(mean.z(0) < Z, "standardised mean of coordinate " + j + ": " + mean);
            assertTrue(var.z(1) < Z, "standardised variance of coordinate " + j + ": " + var);
        }
        long leapfrogs = Arrays.stream(draws.leapfrogSteps()).asLongStream().sum();
        assertEquals(leapfrogs, draws.gradientEvaluations(), "one model evaluation per leapfrog step while sampling");
    }

    @Test
    void denseAdaptationLearnsTheCovariance() {
        TestTargets.CorrelatedNormal2 model = new TestTargets.CorrelatedNormal2(0.95);
        NutsSampler s = sampler(model, NutsOptions.defaults().withMetricKind(MetricKind.DENSE), 43);
        WarmupResult w = s.warmup(new double[] {2, -2}, 1000);
        assertEquals(MetricKind.DENSE, w.inverseMetric().kind());
        double[] m = w.inverseMetric().matrix();
        // The last window (500 draws) estimates each variance with a relative sd of about 0.11
        // here (40 seeds: 0.69 to 1.20, mean 0.975); the correlation is estimated more tightly.
        assertTrue(m[0] > 0.6 && m[0] < 1.4 && m[3] > 0.6 && m[3] < 1.4, Arrays.toString(m));
        double corr = m[1] / Math.sqrt(m[0] * m[3]);
        assertTrue(corr > 0.9 && corr < 0.98, "adapted correlation " + corr);
        NutsDraws draws = s.sample(1000);
        assertTrue(draws.meanTreeDepth() < 3.2, "isotropic after adaptation: depth " + draws.meanTreeDepth());
    }

    @Test
    void shortWarmupAdaptsOnlyTheStepSize() {
        NutsSampler s = sampler(new TestTargets.IndependentNormal(3.0, 0.2), NutsOptions.defaults(), 47);
        WarmupResult w = s.warmup(new double[] {1, 0.1}, 19);
        assertEquals(List.of(), w.metricWindows());
        assertEquals(0, w.metricUpdates());
        assertEquals(List.of(1.0, 1.0), Arrays.stream(w.inverseMetric().diagonal()).boxed().toList());
        assertNotEquals(1.0, w.stepSize());
        assertTrue(w.stepSize() < 0.5, "a unit metric on sd 0.2 needs a small step: " + w.stepSize());
    }

    @Test
    void muFollowsStanQuirkUserStepBeforeTheFirstWindowThenSearchedStep() {
        LogDensity model = new TestTargets.IndependentNormal(0.05, 0.05);
        NutsKernel k = new NutsKernel(model, NutsOptions.defaults(), DiagonalInverseMetric.unit(2), 1.0,
                RandomStreams.forChain(53, "test", 0));
        k.setPosition(new double[] {0.01, -0.01});
        WindowAdaptation a = new WindowAdaptation(k, 20, NutsOptions.defaults().withInitialStepSize(2.0));
        a.begin();
        assertTrue(k.stepSize() < 0.2, "searched step size " + k.stepSize());
        assertEquals(Math.log(20.0), a.dualAveraging().mu(), 1e-15, "mu from the user's step size, not the searched one");
        for (int c = 0; c < 20; c++) {
            k.transition();
            a.afterTransition(c);
            if (c == 17) { // the only window of W = 20 closes here
                assertEquals(1, a.metricUpdates());
                assertEquals(Math.log(10 * k.stepSize()), a.dualAveraging().mu(), 1e-15);
                assertEquals(0, a.dualAveraging().iterations());
            }
        }
        assertEquals(2, a.dualAveraging().iterations());
        a.finish();
        assertEquals(a.dualAveraging().averagedStepSize(), k.stepSize());
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0, 3", "0.01, 1.28, 9", "4.0, 1.0, 4"})
    void stepSizeSearchDoublesOrHalvesLikeStan(double start, double expected, int trials) {
        // Unit normal from x = 0 with momentum 1: one step of size ε changes H by ε⁴/8, so the
        // acceptance exp(−ε⁴/8) crosses 0.8 at ε ≈ 1.156.
        ScriptedRandom rng = new ScriptedRandom(new double[0], new double[] {1.0}, true);
        NutsKernel k = new NutsKernel(TestTargets.IndependentNormal.standard(1), NutsOptions.defaults(),
                DiagonalInverseMetric.unit(1), 1.0, rng);
        k.setPosition(new double[] {0.0});
        assertEquals(expected, k.searchStepSize(start), 1e-12);
        assertEquals(trials, rng.normalsUsed(), "one momentum per trial, the first step size tried twice");
        assertEquals(0.0, k.position()[0], 0.0, "the search leaves the chain where it was");
    }

    @Test
    void stepSizeSearchRejectsImproperTargets() {
        LogDensity flat = TestTargets.oneDimensional("flat", new TestTargets.Scalar1d() {
            public double logp(double x) {
                return 0;
            }

            public double grad(double x) {
                return 0;
            }
        });
        NutsSampler s = sampler(flat, NutsOptions.defaults(), 59);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.warmup(new double[] {0}, 100));
        assertTrue(e.getMessage().contains("flat") && e.getMessage().contains("improper"), e.getMessage());
    }

    @Test
    void nanGradientHalfSpaceNeverBreaksTheRun() {
        for (boolean nanDensity : new boolean[] {false, true}) {
            TestTargets.BrokenHalfSpace model = new TestTargets.BrokenHalfSpace(3, 0.3, nanDensity);
            NutsSampler s = sampler(model, NutsOptions.defaults(), 61);
            WarmupResult w = s.warmup(new double[] {-0.5, 0.2, 0.1}, 300);
            assertTrue(w.position()[0] <= 0.3);
            NutsDraws draws = s.sample(2000);
            for (int i = 0; i < draws.size(); i++) {
                assertTrue(draws.position(i, 0) <= 0.3, "draw " + i + " in the broken half-space");
                assertTrue(Double.isFinite(draws.logDensities()[i]));
            }
            assertTrue(draws.divergentCount() > 0 && model.brokenCalls > 0);
        }
    }

    @Test
    void initialPointMustBeFinite() {
        NutsSampler s = sampler(new TestTargets.BrokenHalfSpace(2, 0.0, true), NutsOptions.defaults(), 67);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.warmup(new double[] {1.0, 0.0}, 100));
        assertTrue(e.getMessage().contains("BrokenHalfSpace"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.warmup(new double[] {Double.POSITIVE_INFINITY, 0.0}, 100));
        assertTrue(e.getMessage().contains("BrokenHalfSpace") && e.getMessage().contains("x[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.warmup(new double[] {0.0}, 100), "wrong length");
    }

    @Test
    void progressIsReportedAndCancellationKeepsWhatWasDrawn() {
        NutsSampler s = sampler(TestTargets.IndependentNormal.standard(2), NutsOptions.defaults(), 71);
        List<String> calls = new ArrayList<>();
        NutsProgress progress = (stage, done, total) -> calls.add(stage + " " + done + "/" + total);
        int[] polls = {0};
        WarmupResult w = s.warmup(new double[] {0.5, 0.5}, 100, progress, () -> ++polls[0] > 40);
        assertTrue(w.cancelled());
        assertEquals(40, w.iterationsCompleted());
        assertEquals(100, w.iterationsRequested());
        assertEquals("WARMUP 40/100", calls.getLast());
        assertEquals(40, calls.size());

        calls.clear();
        polls[0] = 0;
        NutsDraws draws = s.sample(50, progress, () -> ++polls[0] > 30);
        assertTrue(draws.cancelled());
        assertEquals(30, draws.size());
        assertEquals(50, draws.requested());
        assertEquals("SAMPLING 30/50", calls.getLast());
        assertEquals(30, draws.positions().length / 2);
        assertThrows(IndexOutOfBoundsException.class, () -> draws.position(30, 0));

        Draws table = draws.toDraws(new String[] {"a", "b"});
        assertEquals(30, table.iterations());
        assertEquals(draws.position(29, 1), table.value(0, 29, 1));
        assertEquals(draws.treeDepths()[7], table.sampler(0, 7, SamplerColumn.TREEDEPTH));
        assertEquals(draws.stepSize(), table.sampler(0, 3, SamplerColumn.STEPSIZE));

        NutsDraws more = s.sample(10);
        assertFalse(more.cancelled());
        assertEquals(10, more.size());
    }
}
