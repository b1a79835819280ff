package dev.meads.engine.ghmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.testing.DiagonalGaussian;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Started from exact draws of N(0,I) × N(0,I) × U(-1,1), GHMC with any fixed parameters keeps
 * that joint distribution (ALGORITHMS.md §8.1). Checked on 40 000 chains in d = 5 after 1 and
 * 20 transitions: coordinate means and variances within 4.5 standard errors, u uniform (KS).
 */
class GhmcInvarianceTest {
    private static final int CHAINS = 40_000;
    private static final int D = 5;

    @ParameterizedTest(name = "alpha={0} eps={1}")
    @CsvSource({"0.19, 0.9", "1.0, 1.2", "0.001, 0.6"})
    void keepsTheTargetInvariant(double alpha, double eps) {
        DiagonalGaussian target = DiagonalGaussian.standard(D);
        ChainBlock block = new ChainBlock(CHAINS, D);
        RandomGenerator init = RandomStreams.forPurpose(99, "init");
        double[] x = block.positions();
        double[] z = block.momenta();
        for (int i = 0; i < x.length; i++) {
            x[i] = init.nextGaussian();
            z[i] = init.nextGaussian();
        }
        for (int c = 0; c < CHAINS; c++) {
            block.slices()[c] = init.nextDouble(-1, 1);
        }
        block.evaluate(target, 0, CHAINS);
        RandomGenerator[] streams = new RandomGenerator[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            streams[c] = RandomStreams.forChain(7, "ghmc", c);
        }
        double[] scale = {1.0, 0.8, 1.3, 1.0, 0.6};
        GhmcParameters p = new GhmcParameters(eps, scale, alpha, alpha / 2);
        int[] slots = new int[CHAINS];
        GhmcParameters[] params = new GhmcParameters[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            slots[c] = c;
            params[c] = p;
        }
        try (WorkerPool pool = new WorkerPool(2)) {
            GhmcEnsemble ensemble = new GhmcEnsemble(target, block, streams, pool, 8);
            long accepted = 0;
            for (int step = 1; step <= 20; step++) {
                ensemble.step(slots, params, CHAINS);
                if (step == 1 || step == 20) {
                    assertMarginals(block, "after " + step + " steps");
                }
            }
            for (int c = 0; c < CHAINS; c++) {
                accepted += ensemble.acceptances(c);
            }
            double rate = accepted / (20.0 * CHAINS);
            assertTrue(rate > 0.3 && rate < 1.0, "acceptance rate " + rate + " shows the test exercises both branches");
        }
    }

    private static void assertMarginals(ChainBlock block, String when) {
        double[] x = block.positions();
        double[] z = block.momenta();
        for (double[] a : new double[][] {x, z}) {
            for (int j = 0; j < D; j++) {
                double sum = 0;
                double sq = 0;
                for (int c = 0; c < CHAINS; c++) {
                    double v = a[c * D + j];
                    sum += v;
                    sq += v * v;
                }
                double mean = sum / CHAINS;
                double var = sq / CHAINS - mean * mean;
                // se of the mean 1/sqrt(n); of the variance sqrt(2/n) for a normal
                assertEquals(0.0, mean, 4.5 / Math.sqrt(CHAINS), when + ": mean of coordinate " + j);
                assertEquals(1.0, var, 4.5 * Math.sqrt(2.0 / CHAINS), when + ": variance of coordinate " + j);
            }
        }
        double[] u = block.slices().clone();
        Arrays.sort(u);
        double ks = 0;
        for (int i = 0; i < u.length; i++) {
            assertTrue(u[i] >= -1 && u[i] < 1, "u out of range: " + u[i]);
            double cdf = (u[i] + 1) / 2;
            ks = Math.max(ks, Math.max(Math.abs(cdf - (double) i / u.length), Math.abs(cdf - (i + 1.0) / u.length)));
        }
        // Kolmogorov–Smirnov critical value at level 0.001: 1.95 / sqrt(n)
        assertTrue(ks < 1.95 / Math.sqrt(CHAINS), when + ": u not uniform, KS distance " + ks);
    }
}
