package dev.meads.models.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.Irt2plModel;
import dev.meads.models.irt.IrtData;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * MEADS must never freeze on the notebook's IRT pipeline (the Python implementation collapsed
 * in 2 of 4 runs: every step size near 1e-8). Over 20 seeds of NUTS initialisation + spread +
 * 1000 MEADS iterations, no run may end with a step size below a third of the median run's,
 * and none below the collapse threshold. The sampling phase is cut to a few draws: it does not
 * change the step size, which is frozen at the end of warmup.
 */
class IrtRobustnessTest {

    @Test
    void noRunOfTwentyCollapses() {
        IrtData data = Datasets.notebookIrt();
        int runs = 20;
        double[] eps = new double[runs];
        int restarts = 0;
        StringBuilder log = new StringBuilder();
        for (int seed = 1; seed <= runs; seed++) {
            SamplingResult r = MeadsSampler.forModel(new Irt2plModel(data)).seed(seed).threads(2).draws(5)
                    .compareInitialisations(false, 0.5).run();
            eps[seed - 1] = r.details().frozenParameters().stepSize();
            restarts += r.details().escapeEvents().size();
            log.append(String.format(Locale.ROOT, "seed %2d: step size %.4f, alpha %.3f, escaped chains %d%n", seed,
                    eps[seed - 1], r.details().frozenParameters().alpha(), r.details().escapeEvents().size()));
        }
        double[] sorted = eps.clone();
        Arrays.sort(sorted);
        double median = 0.5 * (sorted[runs / 2 - 1] + sorted[runs / 2]);
        System.out.print(log);
        System.out.printf(Locale.ROOT, "step sizes: min %.4f, median %.4f, max %.4f; escaped-chain restarts %d%n",
                sorted[0], median, sorted[runs - 1], restarts);
        assertTrue(sorted[0] >= median / 3, "a run ended with step size " + sorted[0] + " < median/3 = " + median / 3
                + "\n" + log);
        assertTrue(sorted[0] > 1e-3, "collapse\n" + log);
    }
}
