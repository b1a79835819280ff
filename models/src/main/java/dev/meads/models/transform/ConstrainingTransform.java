package dev.meads.models.transform;

/**
 * A smooth bijection from the whole real line onto a constrained interval, used to sample a
 * constrained parameter {@code y} through an unconstrained coordinate {@code x}.
 *
 * <p>The <em>forward</em> map is {@link #constrain(double) constrain} ({@code x -> y}); its
 * <em>inverse</em> is {@link #unconstrain(double) unconstrain}. A density {@code p(y)} becomes
 * {@code p(constrain(x)) * |dy/dx|} on the real line, so a model adds
 * {@link #logJacobian(double)} to its log density and {@link #logJacobianDerivative(double)}
 * to the gradient, and multiplies the gradient with respect to {@code y} by
 * {@link #derivative(double)} (chain rule).
 *
 * <p>Implementations are immutable, allocate nothing and never throw for non-finite input:
 * they return NaN or an infinity as the formulas give.
 */
public interface ConstrainingTransform {

    /** The forward map {@code y = f(x)}. */
    double constrain(double x);

    /** The inverse map {@code x = f^-1(y)}; NaN outside the constrained range, infinite on its boundary. */
    double unconstrain(double y);

    /** {@code dy/dx} at {@code x}. */
    double derivative(double x);

    /** {@code log |dy/dx|} at {@code x}, computed without forming {@code dy/dx} where that would underflow. */
    double logJacobian(double x);

    /** {@code d/dx log |dy/dx|} at {@code x}. */
    double logJacobianDerivative(double x);

    /** The positive half-line through {@code y = exp(x)}. */
    static LowerBoundTransform positive() {
        return LowerBoundTransform.POSITIVE;
    }

    /** The half-line {@code y > lower} through {@code y = lower + exp(x)}. */
    static LowerBoundTransform lowerBound(double lower) {
        return new LowerBoundTransform(lower);
    }

    /** The interval {@code lower < y < upper} through a scaled logistic function. */
    static IntervalTransform interval(double lower, double upper) {
        return new IntervalTransform(lower, upper);
    }
}
