package dev.meads.engine.diag;

/**
 * Beta(a, b) distribution function and its inverse, for the Monte Carlo standard error of a
 * quantile. The regularised incomplete beta function is evaluated by its continued fraction
 * (DLMF 8.17.22) with the modified Lentz method; the quantile by Newton steps safeguarded by a
 * shrinking bracket, so it always converges.
 */
public final class BetaDistribution {
    private static final double HALF_LOG_TWO_PI = 0.9189385332046727418;
    private static final double TINY = 1e-300;
    private static final double EPS = 1e-16;
    private static final int MAX_TERMS = 100_000;

    private BetaDistribution() {
    }

    /**
     * log Γ(x) for x > 0: Stirling's series (error below 1e-17 for x ≥ 10), shifted upward by the
     * recurrence Γ(x+1) = xΓ(x) for smaller x.
     */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double shift = 0;
        if (x < 10) {
            double prod = 1;
            while (x < 10) {
                prod *= x;
                x += 1;
            }
            shift = Math.log(prod);
        }
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x) - shift;
    }

    /** δ(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π], by its asymptotic series; x ≥ 10. */
    private static double stirlingCorrection(double x) {
        double inv = 1 / x;
        double inv2 = inv * inv;
        // Bernoulli-number terms B_{2k} / (2k (2k-1) x^{2k-1}), k = 1..7.
        return inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
                + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
    }

    /** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a+b). */
    public static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** Density of Beta(a, b) at x. */
    public static double density(double x, double a, double b) {
        if (x < 0 || x > 1) {
            return 0;
        }
        checkShape(a, b);
        if (x == 0 || x == 1) {
            return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
        }
        return Math.exp(logPowerTerms(x, a, b)) / (x * (1 - x));
    }

    /** The regularised incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b), a, b > 0. */
    public static double cdf(double x, double a, double b) {
        checkShape(a, b);
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        // The continued fraction converges fast for x below the mean-like point (a+1)/(a+b+2);
        // above it use the symmetry I_x(a, b) = 1 - I_{1-x}(b, a).
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - lowerTail(1 - x, b, a);
        }
        return lowerTail(x, a, b);
    }

    private static double lowerTail(double x, double a, double b) {
        return Math.exp(logPowerTerms(x, a, b)) / a * continuedFraction(x, a, b);
    }

    /**
     * log(x^a (1−x)^b / B(a, b)). For large a and b the naive form subtracts log-gammas of size
     * ~a log a; instead expand around x0 = a/(a+b): with d = x(a+b) − a, u = d/a and v = −d/b,
     * a log(x/x0) + b log((1−x)/(1−x0)) = −a(u − log1p u) − b(v − log1p v) (first orders cancel),
     * and log B(a, b) by Stirling with its corrections δ.
     */
    private static double logPowerTerms(double x, double a, double b) {
        if (a < 10 || b < 10) {
            return a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
        }
        double sum = a + b;
        double d = Math.fma(x, sum, -a);
        double u = d / a;
        double v = -d / b;
        double deviation = -a * (u - Math.log1p(u)) - b * (v - Math.log1p(v));
        return deviation + 0.5 * Math.log(a / sum * b) - HALF_LOG_TWO_PI
                - (stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(sum));
    }

    /** 1 / (1 + d1 / (1 + d2 / (1 + ...))), evaluated forwards by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double f = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            // Even coefficient d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
            double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + num * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + num / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            f *= d * c;
            // Odd coefficient d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + num * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + num / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return f;
            }
        }
        throw new ArithmeticException("incomplete beta continued fraction did not converge for x=" + x
                + ", a=" + a + ", b=" + b);
    }

    /**
     * The p-quantile of Beta(a, b): the x in [0, 1] with I_x(a, b) = p, to about 1e-15 relative.
     */
    public static double quantile(double p, double a, double b) {
        checkShape(a, b);
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return 1;
        }
        double lo = 0;
        double hi = 1;
        double x = initialGuess(p, a, b);
        for (int it = 0; it < 500; it++) {
            double f = cdf(x, a, b) - p;
            if (f == 0) {
                return x;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double pdf = Math.exp(logPowerTerms(x, a, b)) / (x * (1 - x));
            double next = x - f / pdf;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-15 * Math.max(lo, 1e-300)) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** A start inside (0, 1): the normal approximation around the mean, pulled back inside if needed. */
    private static double initialGuess(double p, double a, double b) {
        double mean = a / (a + b);
        double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        double x = mean + NormalQuantile.inverseCdf(p) * sd;
        if (!(x > 0)) {
            x = 0.5 * mean;
        } else if (!(x < 1)) {
            x = 0.5 * (1 + mean);
        }
        return x;
    }

    private static void checkShape(double a, double b) {
        if (!(a > 0 && b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("Beta shape parameters must be finite and > 0, got a=" + a + ", b=" + b);
        }
    }
}
