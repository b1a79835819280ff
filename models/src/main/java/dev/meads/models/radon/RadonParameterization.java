package dev.meads.models.radon;

/** How the county intercepts are sampled. */
public enum RadonParameterization {
    /** {@code alpha[j] ~ N(mu_alpha, sigma_alpha)} sampled directly (the notebook's model). */
    CENTRED,
    /**
     * {@code alpha_raw[j] ~ N(0, 1)} sampled, with {@code alpha = mu_alpha + sigma_alpha * alpha_raw};
     * the same posterior over the constrained quantities, better geometry when counties carry little data.
     */
    NON_CENTRED
}
