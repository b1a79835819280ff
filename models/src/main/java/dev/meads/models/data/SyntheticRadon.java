package dev.meads.models.data;

import dev.meads.models.radon.RadonData;

/**
 * Simulated radon data with the parameter values that generated them.
 *
 * @param data the observations
 * @param muAlpha mean of the county intercepts
 * @param sigmaAlpha standard deviation of the county intercepts
 * @param alpha the county intercepts drawn (length {@code data.counties()})
 * @param beta the floor effect
 * @param sigmaY the observation noise standard deviation
 */
public record SyntheticRadon(RadonData data, double muAlpha, double sigmaAlpha, double[] alpha, double beta,
                             double sigmaY) {

    /**
     * The true values in the order of the radon model's constrained quantities:
     * {@code mu_alpha, sigma_alpha, alpha[1..J], beta, sigma_y}.
     */
    public double[] constrainedValues() {
        int j = alpha.length;
        double[] v = new double[j + 4];
        v[0] = muAlpha;
        v[1] = sigmaAlpha;
        System.arraycopy(alpha, 0, v, 2, j);
        v[j + 2] = beta;
        v[j + 3] = sigmaY;
        return v;
    }
}
