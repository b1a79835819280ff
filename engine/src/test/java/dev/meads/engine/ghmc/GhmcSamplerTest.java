package dev.meads.engine.ghmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.engine.run.ProgressListener;
import dev.meads.engine.testing.DiagonalGaussian;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sampling phase stores each draw on the worker that moved the chain: the draws and sampler
 * columns do not depend on the thread count, and a listener sees exactly what was stored, chains
 * in order, on the calling thread.
 */
class GhmcSamplerTest {
    private static final int CHAINS = 40;
    private static final int D = 3;

    private static Draws sample(int threads, List<String> heard) {
        Thread caller = Thread.currentThread();
        return sample(threads, (chain, iteration, values, sampler) -> {
            if (Thread.currentThread() != caller) {
                throw new AssertionError("listener called on " + Thread.currentThread());
            }
            heard.add(chain + "/" + iteration + "/" + java.util.Arrays.toString(values) + "/"
                    + java.util.Arrays.toString(sampler));
        });
    }

    private static Draws sample(int threads, DrawListener listener) {
        DiagonalGaussian target = DiagonalGaussian.centred(1.0, 2.0, 0.5);
        ChainBlock block = new ChainBlock(CHAINS, D);
        RandomGenerator init = RandomStreams.forPurpose(4, "init");
        RandomGenerator[] streams = new RandomGenerator[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            streams[c] = RandomStreams.forChain(4, "chain", c);
            for (int j = 0; j < D; j++) {
                block.positions()[c * D + j] = init.nextGaussian();
                block.momenta()[c * D + j] = init.nextGaussian();
            }
            block.slices()[c] = init.nextDouble(-1, 1);
        }
        block.evaluate(target, 0, CHAINS);
        try (WorkerPool pool = new WorkerPool(threads)) {
            GhmcEnsemble ensemble = new GhmcEnsemble(target, block, streams, pool, 1);
            GhmcParameters p = new GhmcParameters(0.7, new double[] {1.0, 2.0, 0.5}, 0.3, 0.15);
            return new GhmcSampler(ensemble, target, p).sample(50, ProgressListener.NONE, () -> false, listener);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void drawsAndListenerDoNotDependOnThreads(int threads) {
        List<String> heardOne = new ArrayList<>();
        List<String> heardMany = new ArrayList<>();
        Draws one = sample(1, heardOne);
        Draws many = sample(threads, heardMany);
        assertEquals(heardOne, heardMany);
        assertEquals(CHAINS * 50, heardMany.size());
        double[] a = new double[D];
        double[] b = new double[D];
        int k = 0;
        for (int it = 0; it < 50; it++) {
            for (int c = 0; c < CHAINS; c++) {
                one.draw(c, it, a, 0);
                many.draw(c, it, b, 0);
                assertArrayEquals(a, b);
                double[] sampler = new double[SamplerColumn.COUNT];
                for (SamplerColumn col : SamplerColumn.values()) {
                    assertEquals(one.sampler(c, it, col), many.sampler(c, it, col), 0.0);
                    sampler[col.ordinal()] = many.sampler(c, it, col);
                }
                // the listener heard the stored values, chains in order within an iteration
                assertEquals(c + "/" + it + "/" + java.util.Arrays.toString(b) + "/"
                        + java.util.Arrays.toString(sampler), heardMany.get(k++));
            }
        }
    }

    /** Records, per chain, what it heard; draws of a chain must arrive in order. */
    private static final class PerChainListener implements DrawListener {
        final List<List<String>> heard = new ArrayList<>();

        PerChainListener() {
            for (int c = 0; c < CHAINS; c++) {
                heard.add(new ArrayList<>());
            }
        }

        @Override
        public boolean chainsConcurrently() {
            return true;
        }

        @Override
        public void draw(int chain, int iteration, double[] values, double[] sampler) {
            List<String> mine = heard.get(chain);
            if (mine.size() != iteration) {
                throw new AssertionError("chain " + chain + " got iteration " + iteration + " after " + mine.size());
            }
            mine.add(java.util.Arrays.toString(values) + "/" + java.util.Arrays.toString(sampler));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void concurrentListenerHearsEachChainInOrderOnTheWorkers(int threads) {
        PerChainListener listener = new PerChainListener();
        Draws draws = sample(threads, listener);
        double[] values = new double[D];
        for (int c = 0; c < CHAINS; c++) {
            assertEquals(50, listener.heard.get(c).size());
            for (int it = 0; it < 50; it++) {
                draws.draw(c, it, values, 0);
                double[] sampler = new double[SamplerColumn.COUNT];
                for (SamplerColumn col : SamplerColumn.values()) {
                    sampler[col.ordinal()] = draws.sampler(c, it, col);
                }
                assertEquals(java.util.Arrays.toString(values) + "/" + java.util.Arrays.toString(sampler),
                        listener.heard.get(c).get(it));
            }
        }
    }
}
