package dev.meads.models.radon;

/**
 * A prior on a positive scale parameter {@code sigma}, evaluated in the form a model sampled in
 * {@code u = log(sigma)} needs: {@link #logDensity(double) log p(sigma)} (normalising constants
 * that depend on no parameter omitted) and {@link #logScaleDerivative(double)
 * sigma * d/dsigma log p(sigma)}, which is {@code d/du log p(exp(u))}. The log-Jacobian
 * {@code u} of the log transform is the model's business, not the prior's.
 *
 * <p>Both methods stay finite for every finite positive {@code sigma} whose inputs do not
 * themselves overflow, including {@code sigma} far below or above the prior's scale.
 */
public sealed interface ScalePrior permits ScalePrior.HalfNormal, ScalePrior.HalfCauchy, ScalePrior.Exponential {

    /** {@code log p(sigma)} up to a constant. */
    double logDensity(double sigma);

    /** {@code sigma * d/dsigma log p(sigma)}. */
    double logScaleDerivative(double sigma);

    /**
     * Half-normal with scale {@code s}: {@code p(sigma) ∝ exp(-sigma²/(2 s²))} on {@code sigma > 0};
     * what Stan's {@code sigma ~ normal(0, s)} means for a {@code <lower=0>} parameter.
     */
    record HalfNormal(double scale) implements ScalePrior {
        public HalfNormal {
            requirePositive("half-normal scale", scale);
        }

        @Override
        public double logDensity(double sigma) {
            double r = sigma / scale;
            return -0.5 * r * r;
        }

        @Override
        public double logScaleDerivative(double sigma) {
            double r = sigma / scale;
            return -r * r;
        }

        @Override
        public String toString() {
            return "half-normal(" + scale + ")";
        }
    }

    /**
     * Half-Cauchy with scale {@code s}: {@code p(sigma) ∝ 1/(1 + (sigma/s)²)} on {@code sigma > 0};
     * Stan's {@code sigma ~ cauchy(0, s)} for a {@code <lower=0>} parameter.
     */
    record HalfCauchy(double scale) implements ScalePrior {
        public HalfCauchy {
            requirePositive("half-Cauchy scale", scale);
        }

        /**
         * Above this ratio sigma/scale, r² would overflow: the formulas switch to 1/r. The
         * threshold is far from any sensible value, so the branch is always predicted.
         */
        static final double LARGE_RATIO = 1e150;

        @Override
        public double logDensity(double sigma) {
            double r = sigma / scale;
            if (!(r > LARGE_RATIO)) {
                return -Math.log1p(r * r);
            }
            // log(1 + r²) = 2 log r + log1p(1/r²)
            double q = 1.0 / r;
            return -(2.0 * Math.log(r) + Math.log1p(q * q));
        }

        @Override
        public double logScaleDerivative(double sigma) {
            double r = sigma / scale;
            if (!(r > LARGE_RATIO)) {
                double r2 = r * r;
                return -2.0 * r2 / (1.0 + r2);
            }
            double q = 1.0 / r;
            return -2.0 / (1.0 + q * q);
        }

        @Override
        public String toString() {
            return "half-cauchy(" + scale + ")";
        }
    }

    /** Exponential with rate {@code lambda}: {@code p(sigma) ∝ exp(-lambda sigma)} on {@code sigma > 0}. */
    record Exponential(double rate) implements ScalePrior {
        public Exponential {
            requirePositive("exponential rate", rate);
        }

        @Override
        public double logDensity(double sigma) {
            return -rate * sigma;
        }

        @Override
        public double logScaleDerivative(double sigma) {
            return -rate * sigma;
        }

        @Override
        public String toString() {
            return "exponential(" + rate + ")";
        }
    }

    /** Half-normal with the given scale. */
    static ScalePrior halfNormal(double scale) {
        return new HalfNormal(scale);
    }

    /** Half-Cauchy with the given scale. */
    static ScalePrior halfCauchy(double scale) {
        return new HalfCauchy(scale);
    }

    /** Exponential with the given rate (mean {@code 1/rate}). */
    static ScalePrior exponential(double rate) {
        return new Exponential(rate);
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and positive, got " + v);
        }
    }
}
