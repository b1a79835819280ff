package dev.meads.models.data;

import dev.meads.engine.rng.RandomStreams;
import dev.meads.models.radon.RadonData;

import java.util.random.RandomGenerator;

/**
 * Simulates radon data from the hierarchical model: county {@code j} gets
 * {@code max(1, Poisson(m))} observations, {@code alpha_j ~ N(mu_alpha, sigma_alpha)},
 * {@code floor ~ Bernoulli(p)}, {@code log_radon ~ N(alpha_j + beta floor, sigma_y)}.
 * Observations are grouped by county, in county order. The same seed gives the same data on
 * every run (one {@link RandomStreams#forPurpose} stream: counts, intercepts, floors, responses).
 */
public final class RadonGenerator {

    /**
     * What to simulate.
     *
     * @param counties number of counties
     * @param meanObservations Poisson mean of the observations per county (at most 500)
     * @param floorProbability probability that a measurement is on the first floor
     */
    public record Settings(int counties, double meanObservations, double floorProbability, double muAlpha,
                           double sigmaAlpha, double beta, double sigmaY) {
        public Settings {
            if (counties < 1) {
                throw new IllegalArgumentException("need at least one county, got " + counties);
            }
            if (!(meanObservations > 0 && meanObservations <= 500)) {
                throw new IllegalArgumentException("mean observations per county must be in (0, 500], got "
                        + meanObservations);
            }
            if (!(floorProbability >= 0 && floorProbability <= 1)) {
                throw new IllegalArgumentException("floor probability must be in [0, 1], got " + floorProbability);
            }
            if (!Double.isFinite(muAlpha) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("mu_alpha and beta must be finite");
            }
            if (!(sigmaAlpha >= 0 && sigmaAlpha < Double.POSITIVE_INFINITY)
                    || !(sigmaY > 0 && sigmaY < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("need sigma_alpha >= 0 and sigma_y > 0, both finite; got "
                        + sigmaAlpha + ", " + sigmaY);
            }
        }

        /**
         * The notebook's settings: 85 counties, Poisson(10) observations each, floor
         * probability 0.3, {@code mu_alpha = 1.3}, {@code sigma_alpha = 0.4}, {@code beta = -0.7},
         * {@code sigma_y = 0.5}.
         */
        public static Settings notebook() {
            return new Settings(85, 10, 0.3, 1.3, 0.4, -0.7, 0.5);
        }
    }

    private RadonGenerator() {
    }

    /** Simulates with the notebook's settings. */
    public static SyntheticRadon generate(long seed) {
        return generate(Settings.notebook(), seed);
    }

    /** Data simulated with {@code s}, and the intercepts drawn. */
    public static SyntheticRadon generate(Settings s, long seed) {
        RandomGenerator rng = RandomStreams.forPurpose(seed, "radon-synthetic-data");
        int j = s.counties();
        int[] perCounty = new int[j];
        int n = 0;
        for (int c = 0; c < j; c++) {
            perCounty[c] = Math.max(1, poisson(rng, s.meanObservations()));
            n += perCounty[c];
        }
        double[] alpha = new double[j];
        for (int c = 0; c < j; c++) {
            alpha[c] = s.muAlpha() + s.sigmaAlpha() * rng.nextGaussian();
        }
        int[] county = new int[n];
        double[] floor = new double[n];
        double[] logRadon = new double[n];
        for (int c = 0, i = 0; c < j; c++) {
            for (int k = 0; k < perCounty[c]; k++, i++) {
                county[i] = c;
            }
        }
        for (int i = 0; i < n; i++) {
            floor[i] = rng.nextDouble() < s.floorProbability() ? 1.0 : 0.0;
        }
        for (int i = 0; i < n; i++) {
            logRadon[i] = alpha[county[i]] + s.beta() * floor[i] + s.sigmaY() * rng.nextGaussian();
        }
        String source = "synthetic radon, " + j + " counties, seed " + seed;
        RadonData data = new RadonData(j, county, floor, logRadon, null, source);
        return new SyntheticRadon(data, s.muAlpha(), s.sigmaAlpha(), alpha, s.beta(), s.sigmaY());
    }

    /**
     * A Poisson draw by multiplying uniforms until the product falls below {@code exp(-mean)}
     * (Knuth): exact, O(mean) work, fine for the small means used here ({@code exp(-500)} is
     * still a normal double).
     */
    static int poisson(RandomGenerator rng, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double product = rng.nextDouble();
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }
}
