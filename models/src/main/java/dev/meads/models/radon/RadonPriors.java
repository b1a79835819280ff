package dev.meads.models.radon;

import java.util.Objects;

/**
 * The four hyperprior settings of the radon model: normal priors on {@code mu_alpha} and
 * {@code beta}, scale priors on {@code sigma_alpha} and {@code sigma_y}.
 */
public record RadonPriors(NormalPrior muAlpha, ScalePrior sigmaAlpha, NormalPrior beta, ScalePrior sigmaY) {

    public RadonPriors {
        Objects.requireNonNull(muAlpha, "muAlpha");
        Objects.requireNonNull(sigmaAlpha, "sigmaAlpha");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(sigmaY, "sigmaY");
    }

    /**
     * The notebook's settings: {@code mu_alpha ~ N(0, 1)}, {@code sigma_alpha ~ half-Cauchy(1)},
     * {@code beta ~ N(0, 1)}, {@code sigma_y ~ half-Cauchy(1)}.
     */
    public static RadonPriors notebook() {
        return new RadonPriors(NormalPrior.centredAtZero(1), ScalePrior.halfCauchy(1),
                NormalPrior.centredAtZero(1), ScalePrior.halfCauchy(1));
    }

    /**
     * posteriordb {@code radon_variable_intercept_centered} / {@code _noncentered}:
     * {@code mu_alpha, beta ~ N(0, 10)}, {@code sigma_alpha, sigma_y ~ half-normal(1)}.
     */
    public static RadonPriors posteriordb() {
        return new RadonPriors(NormalPrior.centredAtZero(10), ScalePrior.halfNormal(1),
                NormalPrior.centredAtZero(10), ScalePrior.halfNormal(1));
    }

    @Override
    public String toString() {
        return "mu_alpha ~ " + muAlpha + ", sigma_alpha ~ " + sigmaAlpha + ", beta ~ " + beta + ", sigma_y ~ " + sigmaY;
    }
}
