package dev.meads.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.testing.Funnel;
import dev.meads.engine.testing.LogGammaTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient check: passes correct models, names wrong components, explains non-finite values and array misuse. */
class GradientCheckTest {

    /**
     * A correct model with coordinates of very different scales and curvatures: a softplus of
     * width 0.01, an exponential, a quartic, a product coupling two coordinates, and a sine.
     */
    static class Mixed implements LogDensity {
        /** Which gradient component to get wrong (-1: none) and by how much (relative). */
        private final int wrongIndex;
        private final double wrongBy;

        Mixed(int wrongIndex, double wrongBy) {
            this.wrongIndex = wrongIndex;
            this.wrongBy = wrongBy;
        }

        @Override
        public int dimension() {
            return 5;
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"narrow", "log_scale", "quartic", "beta", "phase"};
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double n = x[xOff];
            double u = x[xOff + 1];
            double q = x[xOff + 2];
            double b = x[xOff + 3];
            double p = x[xOff + 4];
            double z = n / 0.01;
            double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            double logistic = 1.0 / (1.0 + Math.exp(-z));
            double lp = -softplus - 0.5 * n * n + 2 * u - Math.exp(u) - 0.25 * q * q * q * q - 0.5 * b * b
                    + b * q + Math.sin(p) - 0.1 * p * p;
            grad[gOff] = -logistic / 0.01 - n;
            grad[gOff + 1] = 2 - Math.exp(u);
            grad[gOff + 2] = -q * q * q + b;
            grad[gOff + 3] = -b + q;
            grad[gOff + 4] = Math.cos(p) - 0.2 * p;
            if (wrongIndex >= 0) {
                grad[gOff + wrongIndex] *= 1 + wrongBy;
            }
            return lp;
        }
    }

    @Test
    void correctModelsPassWithSmallErrors() {
        GradientCheckResult mixed = GradientCheck.of(new Mixed(-1, 0)).atRandomPoints(20, 1.5, 7);
        assertTrue(mixed.passed(), mixed::toString);
        assertEquals(20 * 5, mixed.coordinatesChecked());
        assertTrue(mixed.maxError() < 1e-8, mixed::toString);

        GradientCheckResult funnel = GradientCheck.of(new Funnel(6)).atRandomPoints(10, 1.0, 3);
        assertTrue(funnel.passed(), funnel::toString);
        assertTrue(funnel.maxError() < 1e-8, funnel::toString);

        // far out along the exponential: gradient about -e^6, large but still well estimated
        GradientCheckResult gamma = GradientCheck.of(new LogGammaTarget()).at(new double[] {6.0, -40.0});
        assertTrue(gamma.passed(), gamma::toString);
        assertTrue(gamma.toString().startsWith("Gradient check of LogGammaTarget: PASSED"), gamma::toString);
    }

    @Test
    void wrongComponentIsCaughtAndNamed() {
        // 1e-4 relative: a subtle mistake, e.g. a constant slightly off, still 100 times the tolerance
        GradientCheckResult r = GradientCheck.of(new Mixed(3, 1e-4)).atRandomPoints(3, 1.0, 11);
        assertFalse(r.passed(), r::toString);
        assertEquals(3, r.failures(), r::toString); // coordinate 'beta' at each of the 3 points
        CoordinateCheck worst = r.worst().get(0);
        assertEquals("beta", worst.name());
        assertEquals(3, worst.index());
        assertTrue(worst.relativeError() > 5e-5 && worst.relativeError() < 2e-4, r::toString);
        assertTrue(r.toString().contains("FAILED"), r::toString);
        assertTrue(r.toString().lines().anyMatch(l -> l.contains("beta") && l.contains("FAIL")), r::toString);
        assertThrows(AssertionError.class, r::assertPassed);
        // the other coordinates stay fine
        assertTrue(r.worst().stream().filter(c -> !c.name().equals("beta")).allMatch(c -> c.passes(1e-6)), r::toString);
    }

    /**
     * A softplus bend of width 0.001 in coordinate 'bend' on top of an offset that makes the log
     * density large; the gradient of 'bend' may be scaled by a factor to get it wrong.
     */
    static LogDensity bend(double offset, double gradientFactor) {
        return new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public String[] parameterNames() {
                return new String[] {"bulk", "bend"};
            }

            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                double bulk = x[xOff];
                double z = x[xOff + 1] / 1e-3;
                double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                grad[gOff] = -bulk;
                grad[gOff + 1] = -gradientFactor / (1.0 + Math.exp(-z));
                return offset - 0.5 * bulk * bulk - 1e-3 * softplus;
            }
        };
    }

    @Test
    void sharpBendsGetSmallStepsAndHonestErrors() {
        double[] nearBend = {0.3, 2e-4};
        GradientCheckResult right = GradientCheck.of(bend(-1e3, 1.0)).at(nearBend);
        assertTrue(right.passed(), right::toString);
        CoordinateCheck bendCheck = right.worst().stream().filter(c -> c.name().equals("bend")).findFirst()
                .orElseThrow();
        assertTrue(bendCheck.step() < 1e-4, right::toString); // far below the bend's width
        assertTrue(bendCheck.error() < 1e-7 && bendCheck.numericError() < 1e-7, right::toString);

        GradientCheckResult wrong = GradientCheck.of(bend(-1e3, 1.0 + 1e-4)).at(nearBend);
        assertFalse(wrong.passed(), wrong::toString);
        assertEquals("bend", wrong.worst().get(0).name());

        // With a log density of 1e9 no step resolves the bend to 1e-6: rounding (ulp 1.2e-7 over
        // steps of 1e-4 and less) swamps it. The check says so instead of failing a correct gradient,
        // and still catches an error well above the finite difference's own.
        GradientCheckResult huge = GradientCheck.of(bend(-1e9, 1.0)).at(nearBend);
        assertTrue(huge.passed(), huge::toString);
        assertTrue(huge.worst().stream().anyMatch(c -> c.name().equals("bend") && c.numericUncertain(1e-6)),
                huge::toString);
        assertTrue(huge.toString().contains("finite difference less accurate than the tolerance"), huge::toString);
        GradientCheckResult hugeWrong = GradientCheck.of(bend(-1e9, 1.1)).at(nearBend);
        assertFalse(hugeWrong.passed(), hugeWrong::toString);
        assertEquals("bend", hugeWrong.worst().get(0).name());
    }

    @Test
    void reportLengthAndToleranceAreHonoured() {
        GradientCheckResult r = GradientCheck.of(new Mixed(1, 1e-4)).report(2).tolerance(1e-3).atRandomPoints(4, 1.0,
                5);
        assertTrue(r.passed(), r::toString); // 1e-4 is within a 1e-3 tolerance
        assertEquals(2, r.worst().size());
        assertEquals("log_scale", r.worst().get(0).name());
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(new Mixed(-1, 0)).tolerance(0));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(new Mixed(-1, 0)).report(-1));
    }

    @Test
    void nonFiniteGradientComponentFailsWithAnExplanation() {
        LogDensity nanGradient = new Mixed(-1, 0) {
            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                double lp = super.logDensityAndGradient(x, xOff, grad, gOff);
                grad[gOff + 2] = Double.NaN;
                return lp;
            }
        };
        GradientCheckResult r = GradientCheck.of(nanGradient).at(new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
        assertFalse(r.passed());
        assertEquals(1, r.failures());
        CoordinateCheck c = r.worst().get(0);
        assertEquals("quartic", c.name());
        assertEquals(Double.POSITIVE_INFINITY, c.error());
        assertTrue(r.toString().contains("the model's gradient is NaN"), r::toString);
    }

    /** log(x) on the positive half-line, -Infinity elsewhere: a density with a support boundary. */
    static class HalfLine implements LogDensity {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"y", "z"};
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double y = x[xOff];
            double z = x[xOff + 1];
            grad[gOff] = 1.0 / y;
            grad[gOff + 1] = -z;
            return (y > 0 ? Math.log(y) : Double.NEGATIVE_INFINITY) - 0.5 * z * z;
        }
    }

    @Test
    void nonFiniteLogDensityAtOrNearThePointIsExplained() {
        GradientCheckResult outside = GradientCheck.of(new HalfLine()).at(List.of(new double[] {-1.0, 0.0},
                new double[] {2.0, 1.0}));
        assertFalse(outside.passed());
        assertEquals(1, outside.problems().size(), outside::toString);
        assertTrue(outside.problems().get(0).startsWith("point 1: the log density is -Infinity"), outside::toString);
        assertEquals(2, outside.coordinatesChecked()); // only point 2 was compared
        assertEquals(0, outside.failures());

        // close to the boundary the large steps leave the support; smaller ones still give the derivative
        GradientCheckResult near = GradientCheck.of(new HalfLine()).at(new double[] {0.01, 0.0});
        assertTrue(near.passed(), near::toString);

        // so close that even the smallest step leaves it: no finite difference, said so
        GradientCheckResult edge = GradientCheck.of(new HalfLine()).at(new double[] {1e-9, 0.0});
        assertFalse(edge.passed());
        CoordinateCheck y = edge.worst().get(0);
        assertEquals("y", y.name());
        assertTrue(Double.isNaN(y.numeric()));
        assertTrue(edge.toString().contains("the log density is not finite near the point"), edge::toString);
    }

    @Test
    void arrayMisuseIsReported() {
        // adds into grad instead of setting it: right on a fresh array, wrong on a reused one
        LogDensity accumulates = new Mixed(-1, 0) {
            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                double[] g = new double[5];
                double lp = super.logDensityAndGradient(x, xOff, g, 0);
                for (int k = 0; k < 5; k++) {
                    grad[gOff + k] += g[k];
                }
                return lp;
            }
        };
        GradientCheckResult r = GradientCheck.of(accumulates).at(new double[5]);
        assertFalse(r.passed());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("5 gradient components differ")
                && p.contains("'narrow'")), r::toString);
        assertEquals(0, r.failures(), r::toString); // the finite differences themselves agree

        // reads x from index 0 whatever xOff says
        LogDensity ignoresOffset = new Mixed(-1, 0) {
            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                return super.logDensityAndGradient(x, 0, grad, gOff);
            }
        };
        GradientCheckResult r2 = GradientCheck.of(ignoresOffset).at(new double[5]);
        assertFalse(r2.passed());
        assertTrue(r2.problems().stream().anyMatch(p -> p.contains("the log density is") && p.contains("xOff=3")),
                r2::toString);

        // writes its gradient at index 0 whatever gOff says
        LogDensity ignoresGradientOffset = new Mixed(-1, 0) {
            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                return super.logDensityAndGradient(x, xOff, grad, 0);
            }
        };
        GradientCheckResult r3 = GradientCheck.of(ignoresGradientOffset).at(new double[5]);
        assertTrue(r3.problems().stream().anyMatch(p -> p.contains("wrote outside")), r3::toString);
    }

    @Test
    void badPointsAreRejectedClearly() {
        GradientCheck check = GradientCheck.of(new Mixed(-1, 0));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> check.at(new double[4]));
        assertTrue(length.getMessage().contains("4 coordinates") && length.getMessage().contains("dimension 5"),
                length.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> check.at(new double[] {0, 0, Double.NaN, 0, 0}));
        assertTrue(nan.getMessage().contains("'quartic'"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> check.atRandomPoints(0, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> check.atRandomPoints(2, Double.NaN, 1));
    }

    @Test
    void randomPointsAreReproducible() {
        GradientCheckResult a = GradientCheck.of(new Funnel(4)).atRandomPoints(3, 2.0, 99);
        GradientCheckResult b = GradientCheck.of(new Funnel(4)).atRandomPoints(3, 2.0, 99);
        assertEquals(a.worst(), b.worst());
        assertEquals(a.toString(), b.toString());
    }
}
