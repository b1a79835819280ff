package dev.meads.models.transform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstrainingTransformTest {

    static List<ConstrainingTransform> transforms() {
        return List.of(ConstrainingTransform.positive(), ConstrainingTransform.lowerBound(-3.5),
                ConstrainingTransform.interval(0, 1), ConstrainingTransform.interval(-2, 5),
                ConstrainingTransform.interval(1e3, 1e3 + 1e-2));
    }

    private static final double[] XS = {-7.3, -2, -0.4, 0, 1e-9, 0.3, 1, 2.5, 6.1};

    @ParameterizedTest
    @MethodSource("transforms")
    void inverseUndoesForward(ConstrainingTransform t) {
        for (double x : XS) {
            double y = t.constrain(x);
            assertEquals(x, t.unconstrain(y), 1e-11 * Math.max(1, Math.abs(x)) / relativeWidth(t), t + " at " + x);
        }
    }

    /** Precision of an interval transform degrades by its width relative to its position. */
    private static double relativeWidth(ConstrainingTransform t) {
        return t instanceof IntervalTransform i ? Math.min(1, i.width() / Math.max(Math.abs(i.lower()), Math.abs(i.upper()))) : 1;
    }

    @ParameterizedTest
    @MethodSource("transforms")
    void derivativesMatchFiniteDifferences(ConstrainingTransform t) {
        for (double x : XS) {
            double h = 1e-3;
            double fdY = fivePoint(t::constrain, x, h);
            // rounding of y itself limits the difference quotient to about eps |y| / h
            double roundoff = 1e-14 * Math.max(1, Math.abs(t.constrain(x))) / h;
            assertEquals(fdY, t.derivative(x), 1e-8 * Math.abs(t.derivative(x)) + roundoff, t + " dy/dx at " + x);
            double fdJ = fivePoint(t::logJacobian, x, h);
            assertEquals(fdJ, t.logJacobianDerivative(x), 1e-8, t + " d logJ/dx at " + x);
            assertEquals(Math.log(t.derivative(x)), t.logJacobian(x), 1e-12 * (1 + Math.abs(t.logJacobian(x))),
                    t + " log J at " + x);
        }
    }

    private static double fivePoint(java.util.function.DoubleUnaryOperator f, double x, double h) {
        return (-f.applyAsDouble(x + 2 * h) + 8 * f.applyAsDouble(x + h) - 8 * f.applyAsDouble(x - h)
                + f.applyAsDouble(x - 2 * h)) / (12 * h);
    }

    @Test
    void positiveIsTheLogTransform() {
        ConstrainingTransform t = ConstrainingTransform.positive();
        assertEquals(Math.exp(0.7), t.constrain(0.7));
        assertEquals(Math.log(2.5), t.unconstrain(2.5));
        assertEquals(-12.0, t.logJacobian(-12.0));
        assertEquals(1.0, t.logJacobianDerivative(-12.0));
        assertTrue(Double.isNaN(t.unconstrain(-1)));
        assertEquals(Double.NEGATIVE_INFINITY, t.unconstrain(0));
    }

    /** The interval log-Jacobian is Stan's log(U - L) + log inv_logit(x) + log1m(inv_logit(x)). */
    @Test
    void intervalLogJacobianIsTheScaledLogisticDensity() {
        IntervalTransform t = ConstrainingTransform.interval(-2, 5);
        for (double x : XS) {
            double s = 1 / (1 + Math.exp(-x));
            assertEquals(Math.log(7) + Math.log(s) + Math.log(1 - s), t.logJacobian(x), 1e-12, "x = " + x);
            assertEquals(-2 + 7 * s, t.constrain(x), 1e-14);
        }
    }

    /** Far out in either tail the Jacobian underflows but its logarithm stays exact and finite. */
    @Test
    void intervalStaysFiniteInTheTails() {
        IntervalTransform t = ConstrainingTransform.interval(0, 1);
        assertEquals(-800.0, t.logJacobian(800), 1e-12);
        assertEquals(-800.0, t.logJacobian(-800), 1e-12);
        assertEquals(-1.0, t.logJacobianDerivative(800));
        assertEquals(1.0, t.logJacobianDerivative(-800));
        assertEquals(1.0, t.constrain(800));
        assertEquals(0.0, t.constrain(-800));
        // Near the lower bound y keeps full relative precision, so the inverse stays exact.
        assertEquals(-30.0, t.unconstrain(t.constrain(-30)), 1e-12);
        assertEquals(-700.0, t.unconstrain(t.constrain(-700)), 1e-9);
        assertTrue(Double.isNaN(t.unconstrain(1.5)));
        assertTrue(Double.isNaN(t.unconstrain(-0.1)));
        assertEquals(Double.POSITIVE_INFINITY, t.unconstrain(1.0));
    }

    @Test
    void badBoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConstrainingTransform.interval(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ConstrainingTransform.interval(2, 1));
        assertThrows(IllegalArgumentException.class, () -> ConstrainingTransform.interval(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ConstrainingTransform.interval(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> ConstrainingTransform.interval(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> ConstrainingTransform.lowerBound(Double.NEGATIVE_INFINITY));
    }
}
