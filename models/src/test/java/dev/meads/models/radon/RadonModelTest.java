package dev.meads.models.radon;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.rng.RandomStreams;
import dev.meads.models.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import static dev.meads.models.radon.RadonTestSupport.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RadonModelTest {
    private static final RadonData NOTEBOOK = Datasets.notebookRadon();
    private static final RadonData AWKWARD = RadonTestSupport.awkwardData(RandomStreams.forPurpose(7, "awkward"));
    private static final RadonPriors EXPONENTIAL_MIX = new RadonPriors(new NormalPrior(0.5, 2),
            ScalePrior.exponential(2), new NormalPrior(-1, 0.5), ScalePrior.halfNormal(0.7));

    static Stream<Arguments> configurations() {
        List<Arguments> list = new ArrayList<>();
        for (RadonData data : List.of(NOTEBOOK, AWKWARD)) {
            for (RadonParameterization p : RadonParameterization.values()) {
                for (RadonPriors priors : List.of(RadonPriors.notebook(), RadonPriors.posteriordb(), EXPONENTIAL_MIX)) {
                    list.add(Arguments.of(data, p, priors));
                }
            }
        }
        return list.stream();
    }

    private static List<LogDensity> allForms(RadonData data, RadonParameterization p, RadonPriors priors) {
        return List.of(new RadonReferenceDensity(data, priors, p),
                new RadonModel(data, priors, p, RadonModel.Evaluator.SCALAR),
                new RadonModel(data, priors, p, RadonModel.Evaluator.VECTOR));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configurations")
    void gradientMatchesFivePointFiniteDifferences(RadonData data, RadonParameterization p, RadonPriors priors) {
        RandomGenerator rng = RandomStreams.forPurpose(11, "fd");
        int d = data.counties() + 4;
        for (LogDensity model : allForms(data, p, priors)) {
            for (int k = 0; k < 4; k++) {
                double[] x = k < 3 ? RadonTestSupport.typicalPoint(data.counties(), rng)
                        : RadonTestSupport.widePoint(data.counties(), rng);
                double[] g = new double[d];
                model.logDensityAndGradient(x, 0, g, 0);
                double[] scratch = new double[d];
                for (int i = 0; i < d; i++) {
                    double h = 1e-3;
                    double[] y = x.clone();
                    double[] f = new double[4];
                    double[] steps = {2 * h, h, -h, -2 * h};
                    for (int s = 0; s < 4; s++) {
                        y[i] = x[i] + steps[s];
                        f[s] = model.logDensityAndGradient(y, 0, scratch, 0);
                    }
                    double fd = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
                    double tol = 1e-7 * Math.max(1.0, Math.abs(g[i]));
                    if (!(Math.abs(fd - g[i]) <= tol)) {
                        fail(model.name() + " " + model.parameterNames()[i] + " at point " + k + ": gradient " + g[i]
                                + ", finite difference " + fd);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configurations")
    void sufficientStatisticFormsMatchThePerObservationReference(RadonData data, RadonParameterization p,
                                                                 RadonPriors priors) {
        RandomGenerator rng = RandomStreams.forPurpose(12, "agree");
        List<LogDensity> forms = allForms(data, p, priors);
        int d = data.counties() + 4;
        for (int k = 0; k < 40; k++) {
            double[] x = k % 2 == 0 ? RadonTestSupport.typicalPoint(data.counties(), rng)
                    : RadonTestSupport.widePoint(data.counties(), rng);
            double[] gRef = new double[d];
            double lpRef = forms.get(0).logDensityAndGradient(x, 0, gRef, 0);
            for (LogDensity form : forms.subList(1, 3)) {
                double[] g = new double[d];
                double lp = form.logDensityAndGradient(x, 0, g, 0);
                String where = ((RadonModel) form).evaluator() + " at point " + k;
                assertRelativelyClose(lpRef, lp, 1e-12, where + " log density");
                for (int i = 0; i < d; i++) {
                    assertRelativelyClose(gRef[i], g[i], 1e-12, where + " gradient " + form.parameterNames()[i]);
                }
            }
        }
    }

    /** Points where scales are tiny and intercepts huge: still finite, and vector = scalar. */
    static Stream<Arguments> extremes() {
        return Stream.of(RadonParameterization.values()).flatMap(p -> Stream.of(
                Arguments.of(p, -30.0, 0.0, 0.0), Arguments.of(p, 0.0, -30.0, 0.0),
                Arguments.of(p, -30.0, -30.0, 0.0), Arguments.of(p, 0.0, 0.0, 1e6),
                Arguments.of(p, -30.0, -30.0, 1e6), Arguments.of(p, 20.0, 20.0, 1e6)));
    }

    @ParameterizedTest(name = "{0} log sigma_alpha {1}, log sigma_y {2}, |alpha| {3}")
    @MethodSource("extremes")
    void vectorMatchesScalarAtExtremes(RadonParameterization p, double logSigmaAlpha, double logSigmaY,
                                       double alphaSize) {
        RandomGenerator rng = RandomStreams.forPurpose(13, "extremes");
        for (RadonData data : List.of(NOTEBOOK, AWKWARD)) {
            int j = data.counties();
            RadonModel scalar = new RadonModel(data, RadonPriors.notebook(), p, RadonModel.Evaluator.SCALAR);
            RadonModel vector = new RadonModel(data, RadonPriors.notebook(), p, RadonModel.Evaluator.VECTOR);
            for (int k = 0; k < 5; k++) {
                double[] x = RadonTestSupport.typicalPoint(j, rng);
                x[1] = logSigmaAlpha + 0.1 * rng.nextGaussian();
                x[j + 3] = logSigmaY + 0.1 * rng.nextGaussian();
                if (alphaSize > 0) {
                    x[0] = alphaSize * rng.nextGaussian();
                    for (int c = 0; c < j; c++) {
                        x[2 + c] = alphaSize * (2 * rng.nextDouble() - 1);
                    }
                }
                double[] gs = new double[j + 4];
                double[] gv = new double[j + 4];
                double lps = scalar.logDensityAndGradient(x, 0, gs, 0);
                double lpv = vector.logDensityAndGradient(x, 0, gv, 0);
                assertRelativelyClose(lps, lpv, 1e-12, "log density");
                for (int i = 0; i < j + 4; i++) {
                    assertRelativelyClose(gs[i], gv[i], 1e-12, "gradient " + scalar.parameterNames()[i]);
                }
            }
        }
    }

    /**
     * With alpha = mu + sigma_alpha * alpha_raw, the non-centred density is the centred one plus
     * the log-Jacobian J log sigma_alpha of that linear map, and its gradient is the centred
     * gradient pulled back through the map.
     */
    @Test
    void nonCentredIsTheCentredDensityThroughTheLinearMap() {
        RandomGenerator rng = RandomStreams.forPurpose(14, "nc");
        for (RadonData data : List.of(NOTEBOOK, AWKWARD)) {
            int j = data.counties();
            for (RadonPriors priors : List.of(RadonPriors.notebook(), RadonPriors.posteriordb(), EXPONENTIAL_MIX)) {
                RadonModel centred = new RadonModel(data, priors, RadonParameterization.CENTRED, RadonModel.Evaluator.VECTOR);
                RadonModel nonCentred = new RadonModel(data, priors, RadonParameterization.NON_CENTRED,
                        RadonModel.Evaluator.VECTOR);
                for (int k = 0; k < 10; k++) {
                    double[] y = RadonTestSupport.widePoint(j, rng);
                    double sigmaAlpha = Math.exp(y[1]);
                    double[] x = y.clone();
                    for (int c = 0; c < j; c++) {
                        x[2 + c] = y[0] + sigmaAlpha * y[2 + c];
                    }
                    double[] gc = new double[j + 4];
                    double[] gn = new double[j + 4];
                    double lpc = centred.logDensityAndGradient(x, 0, gc, 0);
                    double lpn = nonCentred.logDensityAndGradient(y, 0, gn, 0);
                    assertRelativelyClose(lpc + j * y[1], lpn, 1e-12, "log density");
                    double sumAlpha = 0;
                    double sumRawAlpha = 0;
                    for (int c = 0; c < j; c++) {
                        assertRelativelyClose(sigmaAlpha * gc[2 + c], gn[2 + c], 1e-11, "alpha_raw[" + (c + 1) + "]");
                        sumAlpha += gc[2 + c];
                        sumRawAlpha += y[2 + c] * gc[2 + c];
                    }
                    double scale = Math.abs(gc[0]) + Math.abs(sumAlpha);
                    assertEquals(gc[0] + sumAlpha, gn[0], 1e-11 * scale, "mu_alpha");
                    double expectedLogSigma = gc[1] + sigmaAlpha * sumRawAlpha + j;
                    assertEquals(expectedLogSigma, gn[1], 1e-11 * (Math.abs(gc[1]) + Math.abs(sigmaAlpha * sumRawAlpha) + j),
                            "log_sigma_alpha");
                    assertRelativelyClose(gc[j + 2], gn[j + 2], 1e-12, "beta");
                    assertRelativelyClose(gc[j + 3], gn[j + 3], 1e-12, "log_sigma_y");
                }
            }
        }
    }

    /** Changing one prior setting changes the log density by exactly that prior's difference. */
    @Test
    void eachPriorActsOnItsOwnParameter() {
        RandomGenerator rng = RandomStreams.forPurpose(15, "priors");
        int j = NOTEBOOK.counties();
        RadonPriors base = RadonPriors.notebook();
        NormalPrior n2 = new NormalPrior(0.3, 2.5);
        ScalePrior[] scales = {ScalePrior.halfNormal(1.5), ScalePrior.halfCauchy(0.3), ScalePrior.exponential(3)};
        for (RadonParameterization p : RadonParameterization.values()) {
            RadonModel m0 = new RadonModel(NOTEBOOK, base, p, RadonModel.Evaluator.VECTOR);
            for (int k = 0; k < 5; k++) {
                double[] x = RadonTestSupport.typicalPoint(j, rng);
                double mu = x[0];
                double sa = Math.exp(x[1]);
                double beta = x[j + 2];
                double sy = Math.exp(x[j + 3]);
                double lp0 = m0.logDensityAndGradient(x, 0, new double[j + 4], 0);
                double lpMu = new RadonModel(NOTEBOOK, new RadonPriors(n2, base.sigmaAlpha(), base.beta(), base.sigmaY()),
                        p, RadonModel.Evaluator.VECTOR).logDensityAndGradient(x, 0, new double[j + 4], 0);
                assertEquals(n2.logDensity(mu) - base.muAlpha().logDensity(mu), lpMu - lp0, 1e-9, "mu_alpha prior");
                double lpBeta = new RadonModel(NOTEBOOK, new RadonPriors(base.muAlpha(), base.sigmaAlpha(), n2, base.sigmaY()),
                        p, RadonModel.Evaluator.VECTOR).logDensityAndGradient(x, 0, new double[j + 4], 0);
                assertEquals(n2.logDensity(beta) - base.beta().logDensity(beta), lpBeta - lp0, 1e-9, "beta prior");
                for (ScalePrior s : scales) {
                    double lpSa = new RadonModel(NOTEBOOK, new RadonPriors(base.muAlpha(), s, base.beta(), base.sigmaY()),
                            p, RadonModel.Evaluator.VECTOR).logDensityAndGradient(x, 0, new double[j + 4], 0);
                    assertEquals(s.logDensity(sa) - base.sigmaAlpha().logDensity(sa), lpSa - lp0, 1e-9, "sigma_alpha " + s);
                    double lpSy = new RadonModel(NOTEBOOK, new RadonPriors(base.muAlpha(), base.sigmaAlpha(), base.beta(), s),
                            p, RadonModel.Evaluator.VECTOR).logDensityAndGradient(x, 0, new double[j + 4], 0);
                    assertEquals(s.logDensity(sy) - base.sigmaY().logDensity(sy), lpSy - lp0, 1e-9, "sigma_y " + s);
                }
            }
        }
    }

    /**
     * posteriordb radon_variable_intercept_centered, transcribed line by line with full normal
     * log densities and the log-Jacobians of the two lower-bounded scales, differs from the
     * model with {@link RadonPriors#posteriordb()} by one constant.
     */
    @Test
    void posteriordbCentredProgramIsExpressedExactly() {
        RadonData data = Datasets.minnesotaRadon();
        RadonModel model = new RadonModel(data, RadonPriors.posteriordb(), RadonParameterization.CENTRED,
                RadonModel.Evaluator.VECTOR);
        RandomGenerator rng = RandomStreams.forPurpose(16, "pdb");
        int j = data.counties();
        double firstOffset = Double.NaN;
        for (int k = 0; k < 6; k++) {
            double[] x = RadonTestSupport.typicalPoint(j, rng);
            double lp = model.logDensityAndGradient(x, 0, new double[j + 4], 0);
            double mu = x[0];
            double sa = Math.exp(x[1]);
            double beta = x[j + 2];
            double sy = Math.exp(x[j + 3]);
            double target = normalLpdf(sy, 0, 1) + normalLpdf(sa, 0, 1) + normalLpdf(mu, 0, 10) + normalLpdf(beta, 0, 10);
            for (int c = 0; c < j; c++) {
                target += normalLpdf(x[2 + c], mu, sa);
            }
            for (int n = 0; n < data.observations(); n++) {
                target += normalLpdf(data.logRadon()[n], x[2 + data.county()[n]] + data.floor()[n] * beta, sy);
            }
            target += x[1] + x[j + 3]; // Jacobians of <lower=0>
            double offset = target - lp;
            if (k == 0) {
                firstOffset = offset;
            } else {
                assertEquals(firstOffset, offset, 1e-9, "offset at point " + k);
            }
        }
    }

    private static double normalLpdf(double y, double mu, double sigma) {
        double z = (y - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void namesFollowTheDocumentedOrder() {
        RadonModel c = new RadonModel(AWKWARD, RadonPriors.notebook(), RadonParameterization.CENTRED, RadonModel.Evaluator.SCALAR);
        RadonModel n = new RadonModel(AWKWARD, RadonPriors.notebook(), RadonParameterization.NON_CENTRED,
                RadonModel.Evaluator.SCALAR);
        assertEquals(15, c.dimension());
        assertArrayEquals(new String[]{"mu_alpha", "log_sigma_alpha", "alpha[1]", "alpha[2]", "alpha[3]", "alpha[4]",
                "alpha[5]", "alpha[6]", "alpha[7]", "alpha[8]", "alpha[9]", "alpha[10]", "alpha[11]", "beta", "log_sigma_y"},
                c.parameterNames());
        assertArrayEquals(new String[]{"mu_alpha", "sigma_alpha", "alpha[1]", "alpha[2]", "alpha[3]", "alpha[4]",
                "alpha[5]", "alpha[6]", "alpha[7]", "alpha[8]", "alpha[9]", "alpha[10]", "alpha[11]", "beta", "sigma_y"},
                c.constrainedNames());
        assertEquals("alpha_raw[1]", n.parameterNames()[2]);
        String[] nc = n.constrainedNames();
        assertEquals(26, nc.length);
        assertArrayEquals(c.constrainedNames(), java.util.Arrays.copyOf(nc, 15));
        assertEquals("alpha_raw[1]", nc[15]);
        assertEquals("alpha_raw[11]", nc[25]);
        assertEquals("radon-centred", c.name());
        assertEquals("radon-noncentred", n.name());
    }

    @Test
    void constrainMapsScalesAndRawIntercepts() {
        int j = AWKWARD.counties();
        double[] x = RadonTestSupport.widePoint(j, RandomStreams.forPurpose(17, "constrain"));
        RadonModel c = new RadonModel(AWKWARD, RadonPriors.notebook(), RadonParameterization.CENTRED, RadonModel.Evaluator.SCALAR);
        RadonModel n = new RadonModel(AWKWARD, RadonPriors.notebook(), RadonParameterization.NON_CENTRED,
                RadonModel.Evaluator.SCALAR);
        double[] out = new double[3 + j + 4];
        c.constrain(x, 0, out, 3);
        assertEquals(x[0], out[3]);
        assertEquals(Math.exp(x[1]), out[4]);
        for (int k = 0; k < j; k++) {
            assertEquals(x[2 + k], out[5 + k]);
        }
        assertEquals(x[j + 2], out[3 + j + 2]);
        assertEquals(Math.exp(x[j + 3]), out[3 + j + 3]);

        double[] outN = new double[2 * j + 4];
        n.constrain(x, 0, outN, 0);
        for (int k = 0; k < j; k++) {
            assertEquals(x[0] + Math.exp(x[1]) * x[2 + k], outN[2 + k], 1e-15 * (1 + Math.abs(outN[2 + k])));
            assertEquals(x[2 + k], outN[j + 4 + k]);
        }
        assertEquals(Math.exp(x[j + 3]), outN[j + 3]);
    }

    @Test
    void initialPointIsFiniteAndDataBased() {
        for (RadonParameterization p : RadonParameterization.values()) {
            RadonModel m = new RadonModel(NOTEBOOK, RadonPriors.notebook(), p, RadonModel.Evaluator.VECTOR);
            double[] x = new double[m.dimension() + 2];
            m.initialPoint(x, 2);
            double mean = java.util.Arrays.stream(NOTEBOOK.logRadon()).average().orElseThrow();
            assertEquals(mean, x[2], 1e-12);
            assertEquals(p == RadonParameterization.CENTRED ? mean : 0.0, x[4], 1e-12);
            double[] g = new double[m.dimension()];
            double lp = m.logDensityAndGradient(java.util.Arrays.copyOfRange(x, 2, x.length), 0, g, 0);
            assertTrue(Double.isFinite(lp));
            for (double v : g) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    /**
     * The block form (lane = chain with the vector evaluator) agrees with single-chain calls of
     * the scalar evaluator, for a chain range that starts off a multiple of the vector length and
     * leaves a remainder; chains outside the range are untouched.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configurations")
    void blockEvaluationAgreesWithSingleChainCalls(RadonData data, RadonParameterization p, RadonPriors priors) {
        int j = data.counties();
        int d = j + 4;
        RadonModel vector = new RadonModel(data, priors, p, RadonModel.Evaluator.VECTOR);
        RadonModel scalar = new RadonModel(data, priors, p, RadonModel.Evaluator.SCALAR);
        int lanes = vector.chainsPerVector();
        int from = 3;
        int to = from + 2 * lanes + lanes / 2 + 1;
        int chains = to + 2;
        RandomGenerator rng = RandomStreams.forPurpose(18, "block");
        double[] pos = new double[chains * d];
        for (int c = 0; c < chains; c++) {
            double[] x = c % 3 == 0 ? RadonTestSupport.widePoint(j, rng) : RadonTestSupport.typicalPoint(j, rng);
            if (c == from + 1 && priors.sigmaAlpha() instanceof ScalePrior.HalfCauchy) {
                x[1] = 400; // half-Cauchy's large-ratio formulas in one lane (other priors give -Infinity here)
                if (p == RadonParameterization.NON_CENTRED) {
                    java.util.Arrays.fill(x, 2, 2 + j, 0.0); // keeps alpha = mu_alpha finite
                }
            }
            if (c == from + 2) {
                x[j + 3] = -30; // tiny sigma_y
            }
            System.arraycopy(x, 0, pos, c * d, d);
        }
        double[] grads = new double[chains * d];
        double[] lps = new double[chains];
        java.util.Arrays.fill(lps, 7.0);
        java.util.Arrays.fill(grads, 7.0);
        vector.copy().logDensityAndGradient(pos, grads, lps, from, to);
        for (int c = 0; c < chains; c++) {
            if (c < from || c >= to) {
                assertEquals(7.0, lps[c], "chain " + c + " outside the range");
                assertEquals(7.0, grads[c * d], "chain " + c + " outside the range");
                continue;
            }
            double[] g = new double[d];
            double lp = scalar.logDensityAndGradient(java.util.Arrays.copyOfRange(pos, c * d, (c + 1) * d), 0, g, 0);
            assertRelativelyClose(lp, lps[c], 1e-12, "chain " + c + " log density");
            for (int i = 0; i < d; i++) {
                assertRelativelyClose(g[i], grads[c * d + i], 1e-12, "chain " + c + " gradient " + scalar.parameterNames()[i]);
            }
        }
    }

    @Test
    void copiesHaveTheirOwnScratch() {
        int j = NOTEBOOK.counties();
        int d = j + 4;
        RandomGenerator rng = RandomStreams.forPurpose(19, "copy");
        RadonModel m = new RadonModel(NOTEBOOK, RadonPriors.notebook(), RadonParameterization.CENTRED,
                RadonModel.Evaluator.VECTOR);
        RadonModel copy = m.copy();
        assertEquals(m.dimension(), copy.dimension());
        assertEquals(m.priors(), copy.priors());
        double[] x1 = RadonTestSupport.typicalPoint(j, rng);
        double[] x2 = RadonTestSupport.typicalPoint(j, rng);
        double[] g1 = new double[d];
        double[] g2 = new double[d];
        double[] gCopy = new double[d];
        double lp1 = m.logDensityAndGradient(x1, 0, g1, 0);
        double lpCopy = copy.logDensityAndGradient(x2, 0, gCopy, 0);
        double lp2 = m.logDensityAndGradient(x2, 0, g2, 0);
        assertEquals(lp2, lpCopy);
        assertArrayEquals(g2, gCopy);
        assertTrue(lp1 != lp2);
    }

    @Test
    void nonFiniteInputGivesNonFiniteOutputWithoutThrowing() {
        RadonModel m = RadonModel.notebook(NOTEBOOK);
        double[] x = new double[m.dimension()];
        m.initialPoint(x, 0);
        x[5] = Double.NaN;
        assertTrue(Double.isNaN(m.logDensityAndGradient(x, 0, new double[m.dimension()], 0)));
        m.initialPoint(x, 0);
        x[1] = Double.NEGATIVE_INFINITY;
        double lp = m.logDensityAndGradient(x, 0, new double[m.dimension()], 0);
        assertTrue(Double.isNaN(lp) || lp == Double.NEGATIVE_INFINITY, "lp " + lp);
    }

    @Test
    void vectorEvaluatorCanBeSwitchedOff() {
        String before = System.getProperty("meads.vector");
        try {
            System.setProperty("meads.vector", "false");
            assertEquals(RadonModel.Evaluator.SCALAR, RadonModel.Evaluator.best());
            assertEquals(RadonModel.Evaluator.SCALAR, RadonModel.notebook(AWKWARD).evaluator());
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new RadonModel(AWKWARD,
                    RadonPriors.notebook(), RadonParameterization.CENTRED, RadonModel.Evaluator.VECTOR));
        } finally {
            if (before == null) {
                System.clearProperty("meads.vector");
            } else {
                System.setProperty("meads.vector", before);
            }
        }
    }

    @Test
    void notebookFactoryUsesTheVectorEvaluatorUnderTheTestFlags() {
        assertEquals(RadonModel.Evaluator.VECTOR, RadonModel.notebook(NOTEBOOK).evaluator());
        assertEquals(RadonPriors.notebook(), RadonModel.notebook(NOTEBOOK).priors());
    }
}
