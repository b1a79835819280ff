package dev.meads.engine.ghmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.run.ProgressListener;
import dev.meads.engine.testing.Funnel;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Divergences and non-finite proposals are counted, reported and never stored. */
class GhmcDivergenceTest {

    private static GhmcEnsemble ensemble(LogDensity target, double[] start, int chains, WorkerPool pool) {
        int d = target.dimension();
        ChainBlock block = new ChainBlock(chains, d);
        RandomGenerator[] streams = new RandomGenerator[chains];
        for (int c = 0; c < chains; c++) {
            streams[c] = RandomStreams.forChain(5, "div", c);
            for (int j = 0; j < d; j++) {
                block.positions()[c * d + j] = start[j] + 0.01 * streams[c].nextGaussian();
                block.momenta()[c * d + j] = streams[c].nextGaussian();
            }
            block.slices()[c] = streams[c].nextDouble(-1, 1);
        }
        block.evaluate(target, 0, chains);
        return new GhmcEnsemble(target, block, streams, pool, 1);
    }

    @Test
    void funnelNeckWithALargeStepDiverges() {
        Funnel funnel = new Funnel(10);
        double[] start = new double[10];
        start[0] = -8; // deep in the neck: the x scale is e^-4
        try (WorkerPool pool = new WorkerPool(1)) {
            GhmcEnsemble e = ensemble(funnel, start, 16, pool);
            double[] unit = new double[10];
            Arrays.fill(unit, 1.0);
            GhmcParameters p = new GhmcParameters(1.0, unit, 0.5, 0.25);
            Draws draws = new GhmcSampler(e, funnel, p).sample(50, ProgressListener.NONE, () -> false, null);
            long counted = 0;
            long column = 0;
            for (int c = 0; c < 16; c++) {
                counted += e.divergences(c);
                for (int i = 0; i < 50; i++) {
                    column += (long) draws.sampler(c, i, SamplerColumn.DIVERGENT);
                    for (int j = 0; j < 10; j++) {
                        assertTrue(Double.isFinite(draws.value(c, i, j)));
                    }
                    assertTrue(Double.isFinite(draws.sampler(c, i, SamplerColumn.LP)));
                }
            }
            assertTrue(counted > 100, "divergences in the neck: " + counted);
            assertEquals(counted, column, "the divergent__ column agrees with the counts");
        }
    }

    @Test
    void nanHalfSpaceIsNeverEntered() {
        // Standard normal on x0 > 0; NaN log density and gradient elsewhere.
        LogDensity halfSpace = new LogDensity() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public String[] parameterNames() {
                return new String[] {"a", "b", "c"};
            }

            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                if (x[xOff] <= 0) {
                    Arrays.fill(grad, gOff, gOff + 3, Double.NaN);
                    return Double.NaN;
                }
                double lp = 0;
                for (int j = 0; j < 3; j++) {
                    lp -= 0.5 * x[xOff + j] * x[xOff + j];
                    grad[gOff + j] = -x[xOff + j];
                }
                return lp;
            }
        };
        try (WorkerPool pool = new WorkerPool(2)) {
            GhmcEnsemble e = ensemble(halfSpace, new double[] {0.3, 0, 0}, 16, pool);
            double[] unit = {1, 1, 1};
            GhmcParameters p = new GhmcParameters(0.9, unit, 0.3, 0.15);
            Draws draws = new GhmcSampler(e, halfSpace, p).sample(500, ProgressListener.NONE, () -> false, null);
            long nonFinite = 0;
            for (int c = 0; c < 16; c++) {
                nonFinite += e.nonFiniteRejections(c);
                for (int i = 0; i < 500; i++) {
                    assertTrue(draws.value(c, i, 0) > 0, "a chain entered the NaN half-space");
                    assertTrue(Double.isFinite(draws.sampler(c, i, SamplerColumn.LP)));
                }
                for (int j = 0; j < 3; j++) {
                    assertTrue(Double.isFinite(e.state().gradients()[c * 3 + j]));
                }
            }
            assertTrue(nonFinite > 50, "NaN proposals were counted: " + nonFinite);
        }
    }
}
