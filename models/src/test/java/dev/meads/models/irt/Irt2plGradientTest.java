package dev.meads.models.irt;

import dev.meads.engine.model.LogDensity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each implementation's gradient against 5-point central finite differences of its own log
 * density, to 1e-7 relative ({@code |fd - g| <= 1e-7 max(1, |g|)}), at typical and extreme
 * points.
 */
class Irt2plGradientTest {
    private static final double TOLERANCE = 1e-7;
    private static final IrtData DATA = Irt2plFixtures.data(100, 30, 21);

    /** The three ways to evaluate: scalar reference, vector single chain, vector block of one chain. */
    private static List<Arguments> implementations() {
        List<Arguments> list = new ArrayList<>();
        LogDensity scalar = new Irt2plScalarModel(DATA);
        Irt2plModel vector = new Irt2plModel(DATA);
        list.add(Arguments.of("scalar", scalar, false));
        list.add(Arguments.of("single chain", vector, false));
        list.add(Arguments.of("block", vector, true));
        return list;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Arguments impl : implementations()) {
            Object[] a = impl.get();
            for (int p = 0; p < 3; p++) {
                cases.add(Arguments.of(a[0], a[1], a[2], "typical " + p));
            }
            for (Irt2plFixtures.Extreme kind : Irt2plFixtures.Extreme.values()) {
                cases.add(Arguments.of(a[0], a[1], a[2], kind.name()));
            }
        }
        return cases.stream();
    }

    private static double[] point(String which) {
        SplittableRandom random = new SplittableRandom(which.hashCode());
        return which.startsWith("typical") ? Irt2plFixtures.typicalPoint(DATA, random)
                : Irt2plFixtures.extremePoint(DATA, Irt2plFixtures.Extreme.valueOf(which), random);
    }

    private static double evaluate(LogDensity model, boolean block, double[] x, double[] grad) {
        if (block) {
            double[] lp = new double[1];
            model.logDensityAndGradient(x, grad, lp, 0, 1);
            return lp[0];
        }
        return model.logDensityAndGradient(x, 0, grad, 0);
    }

    /**
     * Step per coordinate: 1e-2 divided by how fast the logits that are in the curved part of the
     * logistic (|eta| < 40) move with that coordinate; saturated terms are linear and need no
     * small step.
     */
    private static double[] steps(double[] x) {
        int students = DATA.students();
        int items = DATA.items();
        double[] rate = new double[x.length];
        java.util.Arrays.fill(rate, 1.0);
        for (int j = 0; j < items; j++) {
            double a = Math.exp(x[students + items + j]);
            for (int i = 0; i < students; i++) {
                double eta = a * (x[i] - x[students + j]);
                if (Math.abs(eta) < 40) {
                    rate[i] = Math.max(rate[i], a);
                    rate[students + j] = Math.max(rate[students + j], a);
                    rate[students + items + j] = Math.max(rate[students + items + j], Math.abs(eta));
                }
            }
        }
        double[] h = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            h[k] = 1e-2 / rate[k];
        }
        return h;
    }

    @ParameterizedTest(name = "{0} at {3}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(String name, LogDensity model, boolean block, String which) {
        double[] x = point(which);
        int d = x.length;
        double[] grad = new double[d];
        double lp = evaluate(model, block, x, grad);
        assertTrue(Double.isFinite(lp), name + ": log density " + lp);
        double[] scratch = new double[d];
        ToDoubleFunction<double[]> f = y -> evaluate(model, block, y, scratch);
        double[] h = steps(x);
        for (int k = 0; k < d; k++) {
            assertTrue(Double.isFinite(grad[k]), name + ": gradient " + k + " is " + grad[k]);
            double[] y = x.clone();
            double x0 = x[k];
            y[k] = x0 - 2 * h[k];
            double fm2 = f.applyAsDouble(y);
            y[k] = x0 - h[k];
            double fm1 = f.applyAsDouble(y);
            y[k] = x0 + h[k];
            double fp1 = f.applyAsDouble(y);
            y[k] = x0 + 2 * h[k];
            double fp2 = f.applyAsDouble(y);
            double fd = (fm2 - 8 * fm1 + 8 * fp1 - fp2) / (12 * h[k]);
            assertTrue(Math.abs(fd - grad[k]) <= TOLERANCE * Math.max(1.0, Math.abs(grad[k])),
                    name + " at " + which + ": coordinate " + k + " gradient " + grad[k] + ", finite difference " + fd);
        }
    }
}
