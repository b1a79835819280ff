package dev.meads.engine.testing;

import dev.meads.engine.model.LogDensity;

/**
 * A skewed 2-d target with known marginals: y₀ = log X with X ~ Gamma(2, 1) (density
 * ∝ exp(2y − e^y)), and y₁ ~ N(0, 3²), independent. E[y₀] = 1 − γ_Euler, Var[y₀] = π²/6 − 1.
 */
public final class LogGammaTarget implements LogDensity {
    public static final double MEAN0 = 1.0 - 0.5772156649015329;
    public static final double VAR0 = Math.PI * Math.PI / 6.0 - 1.0;

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public String[] parameterNames() {
        return new String[] {"log_x", "y"};
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        double y0 = x[xOff];
        double y1 = x[xOff + 1];
        double e = Math.exp(y0);
        grad[gOff] = 2.0 - e;
        grad[gOff + 1] = -y1 / 9.0;
        return 2.0 * y0 - e - y1 * y1 / 18.0;
    }

    /** P(y₀ ≤ y) = 1 − e^{−x}(1 + x), x = e^y. */
    public static double cdf0(double y) {
        double x = Math.exp(y);
        return -Math.expm1(-x) - x * Math.exp(-x);
    }

    /** An exact draw of y₀ from two uniforms in (0, 1]. */
    public static double draw0(double u1, double u2) {
        return Math.log(-Math.log(u1) - Math.log(u2));
    }
}
