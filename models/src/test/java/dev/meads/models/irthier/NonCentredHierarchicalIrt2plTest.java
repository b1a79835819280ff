package dev.meads.models.irthier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.model.GradientCheck;
import dev.meads.engine.model.GradientCheckResult;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.IrtData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The non-centred form: its gradient, and that it is the centred posterior seen through the
 * change of variables {@code theta = sigma_theta theta_raw}, {@code log a = sigma_a a_raw},
 * {@code b = mu_b + sigma_b b_raw} (same constrained values; log densities differing exactly by
 * the log-Jacobian {@code J log sigma_theta + I log sigma_a + I log sigma_b}).
 */
class NonCentredHierarchicalIrt2plTest {
    private static final IrtData DATA = Datasets.posteriordbIrt2pl();
    private static final NonCentredHierarchicalIrt2pl NON_CENTRED = new NonCentredHierarchicalIrt2pl(DATA);
    private static final HierarchicalIrt2pl CENTRED = new HierarchicalIrt2pl(DATA);
    private static final int J = 100;
    private static final int I = 20;
    private static final int SIGMA_THETA = 0;
    private static final int SIGMA_A = 1 + J;
    private static final int A = SIGMA_A + 1;
    private static final int MU_B = A + I;
    private static final int SIGMA_B = MU_B + 1;
    private static final int B = SIGMA_B + 1;

    @Test
    void namesFollowTheCentredModel() {
        assertEquals(144, NON_CENTRED.dimension());
        assertArrayEquals(CENTRED.constrainedNames(), NON_CENTRED.constrainedNames());
        assertEquals("theta_raw[1]", NON_CENTRED.parameterNames()[1]);
        assertEquals("a_raw[20]", NON_CENTRED.parameterNames()[MU_B - 1]);
        assertEquals("b_raw[1]", NON_CENTRED.parameterNames()[B]);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheckResult r = GradientCheck.of(NON_CENTRED).atRandomPoints(4, 1.0, 5);
        assertTrue(r.passed(), r::toString);
        GradientCheckResult wide = GradientCheck.of(NON_CENTRED).atRandomPoints(3, 2.5, 6);
        assertTrue(wide.passed(), wide::toString);
    }

    @Test
    void sameDistributionAsTheCentredModel() {
        SplittableRandom random = new SplittableRandom(8);
        double[] grad = new double[144];
        for (int p = 0; p < 20; p++) {
            double[] raw = new double[144];
            for (int k = 0; k < raw.length; k++) {
                raw[k] = (p < 10 ? 0.5 : 1.2) * random.nextGaussian();
            }
            double sigmaTheta = Math.exp(raw[SIGMA_THETA]);
            double sigmaA = Math.exp(raw[SIGMA_A]);
            double sigmaB = Math.exp(raw[SIGMA_B]);
            double[] centred = raw.clone();
            for (int j = 0; j < J; j++) {
                centred[1 + j] = sigmaTheta * raw[1 + j];
            }
            for (int i = 0; i < I; i++) {
                centred[A + i] = sigmaA * raw[A + i];
                centred[B + i] = raw[MU_B] + sigmaB * raw[B + i];
            }
            double[] fromRaw = new double[144];
            double[] fromCentred = new double[144];
            NON_CENTRED.constrain(raw, 0, fromRaw, 0);
            CENTRED.constrain(centred, 0, fromCentred, 0);
            assertArrayEquals(fromCentred, fromRaw, 1e-12);

            double lpRaw = NON_CENTRED.logDensityAndGradient(raw, 0, grad, 0);
            double lpCentred = CENTRED.logDensityAndGradient(centred, 0, grad, 0);
            double logJacobian = J * raw[SIGMA_THETA] + I * raw[SIGMA_A] + I * raw[SIGMA_B];
            assertEquals(lpCentred + logJacobian, lpRaw, 1e-10 * Math.max(1, Math.abs(lpRaw)), "point " + p);
        }
    }
}
