package dev.meads.models.transform;

/**
 * {@code y = lower + exp(x)}: maps the real line onto {@code (lower, +inf)}; with
 * {@code lower = 0} it is the log transform used for scales and other positive parameters.
 * Log-Jacobian {@code x}, its derivative 1.
 *
 * @param lower the finite lower bound
 */
public record LowerBoundTransform(double lower) implements ConstrainingTransform {

    static final LowerBoundTransform POSITIVE = new LowerBoundTransform(0.0);

    public LowerBoundTransform {
        if (!Double.isFinite(lower)) {
            throw new IllegalArgumentException("lower bound must be finite, got " + lower);
        }
    }

    @Override
    public double constrain(double x) {
        return lower + Math.exp(x);
    }

    @Override
    public double unconstrain(double y) {
        // Below the bound log gives NaN, on it -Infinity: both as documented.
        return Math.log(y - lower);
    }

    @Override
    public double derivative(double x) {
        return Math.exp(x);
    }

    @Override
    public double logJacobian(double x) {
        return x;
    }

    @Override
    public double logJacobianDerivative(double x) {
        return Double.isNaN(x) ? Double.NaN : 1.0;
    }
}
