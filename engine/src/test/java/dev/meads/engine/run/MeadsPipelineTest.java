package dev.meads.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.testing.DiagonalGaussian;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The whole pipeline on targets with known answers. */
class MeadsPipelineTest {

    private static PipelineOptions small() {
        return PipelineOptions.defaults().withChains(32).withDraws(300)
                .withMeads(MeadsOptions.defaults().withIterations(300))
                .withNuts(dev.meads.engine.nuts.NutsOptions.defaults(), 150, 60)
                .withThreads(1).withSeed(11);
    }

    @Test
    void hundredDimensionalGaussianWithScalesFromOneHundredthToOneHundred() {
        PipelineOptions options = PipelineOptions.defaults().withChains(64).withDraws(500)
                .withMeads(MeadsOptions.defaults().withIterations(800)).withThreads(2).withSeed(3);
        PipelineResult r = new MeadsPipeline(WIDE, options).run();
        assertMatchesWideGaussian(r);
        assertTrue(r.frozenParameters().stepSize() > 0.2, "step size " + r.frozenParameters().stepSize());
        assertTrue(r.samplingParameters() == r.frozenParameters());
    }

    @Test
    void adaptiveSamplingOnTheSameGaussian() {
        PipelineOptions options = PipelineOptions.defaults().withChains(64).withDraws(500)
                .withMeads(MeadsOptions.defaults().withIterations(800).withMode(MeadsMode.ADAPTIVE)).withThreads(2)
                .withSeed(3);
        PipelineResult r = new MeadsPipeline(WIDE, options).run();
        assertMatchesWideGaussian(r);
        assertNull(r.frozenParameters(), "adaptive sampling freezes nothing");
        assertTrue(r.samplingParameters().stepSize() > 0.2, "step size " + r.samplingParameters().stepSize());
        assertEquals(1300, r.meadsTrace().length(), "the trace runs through the kept iterations");
    }

    /** 100 coordinates with sds from 0.01 to 100 and means at a few sds. */
    private static final DiagonalGaussian WIDE = wideGaussian();

    private static DiagonalGaussian wideGaussian() {
        int d = 100;
        double[] sd = new double[d];
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = Math.pow(10, -2 + 4.0 * j / (d - 1));
            mean[j] = (j % 7 - 3) * sd[j];
        }
        return new DiagonalGaussian(mean, sd);
    }

    private static void assertMatchesWideGaussian(PipelineResult r) {
        assertTrue(r.completed());
        Draws draws = r.draws();
        int chains = draws.chains();
        int n = draws.iterations();
        // Chains are independent after warmup (exchangeable in adaptive sampling): the spread of
        // their means and variances gives the Monte Carlo standard errors of the pooled estimates.
        for (int j = 0; j < WIDE.dimension(); j++) {
            double m0 = WIDE.mean(j);
            double sd = WIDE.sd(j);
            double[] chainMean = new double[chains];
            double[] chainVar = new double[chains];
            for (int c = 0; c < chains; c++) {
                double m = 0;
                for (int i = 0; i < n; i++) {
                    m += draws.value(c, i, j);
                }
                m /= n;
                double v = 0;
                for (int i = 0; i < n; i++) {
                    double e = draws.value(c, i, j) - m0;
                    v += e * e;
                }
                chainMean[c] = m;
                chainVar[c] = v / n;
            }
            double[] mm = meanAndSe(chainMean);
            double[] vv = meanAndSe(chainVar);
            assertEquals(m0, mm[0], 4 * mm[1], "mean of coordinate " + j + " (sd " + sd + ")");
            assertEquals(sd * sd, vv[0], 4 * vv[1], "variance of coordinate " + j + " (sd " + sd + ")");
        }
        assertTrue(r.escapeEvents().isEmpty(), r.escapeEvents().toString());
    }

    private static double[] meanAndSe(double[] a) {
        double m = 0;
        for (double v : a) {
            m += v / a.length;
        }
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m) / (a.length - 1);
        }
        return new double[] {m, Math.sqrt(s / a.length)};
    }

    @Test
    void sameSeedGivesTheSameBitsWithOneOrTwoThreads() {
        DiagonalGaussian target = DiagonalGaussian.centred(0.1, 1, 10, 3, 0.5, 2, 7, 1, 1);
        Draws one = new MeadsPipeline(target, small().withThreads(1)).run().draws();
        Draws two = new MeadsPipeline(target, small().withThreads(2)).run().draws();
        for (int c = 0; c < one.chains(); c++) {
            for (int i = 0; i < one.iterations(); i++) {
                double[] a = new double[9];
                double[] b = new double[9];
                one.draw(c, i, a, 0);
                two.draw(c, i, b, 0);
                assertArrayEquals(a, b, 0.0, "chain " + c + " draw " + i);
            }
        }
        Draws other = new MeadsPipeline(target, small().withSeed(12)).run().draws();
        assertFalse(other.value(0, 0, 0) == one.value(0, 0, 0), "another seed gives other draws");
    }

    @Test
    void adaptiveSamplingGivesTheSameBitsWithOneOrTwoThreads() {
        DiagonalGaussian target = DiagonalGaussian.centred(0.1, 1, 10, 3, 0.5, 2, 7, 1, 1);
        PipelineOptions adaptive = small().withMeads(small().meads().withMode(MeadsMode.ADAPTIVE));
        Draws one = new MeadsPipeline(target, adaptive.withThreads(1)).run().draws();
        Draws two = new MeadsPipeline(target, adaptive.withThreads(2)).run().draws();
        Draws frozen = new MeadsPipeline(target, small()).run().draws();
        double[] a = new double[9];
        double[] b = new double[9];
        for (int c = 0; c < one.chains(); c++) {
            for (int i = 0; i < one.iterations(); i++) {
                one.draw(c, i, a, 0);
                two.draw(c, i, b, 0);
                assertArrayEquals(a, b, 0.0, "chain " + c + " draw " + i);
                for (SamplerColumn col : SamplerColumn.values()) {
                    assertEquals(Double.doubleToLongBits(one.sampler(c, i, col)),
                            Double.doubleToLongBits(two.sampler(c, i, col)), col + " of chain " + c + " draw " + i);
                }
            }
        }
        assertFalse(one.value(3, 10, 2) == frozen.value(3, 10, 2), "adaptive draws are not the frozen run's");
    }

    @Test
    void inAdaptiveSamplingTheFrozenFoldsChainsRepeatTheirState() {
        DiagonalGaussian target = DiagonalGaussian.centred(0.1, 1, 10, 3, 0.5, 2, 7, 1, 1);
        PipelineOptions options = small().withMeads(small().meads().withMode(MeadsMode.ADAPTIVE));
        PipelineResult r = new MeadsPipeline(target, options).run();
        Draws draws = r.draws();
        int chains = draws.chains();
        double[] now = new double[9];
        double[] before = new double[9];
        java.util.Set<Double> stepSizes = new java.util.HashSet<>();
        for (int i = 0; i < draws.iterations(); i++) {
            int still = 0;
            for (int c = 0; c < chains; c++) {
                double leapfrogs = draws.sampler(c, i, SamplerColumn.N_LEAPFROG);
                double accept = draws.sampler(c, i, SamplerColumn.ACCEPT_STAT);
                stepSizes.add(draws.sampler(c, i, SamplerColumn.STEPSIZE));
                if (leapfrogs == 0) {
                    still++;
                    assertTrue(Double.isNaN(accept), "no transition, no acceptance statistic");
                    assertEquals(0.0, draws.sampler(c, i, SamplerColumn.DIVERGENT));
                    if (i > 0) {
                        draws.draw(c, i, now, 0);
                        draws.draw(c, i - 1, before, 0);
                        assertArrayEquals(before, now, 0.0, "chain " + c + " repeats its state at draw " + i);
                        assertEquals(draws.sampler(c, i - 1, SamplerColumn.LP), draws.sampler(c, i, SamplerColumn.LP));
                    }
                } else {
                    assertEquals(1.0, leapfrogs);
                    assertTrue(accept >= 0 && accept <= 1, "accept_stat " + accept);
                }
            }
            assertEquals(chains / 4, still, "one fold of four stands still at draw " + i);
        }
        assertTrue(stepSizes.size() > 100, "each fold's step size changes as MEADS goes on: " + stepSizes.size());
        dev.meads.engine.diag.SamplerStatistics stats = dev.meads.engine.diag.SamplerStatistics.of(draws);
        assertTrue(stats.meanAcceptStat() > 0 && stats.meanAcceptStat() < 1, "mean over the transitions made: "
                + stats.meanAcceptStat());
        assertEquals(0.75, stats.meanLeapfrogSteps(), 1e-12, "three folds of four move");
        String divergences = stats.lines().stream().filter(e -> e.getKey().equals("divergences")).findFirst()
                .orElseThrow().getValue();
        assertTrue(divergences.endsWith("% of " + chains * draws.iterations() * 3 / 4 + " transitions)"), divergences);

        // the chain files' header parameters: the folds' average at the first draw's iteration
        dev.meads.engine.meads.MeadsTrace trace = r.meadsTrace();
        int first = options.meads().iterations();
        double mean = 0;
        for (int k = 0; k < 4; k++) {
            mean += trace.stepSize(first, k) / 4;
        }
        assertEquals(mean, r.samplingParameters().stepSize(), 1e-15);
        assertEquals(draws.sampler(0, 0, SamplerColumn.STEPSIZE), trace.stepSize(first, foldOfChainZero(r, first)),
                0.0, "a row's stepsize__ is its fold's at that iteration");
    }

    /** The fold whose step size chain 0's first draw reports (its fold at that iteration). */
    private static int foldOfChainZero(PipelineResult r, int iteration) {
        double s = r.draws().sampler(0, 0, SamplerColumn.STEPSIZE);
        for (int k = 0; k < 4; k++) {
            if (r.meadsTrace().stepSize(iteration, k) == s) {
                return k;
            }
        }
        throw new AssertionError("no fold had step size " + s + " at iteration " + iteration);
    }

    @Test
    void adaptiveSamplingWithoutWarmupAnnouncesTheParametersItUsed() {
        DiagonalGaussian target = DiagonalGaussian.centred(0.1, 1, 10, 3, 0.5, 2, 7, 1, 1);
        PipelineOptions options = small().withMeads(small().meads().withIterations(0).withMode(MeadsMode.ADAPTIVE)
                .withSamplingDamping(1.0));
        PipelineResult r = new MeadsPipeline(target, options).run();
        assertTrue(r.completed());
        double mean = 0;
        for (int k = 0; k < 4; k++) {
            mean += r.meadsTrace().stepSize(0, k) / 4;
        }
        assertEquals(mean, r.samplingParameters().stepSize(), 1e-15);
        assertTrue(r.samplingParameters().stepSize() < 1, "not the folds' starting value: "
                + r.samplingParameters().stepSize());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("sampling damping") && w.contains("not used")),
                r.warnings().toString());
    }

    @Test
    void thinningKeepsEveryThinthIterationOfTheSameRun() {
        DiagonalGaussian target = DiagonalGaussian.centred(0.1, 1, 10, 3, 0.5, 2, 7, 1, 1);
        for (MeadsMode mode : MeadsMode.values()) {
            PipelineOptions all = small().withMeads(small().meads().withMode(mode)).withDraws(300);
            PipelineResult every = new MeadsPipeline(target, all).run();
            PipelineResult thinned = new MeadsPipeline(target, all.withDraws(100).withThin(3).withThreads(2)).run();
            assertTrue(thinned.completed());
            Draws a = every.draws();
            Draws t = thinned.draws();
            assertEquals(100, t.iterations());
            double[] x = new double[9];
            double[] y = new double[9];
            for (int c = 0; c < t.chains(); c++) {
                for (int i = 0; i < 100; i++) {
                    a.draw(c, 3 * i, x, 0); // Stan keeps the first of every thin
                    t.draw(c, i, y, 0);
                    assertArrayEquals(x, y, 0.0, mode + ": chain " + c + ", kept draw " + i);
                    for (SamplerColumn col : SamplerColumn.values()) {
                        assertEquals(Double.doubleToLongBits(a.sampler(c, 3 * i, col)),
                                Double.doubleToLongBits(t.sampler(c, i, col)), mode + ": " + col);
                    }
                }
            }
            assertEquals(every.meadsTrace().length(), thinned.meadsTrace().length(), mode + ": the same iterations");
            StageReport sampling = thinned.stages().get(thinned.stages().size() - 1);
            assertEquals(300, sampling.iterationsDone(), "the stage counts iterations, as the others do");
            assertEquals(300, sampling.iterationsRequested());
            assertEquals(every.stages().get(every.stages().size() - 1).gradientEvaluations(),
                    sampling.gradientEvaluations(), "every iteration is run");
        }
        // a stop is honoured between any two iterations, not only between kept draws
        PipelineOptions thinned = small().withDraws(100).withThin(3);
        int beforeSampling = thinned.nutsWarmup() + thinned.nutsDraws() + thinned.meads().iterations();
        AtomicInteger polls = new AtomicInteger();
        PipelineResult stopped = new MeadsPipeline(target, thinned)
                .cancellation(() -> polls.incrementAndGet() > beforeSampling + 7).run();
        assertFalse(stopped.completed());
        assertEquals(3, stopped.draws().iterations(), "iterations 1, 4 and 7 of the 7 run are kept");
        assertEquals(7, stopped.stages().get(stopped.stages().size() - 1).iterationsDone());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small().withThin(0));
        assertTrue(e.getMessage().contains("thin"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> small().withDraws(1 << 20).withThin(1 << 12));
    }

    @Test
    void naiveStartHasAFarLargerEigenvalueThanTheSpreadOne() {
        // A posterior much narrower than the naive jitter, away from the origin.
        double[] sd = new double[20];
        double[] mean = new double[20];
        for (int j = 0; j < 20; j++) {
            sd[j] = 0.1 * (1 + j % 4);
            mean[j] = 5.0;
        }
        PipelineResult r = new MeadsPipeline(new DiagonalGaussian(mean, sd), small()).run();
        assertNotNull(r.naiveStart());
        assertTrue(r.naiveStart().lambda() > 1e3 * r.ensembleStart().lambda(),
                "naive " + r.naiveStart() + " vs spread " + r.ensembleStart());
        assertTrue(r.ensembleStart().stepSize() > 0.1, "spread start gives a usable step size");
        // The comparison is timed as the first stage (it is the run's first use of the
        // gradient), one evaluation per chain, and counts in the pipeline's seconds.
        StageReport first = r.stages().get(0);
        assertEquals(MeadsPipeline.NAIVE_START, first.name());
        assertEquals(32, first.gradientEvaluations());
        assertTrue(first.seconds() > 0);
        assertEquals(r.stages().stream().mapToDouble(StageReport::seconds).sum(), r.seconds(), 0.0);
        PipelineResult without = new MeadsPipeline(new DiagonalGaussian(mean, sd),
                small().withComparison(false, small().naiveJitter())).run();
        assertNull(without.naiveStart());
        assertEquals(MeadsPipeline.NUTS_WARMUP, without.stages().get(0).name(), "no comparison, no stage");
    }

    @Test
    void cancellationKeepsWhatWasDone() {
        AtomicInteger polls = new AtomicInteger();
        PipelineOptions options = small();
        int stopAt = options.nutsWarmup() + options.nutsDraws() + 100;
        PipelineResult r = new MeadsPipeline(DiagonalGaussian.standard(3), options)
                .cancellation(() -> polls.incrementAndGet() > stopAt).run();
        assertFalse(r.completed());
        assertEquals(MeadsPipeline.MEADS_WARMUP, r.stoppedIn());
        assertNull(r.draws());
        StageReport meads = r.stages().get(r.stages().size() - 1);
        assertEquals(MeadsPipeline.MEADS_WARMUP, meads.name());
        assertFalse(meads.complete());

        AtomicInteger polls2 = new AtomicInteger();
        int stopInSampling = options.nutsWarmup() + options.nutsDraws() + options.meads().iterations() + 50;
        PipelineResult s = new MeadsPipeline(DiagonalGaussian.standard(3), options)
                .cancellation(() -> polls2.incrementAndGet() > stopInSampling).run();
        assertFalse(s.completed());
        assertEquals(MeadsPipeline.SAMPLING, s.stoppedIn());
        assertEquals(50, s.draws().iterations(), "complete iterations are kept");

        AtomicInteger polls3 = new AtomicInteger();
        PipelineResult a = new MeadsPipeline(DiagonalGaussian.standard(3),
                options.withMeads(options.meads().withMode(MeadsMode.ADAPTIVE)))
                .cancellation(() -> polls3.incrementAndGet() > stopInSampling).run();
        assertFalse(a.completed());
        assertEquals(MeadsPipeline.SAMPLING, a.stoppedIn());
        assertEquals(50, a.draws().iterations(), "adaptive sampling keeps its complete iterations too");
        assertEquals(options.meads().iterations() + 50, a.meadsTrace().length(), "and the trace says how far it got");
        assertNotNull(a.samplingParameters());
    }

    @Test
    void aModelWithNoFiniteStartGivesAClearError() {
        LogDensity broken = new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public String[] parameterNames() {
                return new String[] {"p", "q"};
            }

            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                grad[gOff] = Double.NaN;
                grad[gOff + 1] = 0;
                return 0;
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MeadsPipeline(broken, small()).run());
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("gradient of p"), e.getMessage());
    }

    @Test
    void badCountsAreRejectedBeforeAnyWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small().withChains(30));
        assertTrue(e.getMessage().contains("divisible by 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> small().withDraws(0));
        assertThrows(IllegalArgumentException.class, () -> small().withThreads(0));
        assertThrows(IllegalArgumentException.class,
                () -> small().withNuts(dev.meads.engine.nuts.NutsOptions.defaults(), 100, 5));
        assertThrows(IllegalArgumentException.class,
                () -> small().withNuts(dev.meads.engine.nuts.NutsOptions.defaults().withMaxDepth(0), 100, 50));
    }
}
