package dev.meads.models.transform;

/**
 * {@code y = lower + (upper - lower) * logistic(x)}: maps the real line onto the open interval
 * {@code (lower, upper)}; its inverse is the scaled logit.
 *
 * <p>With {@code s = logistic(x)}: {@code dy/dx = (upper - lower) s (1 - s)}, log-Jacobian
 * {@code log(upper - lower) - |x| - 2 log1p(exp(-|x|))} (symmetric in {@code x}, so it never
 * overflows), and its derivative {@code 1 - 2s}. The side of the interval nearer to
 * {@code y} is used as the origin, so values close to either bound keep their precision.
 *
 * @param lower the finite lower bound
 * @param upper the finite upper bound, greater than {@code lower}
 */
public record IntervalTransform(double lower, double upper) implements ConstrainingTransform {

    public IntervalTransform {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower)) {
            throw new IllegalArgumentException("need finite bounds with lower < upper, got (" + lower + ", " + upper + ")");
        }
        if (!Double.isFinite(upper - lower)) {
            throw new IllegalArgumentException("interval (" + lower + ", " + upper + ") is too wide for doubles");
        }
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** The standard logistic function {@code 1 / (1 + exp(-x))}, without overflow. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    @Override
    public double constrain(double x) {
        // logistic(-x) = 1 - logistic(x) exactly in real arithmetic; measuring from the nearer
        // bound keeps y distinct from that bound for as long as doubles allow.
        return x <= 0 ? lower + width() * logistic(x) : upper - width() * logistic(-x);
    }

    @Override
    public double unconstrain(double y) {
        if (!(y >= lower && y <= upper)) {
            return Double.NaN;
        }
        // logit(u) with u = (y - lower)/width, written with both distances to keep precision near either bound.
        return Math.log(y - lower) - Math.log(upper - y);
    }

    @Override
    public double derivative(double x) {
        double s = logistic(x);
        return width() * s * logistic(-x);
    }

    @Override
    public double logJacobian(double x) {
        double ax = Math.abs(x);
        return Math.log(width()) - ax - 2.0 * Math.log1p(Math.exp(-ax));
    }

    @Override
    public double logJacobianDerivative(double x) {
        // 1 - 2 logistic(x) = -tanh(x/2), which keeps full relative precision near x = 0.
        return -Math.tanh(0.5 * x);
    }
}
