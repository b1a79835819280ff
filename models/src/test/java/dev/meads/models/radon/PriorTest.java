package dev.meads.models.radon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorTest {

    static List<ScalePrior> scalePriors() {
        return List.of(ScalePrior.halfNormal(1), ScalePrior.halfNormal(0.3), ScalePrior.halfCauchy(1),
                ScalePrior.halfCauchy(2.5), ScalePrior.exponential(1), ScalePrior.exponential(4));
    }

    /** The normalising constant of the family, which the kernel omits. */
    private static double normaliser(ScalePrior p) {
        return switch (p) {
            case ScalePrior.HalfNormal h -> h.scale() * Math.sqrt(Math.PI / 2);
            case ScalePrior.HalfCauchy c -> c.scale() * Math.PI / 2;
            case ScalePrior.Exponential e -> 1 / e.rate();
        };
    }

    /**
     * The kernel integrates to the family's known constant: the trapezoid rule in u = log sigma
     * over [-60, 60] (step 1e-3), where the integrand is smooth and its ends negligible.
     */
    @ParameterizedTest
    @MethodSource("scalePriors")
    void kernelIntegratesToTheFamilysNormaliser(ScalePrior p) {
        double h = 1e-3;
        double sum = 0;
        for (int k = 0; k <= 120_000; k++) {
            double u = -60 + k * h;
            double w = (k == 0 || k == 120_000) ? 0.5 : 1.0;
            sum += w * Math.exp(p.logDensity(Math.exp(u)) + u);
        }
        assertEquals(normaliser(p), sum * h, 1e-9 * normaliser(p), p.toString());
    }

    @ParameterizedTest
    @MethodSource("scalePriors")
    void logScaleDerivativeMatchesFiniteDifferences(ScalePrior p) {
        for (double u : new double[]{-30, -5, -1, -0.2, 0, 0.1, 0.9, 1.0, 1.1, 3, 8}) {
            double h = 1e-3;
            double fd = (-f(p, u + 2 * h) + 8 * f(p, u + h) - 8 * f(p, u - h) + f(p, u - 2 * h)) / (12 * h);
            double g = p.logScaleDerivative(Math.exp(u));
            assertEquals(fd, g, 1e-8 * Math.max(1, Math.abs(g)), p + " at log sigma " + u);
        }
    }

    private static double f(ScalePrior p, double u) {
        return p.logDensity(Math.exp(u));
    }

    @Test
    void halfCauchyIsFiniteAndContinuousEverywhere() {
        ScalePrior p = ScalePrior.halfCauchy(1);
        for (double s : new double[]{1e-300, 1e-13, 1e13, 1e200, Double.MAX_VALUE}) {
            assertTrue(Double.isFinite(p.logDensity(s)), "sigma " + s);
            assertTrue(Double.isFinite(p.logScaleDerivative(s)), "sigma " + s);
        }
        assertEquals(-2 * Math.log(1e200), p.logDensity(1e200), 1e-12 * 921);
        assertEquals(-2.0, p.logScaleDerivative(1e200));
        double edge = ScalePrior.HalfCauchy.LARGE_RATIO;
        assertEquals(p.logDensity(Math.nextDown(edge)), p.logDensity(Math.nextUp(edge)), 1e-12);
        assertEquals(p.logScaleDerivative(Math.nextDown(edge)), p.logScaleDerivative(Math.nextUp(edge)), 1e-15);
        assertEquals(-Math.log(2), p.logDensity(1.0), 1e-16);
        assertEquals(-1.0, p.logScaleDerivative(1.0), 1e-16);
    }

    @Test
    void normalPriorIsTheGaussianKernel() {
        NormalPrior p = new NormalPrior(-1.5, 2.0);
        double h = 1e-3;
        double sum = 0;
        for (int k = -40_000; k <= 40_000; k++) {
            sum += Math.exp(p.logDensity(-1.5 + k * h));
        }
        assertEquals(2.0 * Math.sqrt(2 * Math.PI), sum * h, 1e-10);
        for (double v : new double[]{-10, -1.5, 0, 3.3}) {
            double fd = (-p.logDensity(v + 2 * h) + 8 * p.logDensity(v + h) - 8 * p.logDensity(v - h)
                    + p.logDensity(v - 2 * h)) / (12 * h);
            assertEquals(fd, p.derivative(v), 1e-9);
        }
        assertEquals(0.0, p.logDensity(-1.5), 0.0);
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new NormalPrior(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NormalPrior(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> ScalePrior.halfCauchy(-1));
        assertThrows(IllegalArgumentException.class, () -> ScalePrior.halfNormal(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ScalePrior.exponential(0));
        assertThrows(NullPointerException.class, () -> new RadonPriors(null, ScalePrior.halfNormal(1),
                NormalPrior.centredAtZero(1), ScalePrior.halfNormal(1)));
    }

    @Test
    void namedSettingsAreTheNotebookAndPosteriordbOnes() {
        RadonPriors nb = RadonPriors.notebook();
        assertEquals(new NormalPrior(0, 1), nb.muAlpha());
        assertEquals(new NormalPrior(0, 1), nb.beta());
        assertEquals(new ScalePrior.HalfCauchy(1), nb.sigmaAlpha());
        assertEquals(new ScalePrior.HalfCauchy(1), nb.sigmaY());
        RadonPriors pdb = RadonPriors.posteriordb();
        assertEquals(new NormalPrior(0, 10), pdb.muAlpha());
        assertEquals(new NormalPrior(0, 10), pdb.beta());
        assertEquals(new ScalePrior.HalfNormal(1), pdb.sigmaAlpha());
        assertEquals(new ScalePrior.HalfNormal(1), pdb.sigmaY());
    }
}
