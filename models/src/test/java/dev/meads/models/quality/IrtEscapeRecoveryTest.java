package dev.meads.models.quality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.ghmc.GhmcEnsemble;
import dev.meads.engine.init.TrajectorySpread;
import dev.meads.engine.meads.EscapeEvent;
import dev.meads.engine.meads.MeadsAdaptation;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.meads.MeadsTrace;
import dev.meads.engine.nuts.NutsDraws;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.nuts.NutsSampler;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.Irt2plModel;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The Python failure mode on the real IRT model: a few chains thrown far out in a weakly
 * identified direction (log a of an item at -1e6, where the log density is finite but a
 * million below the others) poison the folds' scales, and without the guard every fold's step
 * size collapses; with the guard the chains are found, restarted from healthy chains of other
 * folds, reported, and the step sizes recover.
 */
class IrtEscapeRecoveryTest {
    private static final int CHAINS = 64;

    private record Outcome(double finalStepSize, double smallestLate, List<EscapeEvent> events) {
    }

    private static Outcome run(boolean guard) {
        Irt2plModel model = new Irt2plModel(Datasets.notebookIrt());
        int d = model.dimension();
        NutsSampler nuts = new NutsSampler(model, NutsOptions.defaults(), RandomStreams.forPurpose(3, "nuts"));
        double[] start = new double[d];
        nuts.warmup(start, 300);
        NutsDraws trajectory = nuts.sample(100);
        ChainBlock block = new ChainBlock(CHAINS, d);
        RandomGenerator[] streams = new RandomGenerator[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            streams[c] = RandomStreams.forChain(3, "chain", c);
        }
        new TrajectorySpread(20, 0.05).spread(trajectory.positions(), trajectory.size(), model, block,
                RandomStreams.forPurpose(3, "pick"), streams);
        for (int c = 0; c < CHAINS; c++) {
            for (int j = 0; j < d; j++) {
                block.momenta()[c * d + j] = streams[c].nextGaussian();
            }
            block.slices()[c] = streams[c].nextDouble(-1, 1);
        }
        MeadsOptions options = MeadsOptions.defaults().withIterations(700).withGuard(guard);
        try (WorkerPool pool = new WorkerPool(2)) {
            GhmcEnsemble ensemble = new GhmcEnsemble(model, block, streams, pool, model.blockGranularity());
            MeadsAdaptation meads = new MeadsAdaptation(ensemble, options, RandomStreams.forPurpose(3, "shuffle"),
                    streams);
            for (int t = 0; t < 300; t++) {
                meads.iterate();
            }
            int logA5 = 100 + 30 + 4; // theta[100], b[30], then log_a[1..30]
            for (int c : new int[] {3, 17, 40}) {
                block.positions()[c * d + logA5] = -1e6;
                block.evaluate(model, c, c + 1);
                ensemble.refreshEnergy(c);
            }
            for (int t = 300; t < 700; t++) {
                meads.iterate();
            }
            MeadsTrace trace = meads.trace();
            double smallest = Double.POSITIVE_INFINITY;
            for (int t = 650; t < 700; t++) {
                for (int k = 0; k < trace.folds(); k++) {
                    smallest = Math.min(smallest, trace.stepSize(t, k));
                }
            }
            return new Outcome(meads.frozenParameters().stepSize(), smallest, meads.escapeEvents());
        }
    }

    @Test
    void guardRestartsEscapedChainsAndStepSizesRecover() {
        Outcome with = run(true);
        Outcome without = run(false);
        System.out.printf(Locale.ROOT, "with guard: final step size %.4f, smallest fold step size in the last 50 "
                + "iterations %.3g, events %s%n", with.finalStepSize(), with.smallestLate(), with.events());
        System.out.printf(Locale.ROOT, "without guard: final step size %.3g, smallest fold step size %.3g%n",
                without.finalStepSize(), without.smallestLate());
        assertTrue(without.smallestLate() < 1e-3, "the failure mode is real: " + without.smallestLate());
        assertTrue(without.events().isEmpty());
        assertTrue(with.events().size() >= 3, with.events().toString());
        assertTrue(with.events().stream().allMatch(e -> e.donor() >= 0), "every escaped chain was restarted");
        assertFalse(with.events().stream().anyMatch(e -> e.chain() != 3 && e.chain() != 17 && e.chain() != 40),
                "no healthy chain was restarted: " + with.events());
        assertTrue(with.smallestLate() > 0.1, "step sizes recovered: " + with.smallestLate());
        assertTrue(with.finalStepSize() > 0.25, "final step size " + with.finalStepSize());
    }
}
