package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test vector of ALGORITHMS §5.2. */
class DualAveragingTest {

    @Test
    void reproducesTheReferenceSequence() {
        DualAveraging da = new DualAveraging(0.8, 0.05, 10, 0.75, Math.log(10));
        double[] stats = {1.0, 0.5, 0.9, 0.0, 1.3};
        double[] eps = {14.3855100958, 7.90015857928, 10.0, 1.01701392304, 1.67151551847};
        double[] avg = {14.3855100958, 10.072939579, 10.0408763432, 4.46871148515, 3.33010575798};
        for (int i = 0; i < stats.length; i++) {
            double e = da.update(stats[i]);
            assertEquals(eps[i], e, 1e-9 * eps[i], "step size after update " + (i + 1));
            assertEquals(avg[i], da.averagedStepSize(), 1e-9 * avg[i], "averaged step size after update " + (i + 1));
            assertEquals(i + 1, da.iterations());
        }
    }

    @Test
    void restartForgetsTheHistory() {
        DualAveraging da = new DualAveraging(0.8, 0.05, 10, 0.75, Math.log(10));
        da.update(0.2);
        da.update(0.9);
        da.restart(Math.log(10));
        assertEquals(0, da.iterations());
        assertEquals(14.3855100958, da.update(1.0), 1e-8);
    }
}
