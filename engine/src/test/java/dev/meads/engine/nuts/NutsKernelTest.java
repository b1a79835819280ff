package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Structure of single NUTS transitions: tree sizes, divergences, U-turns, bad input. */
class NutsKernelTest {

    private static NutsKernel kernel(LogDensity model, NutsOptions options, double eps, java.util.random.RandomGenerator rng,
                                     double... x0) {
        NutsKernel k = new NutsKernel(model, options, DiagonalInverseMetric.unit(model.dimension()), eps, rng);
        k.setPosition(x0);
        return k;
    }

    @Test
    void maxDepthBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NutsOptions.defaults().withMaxDepth(0));
        assertTrue(e.getMessage().contains("maxDepth"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NutsOptions.defaults().withMaxDepth(-3));
    }

    @Test
    void maxDepthOneTakesExactlyOneLeapfrogStep() {
        NutsKernel k = kernel(TestTargets.IndependentNormal.standard(3), NutsOptions.defaults().withMaxDepth(1), 0.7,
                RandomStreams.forChain(1, "test", 0), 0.5, -0.5, 1.0);
        for (int i = 0; i < 2000; i++) {
            long before = k.gradientEvaluations();
            k.transition();
            assertEquals(1, k.leapfrogSteps());
            assertEquals(1, k.gradientEvaluations() - before);
            assertEquals(1, k.treeDepth());
            assertFalse(k.divergent());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6})
    void leapfrogCountMatchesTheTreeDepth(int maxDepth) {
        // A full tree spans time 2.5 on a standard normal (U-turn after about π/2 to π):
        // trees often reach the depth limit and often U-turn first.
        NutsKernel k = kernel(TestTargets.IndependentNormal.standard(2), NutsOptions.defaults().withMaxDepth(maxDepth),
                2.5 / (1 << maxDepth), RandomStreams.forChain(2, "test", maxDepth), 0.1, 0.2);
        int hitLimit = 0;
        int uTurned = 0;
        for (int i = 0; i < 3000; i++) {
            k.transition();
            int depth = k.treeDepth();
            int n = k.leapfrogSteps();
            assertTrue(n <= (1 << maxDepth) - 1, "at most 2^maxDepth - 1 steps, got " + n);
            assertFalse(k.divergent());
            if (depth == maxDepth) {
                assertEquals((1 << maxDepth) - 1, n);
                hitLimit++;
            } else {
                // A U-turn across the last merge keeps 2^depth − 1 steps; one inside the new
                // subtree adds the part of it built before the check failed.
                assertTrue(n >= (1 << depth) - 1 && n <= (1 << (depth + 1)) - 1, "depth " + depth + ", steps " + n);
                uTurned++;
            }
        }
        assertTrue(hitLimit > 0, "the depth limit is reached at this step size");
        assertTrue(maxDepth == 1 || uTurned > 0, "U-turns happen at this step size");
    }

    @Test
    void divergentSubtreeNeverProvidesTheSample() {
        // logp = x on x < 5 (leapfrog conserves H exactly: all weights equal), a cliff beyond.
        LogDensity cliff = TestTargets.oneDimensional("cliff", new TestTargets.Scalar1d() {
            public double logp(double x) {
                return x < 5 ? x : -1e4;
            }

            public double grad(double x) {
                return 1;
            }
        });
        // Uniforms: forward, accept leaf 1, forward. Momentum 1, step 1:
        // leaf 1 at x = 1.5, leaf 2 at x = 4 (valid), leaf 3 at x = 7.5 (divergent).
        ScriptedRandom rng = new ScriptedRandom(new double[] {0.9, 0.5, 0.9}, new double[] {1.0}, false);
        NutsKernel k = kernel(cliff, NutsOptions.defaults(), 1.0, rng, 0.0);
        k.transition();
        assertTrue(k.divergent());
        assertEquals(1, k.treeDepth());
        assertEquals(3, k.leapfrogSteps());
        assertEquals(1.5, k.position()[0], 0.0, "the sample comes from the kept tree, not from leaf 2");
        assertEquals(1.5, k.logDensity(), 0.0);
        assertEquals(2.0 / 3.0, k.acceptStat(), 1e-12, "mean of 1, 1 and exp(-1e4)");
        assertEquals(3, rng.uniformsUsed());
        assertEquals(1, rng.normalsUsed());
    }

    @Test
    void energyDropIsNotADivergence() {
        // A density cliff upwards at x = 1: crossing it lowers H by about 5000.
        LogDensity up = TestTargets.oneDimensional("step-up", new TestTargets.Scalar1d() {
            public double logp(double x) {
                return -0.5 * x * x + (x > 1 ? 5000 : 0);
            }

            public double grad(double x) {
                return -x;
            }
        });
        ScriptedRandom rng = new ScriptedRandom(new double[] {0.9}, new double[] {2.0}, false);
        NutsKernel k = kernel(up, NutsOptions.defaults().withMaxDepth(1), 1.0, rng, 0.0);
        k.transition();
        assertFalse(k.divergent());
        assertEquals(2.0, k.position()[0], 0.0, "the heavier new state is taken without a uniform");
        assertEquals(1.0, k.acceptStat(), 0.0);
        assertEquals(-4997.5, k.energy(), 1e-9);
        assertEquals(1, rng.uniformsUsed());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.1})
    void harmonicOscillatorStopsBeforeHalfAPeriod(double direction) {
        // Unit normal: x(t) = sin t, p(t) = cos t from (0, 1). Every doubling goes the same way.
        // Doublings of 1, 2, 4, 8 steps reach t = 1.5; the fifth (16 steps, t = 3.1 < π) is valid on
        // its own, and merging it shows the U-turn (the end momentum turned negative after π/2).
        ScriptedRandom rng = new ScriptedRandom(new double[] {direction}, new double[] {1.0}, true);
        NutsKernel k = kernel(TestTargets.IndependentNormal.standard(1), NutsOptions.defaults(), 0.1, rng, 0.0);
        k.transition();
        assertEquals(5, k.treeDepth());
        assertEquals(31, k.leapfrogSteps());
        assertTrue(31 * 0.1 < Math.PI);
        assertFalse(k.divergent());
    }

    @Test
    void spanOnlyCheckAlsoStopsTheOscillator() {
        ScriptedRandom rng = new ScriptedRandom(new double[] {0.9}, new double[] {1.0}, true);
        NutsKernel k = kernel(TestTargets.IndependentNormal.standard(1),
                NutsOptions.defaults().withUTurnCheck(UTurnCheck.SPAN_ONLY), 0.1, rng, 0.0);
        k.transition();
        assertTrue(k.treeDepth() <= 5, "depth " + k.treeDepth());
    }

    @Test
    void stiffQuarticDivergesAtLargeSteps() {
        NutsKernel k = kernel(new TestTargets.Quartic(1e6), NutsOptions.defaults(), 0.5,
                RandomStreams.forChain(3, "test", 0), 0.01);
        int divergent = 0;
        for (int i = 0; i < 500; i++) {
            k.transition();
            divergent += k.divergent() ? 1 : 0;
            assertTrue(Double.isFinite(k.position()[0]) && Double.isFinite(k.logDensity())
                    && Double.isFinite(k.energy()));
            if (k.divergent()) {
                assertTrue(k.leapfrogSteps() >= 1 << k.treeDepth());
            }
        }
        assertTrue(divergent > 400, "divergences: " + divergent);
    }

    @Test
    void funnelNeckProducesDivergencesWithFiniteDraws() {
        NutsKernel k = kernel(new TestTargets.Funnel(9), NutsOptions.defaults(), 0.6,
                RandomStreams.forChain(4, "test", 0), new double[10]);
        int divergent = 0;
        for (int i = 0; i < 3000; i++) {
            k.transition();
            divergent += k.divergent() ? 1 : 0;
            assertTrue(Double.isFinite(k.logDensity()));
        }
        assertTrue(divergent > 30, "divergences: " + divergent);
    }

    @Test
    void nanGradientRegionIsNeverEntered() {
        TestTargets.BrokenHalfSpace model = new TestTargets.BrokenHalfSpace(2, 0.5, false);
        NutsKernel k = kernel(model, NutsOptions.defaults(), 0.4, RandomStreams.forChain(5, "test", 0), 0.0, 0.0);
        int divergent = 0;
        for (int i = 0; i < 5000; i++) {
            k.transition();
            divergent += k.divergent() ? 1 : 0;
            assertTrue(k.position()[0] <= 0.5, "draw in the broken half-space: " + k.position()[0]);
            assertTrue(Double.isFinite(k.logDensity()) && Double.isFinite(k.energy()) && Double.isFinite(k.acceptStat()));
        }
        assertTrue(divergent > 100 && model.brokenCalls > 100, divergent + " divergences, " + model.brokenCalls);
    }

    @Test
    void badInitialPointsAreReportedWithTheModelName() {
        TestTargets.BrokenHalfSpace model = new TestTargets.BrokenHalfSpace(2, 0.5, true);
        NutsKernel k = new NutsKernel(model, NutsOptions.defaults(), DiagonalInverseMetric.unit(2), 0.1,
                RandomStreams.forChain(6, "test", 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.setPosition(new double[] {1, 0}));
        assertTrue(e.getMessage().contains("BrokenHalfSpace") && e.getMessage().contains("log density"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.setPosition(new double[] {0, Double.NaN}));
        assertTrue(e.getMessage().contains("BrokenHalfSpace") && e.getMessage().contains("x[2]"), e.getMessage());
        assertThrows(IllegalStateException.class, k::transition, "no transition without a valid position");
        TestTargets.BrokenHalfSpace gradOnly = new TestTargets.BrokenHalfSpace(2, 0.5, false);
        NutsKernel g = new NutsKernel(gradOnly, NutsOptions.defaults(), DiagonalInverseMetric.unit(2), 0.1,
                RandomStreams.forChain(6, "test", 1));
        e = assertThrows(IllegalArgumentException.class, () -> g.setPosition(new double[] {1, 0}));
        assertTrue(e.getMessage().contains("gradient") && e.getMessage().contains("x[1]"), e.getMessage());
    }

    @Test
    void sameSeedSameChain() {
        double[] a = run(RandomStreams.forChain(9, "test", 0));
        double[] b = run(RandomStreams.forChain(9, "test", 0));
        assertEquals(a[0], b[0], 0.0);
        assertEquals(a[1], b[1], 0.0);
    }

    private static double[] run(java.util.random.RandomGenerator rng) {
        NutsKernel k = kernel(new TestTargets.Funnel(2), NutsOptions.defaults(), 0.3, rng, 0.1, 0.2, 0.3);
        double sum = 0;
        for (int i = 0; i < 200; i++) {
            k.transition();
            sum += k.position()[0] + k.leapfrogSteps();
        }
        return new double[] {sum, k.energy()};
    }
}
