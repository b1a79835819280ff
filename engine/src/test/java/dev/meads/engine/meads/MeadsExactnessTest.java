package dev.meads.engine.meads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.ghmc.GhmcEnsemble;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.testing.LogGammaTarget;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The K-fold exactness argument (ALGORITHMS.md §3.4): started from exact draws, MEADS keeps the
 * target invariant while it adapts. 3000 independent ensembles of 16 chains (folds of 4) on a
 * skewed target; one chain per ensemble is tested after 1, 5 and 50 iterations (KS against the
 * exact CDF, mean and variance within 4.5 standard errors).
 */
class MeadsExactnessTest {
    private static final int REPLICATIONS = 3000;
    private static final int CHAINS = 16;

    @Test
    void adaptiveIterationsKeepTheTarget() {
        LogGammaTarget target = new LogGammaTarget();
        int[] checkpoints = {1, 5, 50};
        double[][] y0 = new double[checkpoints.length][REPLICATIONS];
        double[][] y1 = new double[checkpoints.length][REPLICATIONS];
        MeadsOptions options = MeadsOptions.defaults().withIterations(50).withGuard(false);
        try (WorkerPool pool = new WorkerPool(1)) {
            for (int rep = 0; rep < REPLICATIONS; rep++) {
                ChainBlock block = new ChainBlock(CHAINS, 2);
                RandomGenerator[] streams = new RandomGenerator[CHAINS];
                for (int c = 0; c < CHAINS; c++) {
                    streams[c] = RandomStreams.forChain(rep, "exact", c);
                    RandomGenerator r = streams[c];
                    block.positions()[2 * c] = LogGammaTarget.draw0(1 - r.nextDouble(), 1 - r.nextDouble());
                    block.positions()[2 * c + 1] = 3 * r.nextGaussian();
                    block.momenta()[2 * c] = r.nextGaussian();
                    block.momenta()[2 * c + 1] = r.nextGaussian();
                    block.slices()[c] = r.nextDouble(-1, 1);
                }
                block.evaluate(target, 0, CHAINS);
                GhmcEnsemble ensemble = new GhmcEnsemble(target, block, streams, pool, 8);
                MeadsAdaptation meads = new MeadsAdaptation(ensemble, options,
                        RandomStreams.forPurpose(rep, "shuffle"), streams);
                int done = 0;
                for (int k = 0; k < checkpoints.length; k++) {
                    while (done < checkpoints[k]) {
                        meads.iterate();
                        done++;
                    }
                    y0[k][rep] = block.positions()[0];
                    y1[k][rep] = block.positions()[1];
                }
            }
        }
        for (int k = 0; k < checkpoints.length; k++) {
            String when = "after " + checkpoints[k] + " iterations";
            assertMoments(y0[k], LogGammaTarget.MEAN0, LogGammaTarget.VAR0, when + ", log-gamma coordinate");
            assertMoments(y1[k], 0.0, 9.0, when + ", normal coordinate");
            double[] sorted = y0[k].clone();
            Arrays.sort(sorted);
            double ks = 0;
            for (int i = 0; i < sorted.length; i++) {
                double f = LogGammaTarget.cdf0(sorted[i]);
                ks = Math.max(ks, Math.max(f - (double) i / sorted.length, (i + 1.0) / sorted.length - f));
            }
            assertTrue(ks < 1.95 / Math.sqrt(sorted.length), when + ": KS distance " + ks);
        }
    }

    private static void assertMoments(double[] y, double mean, double var, String what) {
        int n = y.length;
        double m = 0;
        for (double v : y) {
            m += v / n;
        }
        double s2 = 0;
        double s4 = 0;
        for (double v : y) {
            double e = v - m;
            s2 += e * e / n;
            s4 += e * e * e * e / n;
        }
        assertEquals(mean, m, 4.5 * Math.sqrt(var / n), what + ": mean");
        assertEquals(var, s2, 4.5 * Math.sqrt((s4 - s2 * s2) / n), what + ": variance");
    }
}
