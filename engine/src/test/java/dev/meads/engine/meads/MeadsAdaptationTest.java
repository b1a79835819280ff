package dev.meads.engine.meads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.ghmc.GhmcEnsemble;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.testing.DiagonalGaussian;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** MEADS on Gaussians with known answers (ALGORITHMS.md §8.3). */
class MeadsAdaptationTest {

    /** Chains started at {@code start} plus {@code jitter}·N(0,1) per coordinate. */
    static Run start(LogDensity target, int chains, double[] start, double jitter, long seed, int threads,
                     MeadsOptions options) {
        int d = target.dimension();
        ChainBlock block = new ChainBlock(chains, d);
        RandomGenerator init = RandomStreams.forPurpose(seed, "test-init");
        RandomGenerator[] streams = new RandomGenerator[chains];
        for (int c = 0; c < chains; c++) {
            streams[c] = RandomStreams.forChain(seed, "meads", c);
            for (int j = 0; j < d; j++) {
                block.positions()[c * d + j] = start[j] + jitter * init.nextGaussian();
                block.momenta()[c * d + j] = streams[c].nextGaussian();
            }
            block.slices()[c] = streams[c].nextDouble(-1, 1);
        }
        block.evaluate(target, 0, chains);
        WorkerPool pool = new WorkerPool(threads);
        GhmcEnsemble ensemble = new GhmcEnsemble(target, block, streams, pool, 8);
        MeadsAdaptation meads = new MeadsAdaptation(ensemble, options,
                RandomStreams.forPurpose(seed, "shuffle"), streams);
        return new Run(block, ensemble, meads, pool);
    }

    record Run(ChainBlock block, GhmcEnsemble ensemble, MeadsAdaptation meads, WorkerPool pool)
            implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }

        double meanStepSizeLast(int iterations) {
            MeadsTrace t = meads.trace();
            double s = 0;
            int n = 0;
            for (int i = t.length() - iterations; i < t.length(); i++) {
                for (int k = 0; k < t.folds(); k++) {
                    if (k != t.frozenFold(i)) {
                        s += t.stepSize(i, k);
                        n++;
                    }
                }
            }
            return s / n;
        }

        double meanAlphaLast(int iterations) {
            MeadsTrace t = meads.trace();
            double s = 0;
            int n = 0;
            for (int i = t.length() - iterations; i < t.length(); i++) {
                for (int k = 0; k < t.folds(); k++) {
                    if (k != t.frozenFold(i)) {
                        s += t.alpha(i, k);
                        n++;
                    }
                }
            }
            return s / n;
        }
    }

    @Test
    void standardNormalParameters() {
        DiagonalGaussian target = DiagonalGaussian.standard(10);
        try (Run run = start(target, 128, new double[10], 1.0, 1, 2,
                MeadsOptions.defaults().withIterations(600))) {
            run.meads().run();
            double eps = run.meanStepSizeLast(200);
            double alpha = run.meanAlphaLast(200);
            double accept = 0;
            for (int i = 400; i < 600; i++) {
                accept += run.meads().trace().meanAcceptProbability(i) / 200;
            }
            assertEquals(0.50, eps, 0.05, "step size");
            assertTrue(alpha > 0.55 && alpha < 0.75, "alpha " + alpha);
            assertTrue(accept > 0.93, "acceptance " + accept);
        }
    }

    @Test
    void scaledGaussianFromThreeSigma() {
        double[] sd = new double[10];
        double[] start = new double[10];
        for (int j = 0; j < 10; j++) {
            sd[j] = j + 1;
            start[j] = 3 * sd[j];
        }
        DiagonalGaussian target = DiagonalGaussian.centred(sd);
        int chains = 128;
        try (Run run = start(target, chains, start, 0.1, 2, 2, MeadsOptions.defaults().withIterations(1500))) {
            // variance estimates averaged over the last 300 iterations to lower their noise
            double[] var = new double[10];
            for (int it = 0; it < 1500; it++) {
                run.meads().iterate();
                if (it >= 1200) {
                    double[] x = run.block().positions();
                    for (int j = 0; j < 10; j++) {
                        double m = 0;
                        double s = 0;
                        for (int c = 0; c < chains; c++) {
                            m += x[c * 10 + j];
                        }
                        m /= chains;
                        for (int c = 0; c < chains; c++) {
                            double e = x[c * 10 + j] - m;
                            s += e * e;
                        }
                        var[j] += s / (chains - 1) / 300;
                    }
                }
            }
            for (int j = 0; j < 10; j++) {
                double ratio = Math.sqrt(var[j]) / sd[j];
                assertTrue(ratio > 0.85 && ratio < 1.15, "coordinate " + j + ": ensemble sd / true sd = " + ratio);
            }
            double eps = run.meanStepSizeLast(300);
            double alpha = run.meanAlphaLast(300);
            assertEquals(0.46, eps, 0.06, "step size");
            assertEquals(0.62, alpha, 0.1, "alpha");
            assertTrue(run.meads().escapeEvents().isEmpty(), "no chain escapes a Gaussian: " + run.meads().escapeEvents());
        }
    }

    @Test
    void bookkeepingOfFoldsAndFrozenChains() {
        DiagonalGaussian target = DiagonalGaussian.standard(3);
        int chains = 16;
        int folds = 4;
        try (Run run = start(target, chains, new double[3], 1.0, 3, 1,
                MeadsOptions.defaults().withIterations(40))) {
            MeadsAdaptation meads = run.meads();
            for (int block = 0; block < 10; block++) {
                boolean[] frozenSeen = new boolean[folds];
                for (int k = 0; k < folds; k++) {
                    int t = block * folds + k;
                    double[] before = run.block().positions().clone();
                    long[] transitionsBefore = new long[chains];
                    for (int c = 0; c < chains; c++) {
                        transitionsBefore[c] = run.ensemble().transitions(c);
                    }
                    meads.iterate();
                    int frozen = meads.trace().frozenFold(t);
                    assertEquals(t % folds, frozen);
                    frozenSeen[frozen] = true;
                    int moved = 0;
                    int still = 0;
                    for (int c = 0; c < chains; c++) {
                        boolean stepped = run.ensemble().transitions(c) == transitionsBefore[c] + 1;
                        if (stepped) {
                            moved++;
                        } else {
                            still++;
                            assertEquals(transitionsBefore[c], run.ensemble().transitions(c));
                            for (int j = 0; j < 3; j++) {
                                assertEquals(before[c * 3 + j], run.block().positions()[c * 3 + j], 0.0,
                                        "a frozen chain moved");
                            }
                        }
                    }
                    assertEquals(12, moved, "three folds of four chains move");
                    assertEquals(4, still, "one fold of four chains is frozen");
                }
                for (boolean seen : frozenSeen) {
                    assertTrue(seen, "each fold is frozen once per block of K iterations");
                }
            }
        }
    }

    @Test
    void dampingFloorAtTheFirstIteration() {
        DiagonalGaussian target = DiagonalGaussian.standard(4);
        try (Run run = start(target, 16, new double[4], 1.0, 4, 1, MeadsOptions.defaults().withIterations(1))) {
            run.meads().iterate();
            for (int k = 0; k < 4; k++) {
                assertTrue(run.meads().trace().alpha(0, k) >= 1 - Math.exp(-2) - 1e-12,
                        "alpha at t = 1 is at least 1 - e^-2");
            }
        }
    }

    @Test
    void invalidChainCountsAreRejectedBeforeAnyWork() {
        DiagonalGaussian target = DiagonalGaussian.standard(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(target, 10, new double[2], 1.0, 5, 1, MeadsOptions.defaults()));
        assertTrue(e.getMessage().contains("divisible by 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> start(target, 4, new double[2], 1.0, 5, 1, MeadsOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> MeadsOptions.defaults().withFolds(0));
    }

    @Test
    void zeroVarianceStartGivesNoNaN() {
        DiagonalGaussian target = DiagonalGaussian.standard(5);
        try (Run run = start(target, 32, new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, 0.0, 6, 1,
                MeadsOptions.defaults().withIterations(200))) {
            run.meads().run();
            assertTrue(run.meads().guardedScaleCoordinates() > 0, "σ = 0 was replaced and counted");
            for (double v : run.block().positions()) {
                assertTrue(Double.isFinite(v));
            }
            double var = 0;
            for (int c = 0; c < 32; c++) {
                var += run.block().positions()[c * 5] * run.block().positions()[c * 5] / 32;
            }
            assertTrue(var > 0.3, "the ensemble spread out from a single point: " + var);
        }
    }

    @Test
    void sameSeedSameBitsWithOneOrTwoThreads() {
        double[] sd = {0.5, 1, 2, 4, 8, 16, 0.1};
        DiagonalGaussian target = DiagonalGaussian.centred(sd);
        double[] start = {1, 1, 1, 1, 1, 1, 1};
        double[] one;
        double[] two;
        try (Run run = start(target, 64, start, 0.5, 7, 1, MeadsOptions.defaults().withIterations(100))) {
            run.meads().run();
            one = run.block().positions().clone();
        }
        try (Run run = start(target, 64, start, 0.5, 7, 2, MeadsOptions.defaults().withIterations(100))) {
            run.meads().run();
            two = run.block().positions().clone();
        }
        assertArrayEquals(one, two, 0.0);
    }

    /**
     * Standard normal except coordinate 2, which has density ∝ exp(−sqrt(1 + x²)): far out its
     * gradient is only ±1, so a chain thrown there stays out for a long time (as an escaped
     * chain does in a weakly identified direction).
     */
    static final class SlowTailTarget implements LogDensity {
        @Override
        public int dimension() {
            return 6;
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"x1", "x2", "x3", "x4", "x5", "x6"};
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double lp = 0;
            for (int j = 0; j < 6; j++) {
                double v = x[xOff + j];
                if (j == 2) {
                    double r = Math.sqrt(1 + v * v);
                    lp -= r;
                    grad[gOff + j] = -v / r;
                } else {
                    lp -= 0.5 * v * v;
                    grad[gOff + j] = -v;
                }
            }
            return lp;
        }
    }

    @Test
    void escapedChainIsRestartedAndReported() {
        LogDensity target = new SlowTailTarget();
        try (Run run = start(target, 32, new double[6], 1.0, 8, 1, MeadsOptions.defaults().withIterations(400))) {
            for (int i = 0; i < 200; i++) {
                run.meads().iterate();
            }
            // Throw chain 5 far away, as a run of divergent moves might.
            int d = 6;
            run.block().positions()[5 * d + 2] = 1e6;
            run.block().evaluate(target, 5, 6);
            run.ensemble().refreshEnergy(5);
            for (int i = 200; i < 400; i++) {
                run.meads().iterate();
            }
            List<EscapeEvent> events = run.meads().escapeEvents();
            assertEquals(1, events.size(), events.toString());
            EscapeEvent e = events.get(0);
            assertEquals(5, e.chain());
            assertEquals(EscapeEvent.Reason.LOW_LOG_DENSITY, e.reason());
            assertTrue(e.donor() >= 0 && e.donor() != 5);
            assertTrue(Math.abs(run.block().positions()[5 * d + 2]) < 10, "chain 5 is back in the ensemble");
            assertTrue(run.meanStepSizeLast(50) > 0.3, "step sizes recovered: " + run.meanStepSizeLast(50));
        }
    }

    @Test
    void afterStopRestartsAnEscapedChainIsLeftWhereItIs() {
        // The same throw as above, but after the warmup of an adaptive run: its iterations are
        // draws, and copying another chain's state into chain 5 would not be a valid move.
        LogDensity target = new SlowTailTarget();
        try (Run run = start(target, 32, new double[6], 1.0, 8, 1, MeadsOptions.defaults().withIterations(400))) {
            for (int i = 0; i < 200; i++) {
                run.meads().iterate();
            }
            run.block().positions()[5 * 6 + 2] = 1e6;
            run.block().evaluate(target, 5, 6);
            run.ensemble().refreshEnergy(5);
            // the sampler stops the restarts before its first iteration
            dev.meads.engine.draws.Draws draws = new AdaptiveSampler(run.meads(), run.ensemble(), target)
                    .sample(200, dev.meads.engine.run.ProgressListener.NONE, () -> false, null);
            assertTrue(run.meads().escapeEvents().isEmpty(), run.meads().escapeEvents().toString());
            assertTrue(run.block().positions()[5 * 6 + 2] > 1e5, "chain 5 was not moved to a donor's state");
            assertTrue(draws.value(5, 199, 2) > 1e5, "and its draws say so");
            assertEquals(400, run.meads().iteration());
        }
    }

    @Test
    void movedFlagsStepSizesAndAveragedParametersFollowTheFolds() {
        DiagonalGaussian target = DiagonalGaussian.standard(3);
        int chains = 16;
        try (Run run = start(target, chains, new double[3], 1.0, 5, 2, MeadsOptions.defaults().withIterations(30))) {
            MeadsAdaptation meads = run.meads();
            for (int t = 0; t < 30; t++) {
                long[] before = new long[chains];
                for (int c = 0; c < chains; c++) {
                    before[c] = run.ensemble().transitions(c);
                }
                meads.iterate();
                int still = 0;
                java.util.Set<Double> stepSizes = new java.util.HashSet<>();
                for (int c = 0; c < chains; c++) {
                    assertEquals(run.ensemble().transitions(c) == before[c] + 1, meads.moved(c), "chain " + c);
                    still += meads.moved(c) ? 0 : 1;
                    stepSizes.add(meads.stepSize(c));
                }
                assertEquals(4, still, "the frozen fold's four chains did not move at iteration " + t);
                for (int k = 0; k < 4; k++) {
                    assertTrue(stepSizes.contains(meads.foldParameters(k).stepSize()), "fold " + k);
                }
                assertTrue(stepSizes.size() <= 4, "a chain's step size is its fold's");
            }
            GhmcParameters mean = meads.averagedFoldParameters();
            double eps = 0;
            double scale1 = 0;
            double alpha = 0;
            for (int k = 0; k < 4; k++) {
                eps += meads.foldParameters(k).stepSize() / 4;
                scale1 += meads.foldParameters(k).scale()[1] / 4;
                alpha += meads.foldParameters(k).alpha() / 4;
            }
            assertEquals(eps, mean.stepSize(), 1e-15);
            assertEquals(scale1, mean.scale()[1], 1e-15);
            assertEquals(alpha, mean.alpha(), 1e-15);
            assertEquals(alpha / 2, mean.delta(), 1e-15);
        }
    }

    @Test
    void adaptiveSamplingNeedsTwoFolds() {
        MeadsOptions one = MeadsOptions.defaults().withFolds(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> one.withMode(MeadsMode.ADAPTIVE));
        assertTrue(e.getMessage().contains("at least 2 folds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MeadsOptions.defaults().withMode(null));
        assertEquals(MeadsMode.ADAPTIVE, MeadsMode.ofKey("adaptive"));
        assertEquals(MeadsMode.TUNE_THEN_FREEZE, MeadsMode.ofKey("freeze"));
        assertNull(MeadsMode.ofKey("Adaptive"));
        assertEquals(MeadsMode.TUNE_THEN_FREEZE, MeadsOptions.defaults().mode());
    }

    @Test
    void withoutTheGuardOneEscapedChainCollapsesTheStepSize() {
        LogDensity target = new SlowTailTarget();
        try (Run run = start(target, 32, new double[6], 1.0, 8, 1,
                MeadsOptions.defaults().withIterations(300).withGuard(false))) {
            for (int i = 0; i < 200; i++) {
                run.meads().iterate();
            }
            run.block().positions()[5 * 6 + 2] = 1e6;
            run.block().evaluate(target, 5, 6);
            run.ensemble().refreshEnergy(5);
            for (int i = 200; i < 300; i++) {
                run.meads().iterate();
            }
            // The fold holding the escaped chain hands a collapsed step size to the next fold
            // at every iteration, and the chain never comes back.
            double smallest = Double.POSITIVE_INFINITY;
            MeadsTrace t = run.meads().trace();
            for (int i = 280; i < 300; i++) {
                for (int k = 0; k < 4; k++) {
                    smallest = Math.min(smallest, t.stepSize(i, k));
                }
            }
            assertTrue(smallest < 1e-3, "the failure mode the guard prevents: smallest eps " + smallest);
            assertTrue(run.block().positions()[5 * 6 + 2] > 1e5, "the chain is still out there");
            assertFalse(run.meads().escapeEvents().size() > 0);
        }
    }

    @Test
    void frozenParametersArePooledEstimates() {
        DiagonalGaussian target = DiagonalGaussian.centred(1, 2, 3, 4);
        try (Run run = start(target, 64, new double[4], 1.0, 9, 1, MeadsOptions.defaults().withIterations(500))) {
            run.meads().run();
            var p = run.meads().frozenParameters();
            for (int j = 0; j < 4; j++) {
                assertEquals(j + 1, p.scale()[j], 0.3 * (j + 1), "scale " + j);
            }
            assertTrue(p.stepSize() > 0.3 && p.stepSize() <= 1.0, "eps " + p.stepSize());
            assertTrue(p.alpha() > 0 && p.alpha() <= 1);
            assertEquals(p.alpha() / 2, p.delta(), 0.0);
            assertTrue(Arrays.stream(p.scale()).allMatch(Double::isFinite));
        }
    }
}
