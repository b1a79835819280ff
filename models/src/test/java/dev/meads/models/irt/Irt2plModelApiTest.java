package dev.meads.models.irt;

import dev.meads.engine.model.LogDensity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Irt2plModelApiTest {
    private static final IrtData DATA = Irt2plFixtures.data(3, 2, 1);

    @Test
    void namesAreOneBasedInParameterOrder() {
        String[] unconstrained = {"theta[1]", "theta[2]", "theta[3]", "b[1]", "b[2]", "log_a[1]", "log_a[2]"};
        String[] constrained = {"theta[1]", "theta[2]", "theta[3]", "b[1]", "b[2]", "a[1]", "a[2]"};
        for (LogDensity model : new LogDensity[] {new Irt2plModel(DATA), new Irt2plScalarModel(DATA)}) {
            assertEquals(7, model.dimension());
            assertArrayEquals(unconstrained, model.parameterNames());
            assertArrayEquals(constrained, model.constrainedNames());
        }
    }

    @Test
    void dimensionOfTheSeedSize() {
        assertEquals(160, new Irt2plModel(Irt2plFixtures.data(100, 30, 1)).dimension());
    }

    @Test
    void constrainExponentiatesOnlyTheDiscriminations() {
        double[] x = {9, 9, 0.1, -0.2, 0.3, 0.4, -1.0, Math.log(2.5), -3.0};
        double[] out = new double[9];
        new Irt2plModel(DATA).constrain(x, 2, out, 1);
        assertArrayEquals(new double[] {0, 0.1, -0.2, 0.3, 0.4, -1.0, Math.exp(Math.log(2.5)), Math.exp(-3.0), 0}, out);
    }

    @Test
    void initialPointIsTheOriginWithFiniteDensity() {
        Irt2plModel model = new Irt2plModel(DATA);
        double[] x = new double[9];
        java.util.Arrays.fill(x, 5.0);
        model.initialPoint(x, 1);
        assertArrayEquals(new double[] {5, 0, 0, 0, 0, 0, 0, 0, 5}, x);
        double[] grad = new double[7];
        double lp = model.logDensityAndGradient(x, 1, grad, 0);
        // Every logit is 0: each response contributes -log 2; a = 1 gives -1/2 per item.
        assertEquals(-6 * Math.log(2) - 2 * 0.5, lp, 1e-14);
        for (double g : grad) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void copyHasItsOwnScratchAndTheSameDensity() {
        Irt2plModel model = new Irt2plModel(DATA);
        Irt2plModel copy = model.copy();
        assertNotSame(model, copy);
        assertEquals(model.dimension(), copy.dimension());
        assertEquals(model.name(), copy.name());
        assertTrue(model.name().contains("3 students x 2 items"), model.name());
    }

    @ParameterizedTest
    @EnumSource(Irt2plModel.EnsembleKernel.class)
    void nonFiniteInputsGiveNonFiniteDensityWithoutThrowing(Irt2plModel.EnsembleKernel kernel) {
        Irt2plModel model = new Irt2plModel(DATA, kernel);
        double[] grad = new double[7];
        double[][] points = {
                {Double.NaN, 0, 0, 0, 0, 0, 0},
                {0, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0},
                {0, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, 0},
                {0, 0, 0, 0, 0, Double.NaN, 0},
                {0, 0, 0, 0, 0, 1000, 0},
        };
        for (double[] x : points) {
            assertTrue(!Double.isFinite(model.logDensityAndGradient(x, 0, grad, 0)), java.util.Arrays.toString(x));
            double[] lp = new double[1];
            model.logDensityAndGradient(x, grad, lp, 0, 1);
            assertTrue(!Double.isFinite(lp[0]), java.util.Arrays.toString(x));
            assertTrue(!Double.isFinite(new Irt2plScalarModel(DATA).logDensityAndGradient(x, 0, grad, 0)));
        }
    }

    @Test
    void blockKernelIsTheDefaultAndTheChoiceIsRequired() {
        assertEquals(Irt2plModel.EnsembleKernel.BLOCK, new Irt2plModel(DATA).ensembleKernel());
        assertEquals(Irt2plModel.EnsembleKernel.BLOCK, new Irt2plModel(DATA).copy().ensembleKernel());
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Irt2plModel(DATA, null));
        assertTrue(e.getMessage().contains("ensembleKernel"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Irt2plModel.EnsembleKernel.class)
    void badRangesAreRejectedWithClearMessages(Irt2plModel.EnsembleKernel kernel) {
        Irt2plModel model = new Irt2plModel(DATA, kernel);
        double[] small = new double[6];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.logDensityAndGradient(small, 0, new double[7], 0));
        assertTrue(e.getMessage().contains("position"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.logDensityAndGradient(new double[14], new double[14], new double[2], 1, 3));
        assertThrows(IllegalArgumentException.class,
                () -> model.logDensityAndGradient(new double[14], new double[14], new double[2], 2, 1));
        model.logDensityAndGradient(new double[14], new double[14], new double[2], 1, 1); // empty range: nothing to do
    }
}
