package dev.meads.models.irthier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.model.GradientCheck;
import dev.meads.engine.model.GradientCheckResult;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.IrtData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hierarchical 2PL on posteriordb's data: names and layout, the gradient (by
 * {@link GradientCheck}) at random and extreme points, and the log density against a
 * line-by-line transcription of the Stan program.
 */
class HierarchicalIrt2plTest {
    private static final IrtData DATA = Datasets.posteriordbIrt2pl();
    private static final HierarchicalIrt2pl MODEL = new HierarchicalIrt2pl(DATA);
    private static final int PERSONS = 100;
    private static final int ITEMS = 20;
    private static final int SIGMA_THETA = 0;
    private static final int THETA = 1;
    private static final int SIGMA_A = THETA + PERSONS;
    private static final int A = SIGMA_A + 1;
    private static final int MU_B = A + ITEMS;
    private static final int SIGMA_B = MU_B + 1;
    private static final int B = SIGMA_B + 1;

    @Test
    void namesAndLayoutFollowTheStanProgram() {
        assertEquals(PERSONS, DATA.students());
        assertEquals(ITEMS, DATA.items());
        assertEquals(144, MODEL.dimension());
        assertArrayEquals(ReferenceSummary.load().names(), MODEL.constrainedNames());
        String[] u = MODEL.parameterNames();
        assertEquals("log_sigma_theta", u[SIGMA_THETA]);
        assertEquals("theta[100]", u[SIGMA_A - 1]);
        assertEquals("log_sigma_a", u[SIGMA_A]);
        assertEquals("log_a[1]", u[A]);
        assertEquals("mu_b", u[MU_B]);
        assertEquals("log_sigma_b", u[SIGMA_B]);
        assertEquals("b[20]", u[143]);
        assertSame(MODEL, MODEL.copy());
        assertEquals("irt_2pl_hier(100 persons x 20 items)", MODEL.name());
    }

    @Test
    void constrainExponentiatesThePositiveParametersOnly() {
        double[] x = randomPoint(new SplittableRandom(3), 1.0);
        double[] out = new double[MODEL.dimension() + 2];
        MODEL.constrain(x, 0, out, 2);
        for (int k = 0; k < MODEL.dimension(); k++) {
            boolean positive = k == SIGMA_THETA || k == SIGMA_A || k == SIGMA_B || (k >= A && k < A + ITEMS);
            assertEquals(positive ? Math.exp(x[k]) : x[k], out[2 + k], 0.0, MODEL.constrainedNames()[k]);
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesAtRandomPoints() {
        GradientCheckResult near = GradientCheck.of(MODEL).atRandomPoints(4, 1.0, 17);
        assertTrue(near.passed(), near::toString);
        GradientCheckResult wide = GradientCheck.of(MODEL).atRandomPoints(4, 3.0, 18);
        assertTrue(wide.passed(), wide::toString);
    }

    @Test
    void gradientMatchesFiniteDifferencesAtExtremePoints() {
        SplittableRandom random = new SplittableRandom(29);
        List<double[]> points = new ArrayList<>();
        // funnel neck: tiny scales with the centred parameters near their means
        points.add(withScales(randomPoint(random, 0.01), -6, -6, -6));
        // very wide scales, far-out abilities and difficulties
        points.add(withScales(randomPoint(random, 8.0), 6, 4, 6));
        // steep items: a up to e^4 ≈ 55, so that most logits are saturated (|eta| in the hundreds)
        double[] steep = randomPoint(random, 2.0);
        for (int i = 0; i < ITEMS; i++) {
            steep[A + i] = 3 + random.nextDouble();
        }
        points.add(steep);
        // nearly flat items: a about e^-10
        double[] flat = randomPoint(random, 2.0);
        for (int i = 0; i < ITEMS; i++) {
            flat[A + i] = -10 + random.nextDouble();
        }
        points.add(flat);
        GradientCheckResult r = GradientCheck.of(MODEL).at(points);
        assertTrue(r.passed(), r::toString);
        assertEquals(4 * 144, r.coordinatesChecked());
    }

    @Test
    void logDensityEqualsTheStanTranscriptionUpToAConstant() {
        SplittableRandom random = new SplittableRandom(41);
        double[] grad = new double[MODEL.dimension()];
        double first = Double.NaN;
        for (int p = 0; p < 30; p++) {
            double[] x = randomPoint(random, p < 10 ? 0.3 : p < 20 ? 0.7 : 1.2);
            double transcription = StanTranscription.logDensity(DATA, x);
            double model = MODEL.logDensityAndGradient(x, 0, grad, 0);
            double difference = transcription - model;
            if (p == 0) {
                first = difference;
            }
            // rounding of sums of thousands of terms of size up to |lp|
            double allowed = 1e-12 * 2000 * Math.max(1, Math.abs(model));
            assertEquals(first, difference, allowed, "point " + p + ": lp = " + model);
        }
        // the constant is exactly the normalising terms the model leaves out
        double logSqrtTwoPi = 0.5 * Math.log(2 * Math.PI);
        double expected = 3 * (-Math.log(Math.PI) - Math.log(2))   // three cauchy(0, 2)
                - (PERSONS + ITEMS + ITEMS + 1) * logSqrtTwoPi      // theta, a (lognormal), b, mu_b
                - Math.log(5);                                      // normal(0, 5) on mu_b
        assertEquals(expected, first, 1e-9);
    }

    /** Every coordinate N(0, scale²), independently. */
    private static double[] randomPoint(SplittableRandom random, double scale) {
        double[] x = new double[MODEL.dimension()];
        for (int k = 0; k < x.length; k++) {
            x[k] = scale * random.nextGaussian();
        }
        return x;
    }

    private static double[] withScales(double[] x, double logSigmaTheta, double logSigmaA, double logSigmaB) {
        x[SIGMA_THETA] = logSigmaTheta;
        x[SIGMA_A] = logSigmaA;
        x[SIGMA_B] = logSigmaB;
        return x;
    }
}
