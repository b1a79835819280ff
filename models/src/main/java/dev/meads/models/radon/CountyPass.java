package dev.meads.models.radon;

/**
 * The O(J) loop over counties that carries all data dependence of the radon log density,
 * given the scalars of the current point. It writes the gradient with respect to each county
 * coordinate and returns the sums the rest of the density needs in {@code sums}.
 *
 * <p>With {@code r_c = ybar_c - alpha_c - beta fbar_c} and {@code w_c = n_c r_c}:
 * <ul>
 * <li>centred ({@code x_c = alpha_c}, {@code d_c = alpha_c - mu}): gradient
 *     {@code lambda w_c - tau d_c}; sums {@code [sum w r, sum w fbar, sum d, sum d^2]};
 * <li>non-centred ({@code x_c = z_c}, {@code alpha_c = mu + sigma z_c}): gradient
 *     {@code sigma lambda w_c - z_c}; sums {@code [sum w r, sum w fbar, sum w, sum w z, sum z^2]}.
 * </ul>
 * Here {@code lambda = 1/sigma_y^2} and {@code tau = 1/sigma_alpha^2}.
 */
interface CountyPass {
    int SQUARES = 0;
    int FLOOR_WEIGHTED = 1;
    /** Centred: sum of {@code d}; non-centred: sum of {@code w}. */
    int THIRD = 2;
    /** Centred: sum of {@code d^2}; non-centred: sum of {@code w z}. */
    int FOURTH = 3;
    /** Non-centred only: sum of {@code z^2}. */
    int RAW_SQUARES = 4;
    int SUM_COUNT = 5;
    /** The most lanes a Vector API species of doubles can have (2048-bit vectors). */
    int MAX_LANES = 32;
    /**
     * Length of the {@code sums} array callers pass: the {@link #SUM_COUNT} results first, then
     * scratch where the vector pass spills its per-lane partial sums before adding them (a
     * vector handed to a helper method that C2 declines to inline would be boxed on every call).
     */
    int SUMS_LENGTH = SUM_COUNT * (1 + MAX_LANES);

    void centred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                 double mu, double tau, double beta, double lambda, double[] sums);

    void nonCentred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                    double mu, double sigma, double beta, double lambda, double[] sums);
}
