package dev.meads.engine.diag;

/**
 * Posterior summary of one scalar quantity over all chains: moments, type-7 quantiles, the
 * Monte Carlo standard error of the mean, bulk and tail ESS and rank-normalised split R̂.
 * Diagnostics are NaN when undefined (non-finite draws, constant draws, chains too short);
 * {@code constant} tells the second case apart.
 *
 * @param name     the quantity's name, e.g. {@code alpha[1]}
 * @param q5       5% quantile
 * @param median   50% quantile
 * @param q95      95% quantile
 * @param constant true when all draws are finite and span less than 2.22e-16
 */
public record ParameterSummary(String name, double mean, double sd, double median, double q5, double q95,
                               double mcseMean, double essBulk, double essTail, double rhat, boolean constant) {
}
